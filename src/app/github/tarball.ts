import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { ExtractLimits } from './archive-checks.js';
import { extractTarball, type ExtractResult } from './extract.js';
import type { Octokit, RepoRef } from './types.js';

/**
 * Download a commit's tree as GitHub's repository tarball (`GET /repos/{owner}/{repo}/tarball/{ref}`,
 * which redirects to codeload) and extract it into `dest`, streaming: the archive is never held in
 * memory. Works for commits of forked pull requests too (GitHub keeps them in the base repository).
 */
export async function downloadTree(
  octokit: Octokit,
  repo: RepoRef,
  sha: string,
  dest: string,
  limits: ExtractLimits,
  signal?: AbortSignal,
): Promise<ExtractResult> {
  const res = await octokit.request('GET /repos/{owner}/{repo}/tarball/{ref}', {
    ...repo,
    ref: sha,
    request: { parseSuccessResponseBody: false, ...(signal ? { signal } : {}) },
  });
  const body = res.data;
  const stream =
    body instanceof Readable
      ? body
      : body && typeof (body as WebReadableStream).getReader === 'function'
        ? Readable.fromWeb(body as WebReadableStream<Uint8Array>)
        : Readable.from([Buffer.from(body as ArrayBuffer)]);
  return extractTarball(stream, dest, limits, signal);
}

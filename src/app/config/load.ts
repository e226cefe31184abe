import { ConfigError } from '../../config/errors.js';
import { MAX_CONFIG_BYTES } from '../../config/load.js';
import { quote } from '../../yaml/quote.js';
import { APP_CONFIG_PATH } from '../constants.js';
import type { Octokit, RepoRef } from '../github/types.js';
import { isStatus } from '../github/errors.js';
import { mergeAppConfig, parseAppConfigFile, type AppConfigFile } from './parse.js';
import type { AppConfig } from './types.js';

const MAX_EXTENDS = 3;

/**
 * The repository configuration as Probot's `context.config` finds it, but as text so that problems
 * have a line: `.github/privacy-review.yml` on the repository's **default branch** (a pull request
 * cannot change its own rules), else the same file in the owner's `.github` repository (org-wide
 * defaults); `_extends: repo` or `owner/repo:path` builds on another file. No file: the defaults.
 */
export async function loadAppConfig(octokit: Octokit, repo: RepoRef): Promise<AppConfig> {
  let first = await readFile(octokit, repo.owner, repo.repo, APP_CONFIG_PATH);
  let firstFile = APP_CONFIG_PATH;
  if (first === undefined && repo.repo !== '.github') {
    first = await readFile(octokit, repo.owner, '.github', APP_CONFIG_PATH, true);
    firstFile = `${repo.owner}/.github:${APP_CONFIG_PATH}`;
  }
  if (first === undefined) return mergeAppConfig([]);

  const chain: AppConfigFile[] = [parseAppConfigFile(first, firstFile)];
  const seen = new Set([firstFile]);
  while (chain[0].extends) {
    const from = chain[0];
    const target = parseExtends(from.extends!, repo.owner);
    const name = `${target.owner}/${target.repo}:${target.path}`;
    if (seen.has(name) || chain.length > MAX_EXTENDS) {
      throw new ConfigError([
        {
          file: from.file,
          line: 1,
          column: 1,
          message: `_extends ${quote(from.extends)} makes a loop or a chain longer than ${MAX_EXTENDS}`,
          hint: 'extend one shared file directly',
        },
      ]);
    }
    seen.add(name);
    const text = await readFile(octokit, target.owner, target.repo, target.path, true);
    if (text === undefined) {
      throw new ConfigError([
        {
          file: from.file,
          line: 1,
          column: 1,
          message: `_extends: ${name} was not found (or the App is not installed there)`,
          hint: 'check the repository and path, and that the App can read it',
        },
      ]);
    }
    chain.unshift(parseAppConfigFile(text, name));
  }
  return mergeAppConfig(chain);
}

/** `repo`, `owner/repo` or `owner/repo:path`. */
export function parseExtends(ref: string, defaultOwner: string): RepoRef & { path: string } {
  const [repoPart, filePath] = ref.split(':', 2) as [string, string | undefined];
  const [a, b] = repoPart.split('/');
  return b ? { owner: a, repo: b, path: filePath || APP_CONFIG_PATH } : { owner: defaultOwner, repo: a, path: filePath || APP_CONFIG_PATH };
}

/** The file's text on the default branch; undefined when it (or, for another repository, access to it) is missing. */
async function readFile(octokit: Octokit, owner: string, repo: string, path: string, elsewhere = false): Promise<string | undefined> {
  try {
    const res = await octokit.rest.repos.getContent({ owner, repo, path, mediaType: { format: 'raw' } });
    const text = typeof res.data === 'string' ? res.data : Buffer.isBuffer(res.data) ? res.data.toString('utf8') : undefined;
    if (text === undefined) {
      throw new ConfigError([
        { file: path, line: 1, column: 1, message: 'is not a file', hint: `put the configuration in ${APP_CONFIG_PATH}` },
      ]);
    }
    if (text.length > MAX_CONFIG_BYTES) {
      throw new ConfigError([
        {
          file: path,
          line: 1,
          column: 1,
          message: `is over the ${MAX_CONFIG_BYTES}-byte limit`,
          hint: 'a configuration is a few kilobytes',
        },
      ]);
    }
    return text;
  } catch (e) {
    if (isStatus(e, 404) || (elsewhere && isStatus(e, 403))) return undefined;
    throw e;
  }
}

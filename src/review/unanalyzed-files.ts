import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { FileError, SkippedFile } from '../core/contract.js';
import { authorCanSkip, losesAnalysis, type UnanalyzedFile } from './exclusions.js';

/** Source files compared under one skipped directory when the changed files are not known; past it, the directory counts as changed. */
const MAX_COMPARED = 20_000;
const SOURCE_NAME = /\.(?:[cm]?[tj]s|[tj]sx|prisma)$/i;

export interface UnanalyzedInput {
  baseDir: string;
  headDir: string;
  /** Head skips: the scan's and the files the download left out. A skipped directory stands for every file in it. */
  skipped: readonly SkippedFile[];
  errors: readonly FileError[];
  /** Paths that differ between the sides; undefined: compare the two trees on disk (both must be whole). */
  changed?: ReadonlySet<string>;
  /** Files of base findings that the head no longer shows: a skip may be hiding them. */
  fixedFiles: ReadonlySet<string>;
}

/**
 * The head files the scan did not analyze that matter to a review: those the change touches, and
 * those whose base findings are gone, with whether they changed and a hash of their content.
 */
export async function unanalyzedFiles(input: UnanalyzedInput): Promise<UnanalyzedFile[]> {
  const out: UnanalyzedFile[] = [];
  const changed = input.changed
    ? (file: string) => Promise.resolve(input.changed!.has(file))
    : (file: string) => differs(input.baseDir, input.headDir, file);

  for (const s of input.skipped) {
    if (!authorCanSkip(s.reason)) continue;
    const files = await filesAt(input, s.file);
    if (files === undefined) {
      out.push({
        file: s.file,
        kind: 'skipped',
        reason: `${s.reason} (over ${MAX_COMPARED.toLocaleString('en-US')} files: not compared, counted as changed)`,
        changed: true,
      });
      continue;
    }
    for (const file of files) {
      const touched = await changed(file);
      if (!touched && !input.fixedFiles.has(file)) continue;
      out.push({ file, kind: 'skipped', reason: s.reason, changed: touched, ...(await contentOf(input.headDir, file)) });
    }
  }
  for (const e of input.errors) {
    if (!losesAnalysis(e)) continue;
    const touched = await changed(e.file);
    if (!touched && !input.fixedFiles.has(e.file)) continue;
    out.push({
      file: e.file,
      kind: 'unanalyzed',
      reason: e.message,
      ...(e.line !== undefined ? { line: e.line } : {}),
      changed: touched,
      ...(await contentOf(input.headDir, e.file)),
    });
  }
  return out;
}

/**
 * The files a skipped entry stands for: itself, or the files below a skipped directory that matter
 * (changed ones when the changed files are known, else every source file there, compared one by
 * one). Undefined when a directory holds too many to compare.
 */
async function filesAt(input: UnanalyzedInput, entry: string): Promise<string[] | undefined> {
  const under = (f: string) => f === entry || f.startsWith(`${entry}/`);
  const fixed = [...input.fixedFiles].filter(under);
  if (input.changed) {
    // A changed path below a skipped directory that head no longer has was deleted, not skipped.
    const present = await Promise.all(
      [...input.changed].filter(under).map(async (f) => (f === entry || (await exists(input.headDir, f)) ? f : undefined)),
    );
    return [...new Set([...present.filter((f): f is string => f !== undefined), ...fixed])];
  }
  const stat = await fs.lstat(path.join(input.headDir, entry)).catch(() => undefined);
  if (!stat?.isDirectory()) return [entry];
  const files: string[] = [];
  const pending = [entry];
  while (pending.length) {
    const dir = pending.pop()!;
    const entries = await fs.readdir(path.join(input.headDir, dir), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) pending.push(rel);
      else if (e.isFile() && SOURCE_NAME.test(e.name)) files.push(rel);
      if (files.length > MAX_COMPARED) return undefined;
    }
  }
  return [...new Set([...files, ...fixed])];
}

function exists(dir: string, file: string): Promise<boolean> {
  return fs.lstat(path.join(dir, file)).then(
    () => true,
    () => false,
  );
}

/** Whether a head file is new or its bytes differ from the base side's. */
async function differs(baseDir: string, headDir: string, file: string): Promise<boolean> {
  const [a, b] = await Promise.all([hashOf(path.join(baseDir, file)), hashOf(path.join(headDir, file))]);
  return a === undefined || a !== b;
}

async function contentOf(headDir: string, file: string): Promise<{ content?: string }> {
  const content = await hashOf(path.join(headDir, file));
  return content ? { content } : {};
}

function hashOf(file: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const hash = createHash('sha256');
    const stream = createReadStream(file);
    stream.on('error', () => resolve(undefined));
    stream.on('data', (chunk) => hash.update(chunk));
    stream.on('end', () => resolve(hash.digest('hex')));
  });
}

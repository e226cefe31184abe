import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAMES, loadConfig } from '../config/load.js';
import type { ScanConfig } from '../config/types.js';

export interface BaseConfig {
  config: ScanConfig;
  /** The file it came from, relative to the base side's root; undefined for the defaults. */
  file?: string;
  /** For the reviewer: the pull request changes the configuration, which applies only once merged. */
  notes: string[];
}

/**
 * The scan configuration of a review comes from the base side (`.privacy-review.yml`, found as
 * `scan` finds it): a pull request must not be able to change its own rules, e.g. add an `ignore`
 * entry for the file that leaks. A change to it is reported as a note instead.
 */
export async function baseSideConfig(baseDir: string, headDir: string): Promise<BaseConfig> {
  const loaded = await loadConfig(baseDir, { cwd: baseDir });
  const notes: string[] = [];
  for (const name of CONFIG_FILE_NAMES) {
    const [before, after] = await Promise.all([readText(path.join(baseDir, name)), readText(path.join(headDir, name))]);
    const note = configChangeNote(name, before, after);
    if (note) notes.push(note);
  }
  return { config: loaded.config, ...(loaded.file ? { file: loaded.file } : {}), notes };
}

/** A note when the configuration differs between the sides; undefined when it does not. */
export function configChangeNote(file: string, before: string | undefined, after: string | undefined): string | undefined {
  if (before === after) return undefined;
  const what = before === undefined ? 'adds' : after === undefined ? 'removes' : 'changes';
  return `This pull request ${what} ${file}; the review used the base side's configuration (the change applies once merged).`;
}

async function readText(file: string): Promise<string | undefined> {
  return fs.readFile(file, 'utf8').catch(() => undefined);
}

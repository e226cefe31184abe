import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';

/** Write a report to `--output FILE`, creating its folder; a failure is the user's to fix (exit 2). */
export async function writeReport(file: string, report: string): Promise<void> {
  try {
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await fs.writeFile(file, report);
  } catch (e) {
    throw new UsageError(`cannot write the report to ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

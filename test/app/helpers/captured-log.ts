import { Writable } from 'node:stream';
import type { LevelWithSilent } from 'pino';
import { createSafeLogger } from '../../../src/app/log.js';

/** The App's safe logger writing its JSON lines into `lines`, for tests to read. */
export function capturedLog(level: LevelWithSilent = 'debug') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, log: createSafeLogger({ level, destination }) };
}

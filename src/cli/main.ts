#!/usr/bin/env node
import { run } from './program.js';

// `privacy-review scan | head`: the reader left, so stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

// Set the code rather than calling process.exit(), so that a report piped to stdout is flushed first.
process.exitCode = await run(process.argv);

#!/usr/bin/env node

// `privacy-review scan | head`: the reader left, so stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

// `--version` alone answers before the commands (and the YAML, JSON Schema and CLI libraries they
// load) are imported: it is what scripts and health checks call most.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { TOOL_VERSION } = await import('../engine/version.js');
  process.stdout.write(`${TOOL_VERSION}\n`);
} else {
  const { run } = await import('./program.js');
  // Set the code rather than calling process.exit(), so that a report piped to stdout is flushed first.
  process.exitCode = await run(process.argv);
}

import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../engine/version.js';
import { ConfigError } from '../config/errors.js';
import { UsageError } from './errors.js';
import { EXIT } from './exit-code.js';
import { registerScan } from './commands/scan.js';
import { registerReview } from './commands/review.js';
import { registerManifest } from './commands/manifest.js';
import type { CliContext } from './context.js';

/**
 * Every subcommand, each in its own file under commands/. A new one (`review`, `manifest init|suggest|check`)
 * is a `register(program, context)` function added here.
 */
const COMMANDS: ((program: Command, context: CliContext) => void)[] = [registerScan, registerReview, registerManifest];

const NAME = 'privacy-review';

export function createProgram(context: CliContext): Command {
  const program = new Command(NAME)
    .description('Finds personal data in TypeScript/JavaScript code: PII fields, PII in logs, and data flows to third parties.')
    .version(TOOL_VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError(`(run ${NAME} --help for usage)`)
    // Commander exits by itself with 1 on usage errors; ours is 2, so it throws and `run` decides.
    .exitOverride()
    .addHelpText(
      'after',
      `\nExamples:\n  $ ${NAME} scan\n  $ ${NAME} scan src --format sarif --output privacy.sarif\n  $ ${NAME} scan --help`,
    );
  for (const register of COMMANDS) register(program, context);
  return program;
}

/** Run the CLI with `argv` (as process.argv) and return the exit code. Never throws. */
export async function run(argv: readonly string[]): Promise<number> {
  const context: CliContext = { exitCode: EXIT.clean };
  try {
    await createProgram(context).parseAsync([...argv]);
    return context.exitCode;
  } catch (e) {
    return handleError(e);
  }
}

function handleError(e: unknown): number {
  if (e instanceof CommanderError) {
    // Commander has printed its message (or the help/version); only the exit code is ours.
    return e.exitCode === 0 ? EXIT.clean : EXIT.usage;
  }
  const debug = process.env.PRIVACY_REVIEW_DEBUG === '1';
  if (e instanceof ConfigError) {
    process.stderr.write(`${NAME}: invalid configuration\n${e.message}\n`);
  } else if (e instanceof UsageError) {
    process.stderr.write(`${NAME}: ${e.message}\n`);
  } else {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`${NAME}: internal error: ${message.split('\n')[0]}${debug ? '' : ' (set PRIVACY_REVIEW_DEBUG=1 for details)'}\n`);
  }
  if (debug && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  return EXIT.usage;
}

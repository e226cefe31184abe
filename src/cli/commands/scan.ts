import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { loadConfig } from '../../config/load.js';
import { REPORT_FORMATS, renderReport, summaryLine, type ReportFormat } from '../../report/index.js';
import { UsageError } from '../errors.js';
import { FAIL_ON_VALUES, exitCodeFor, type FailOn } from '../exit-code.js';
import { createProgress, useColor } from '../terminal.js';
import type { CliContext } from '../context.js';
import { writeReport } from '../write-report.js';
import { collect, withCustomAnalyzers } from '../custom-analyzers.js';
import { CACHE_DIR_HELP, CACHE_HELP, cacheFromFlags } from '../cache.js';

interface ScanFlags {
  format: ReportFormat;
  output?: string;
  config?: string;
  failOn?: FailOn;
  showSuppressed?: boolean;
  progress: boolean;
  filesPerProgram?: number;
  analyzer?: string[];
  cache?: boolean;
  cacheDir?: string;
}

const EXAMPLES = `
Examples:
  $ privacy-review scan                          scan the current directory, text report
  $ privacy-review scan services/api --fail-on medium
  $ privacy-review scan --format sarif --output privacy.sarif
  $ privacy-review scan --format markdown >> "$GITHUB_STEP_SUMMARY"
  $ privacy-review scan --format json --fail-on none | jq '.findings[].file'
  $ privacy-review scan --cache                  answer unchanged files from node_modules/.cache/privacy-review

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 bad usage, path or configuration.
Configuration: .privacy-review.yml (or .github/privacy-review.yml) in the scanned directory, or --config FILE.`;

export function registerScan(program: Command, context: CliContext): void {
  program
    .command('scan')
    .description('find personal data in fields, logs and outgoing data flows of a TypeScript/JavaScript project')
    .argument('[path]', 'directory to scan', '.')
    .addOption(new Option('-f, --format <format>', 'report format').choices(REPORT_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file (the summary line still goes to stderr)')
    .option('-c, --config <file>', 'configuration file (default: .privacy-review.yml in the scanned directory)')
    .option(
      '--analyzer <module>',
      'also run this custom analyzer (a path or package name; repeatable; see "Custom analyzers" in the README)',
      collect,
    )
    .addOption(
      new Option(
        '--fail-on <severity>',
        'exit with 1 when an unsuppressed finding is at or above this severity (default: failOn from the configuration, else high)',
      ).choices(FAIL_ON_VALUES),
    )
    .option('--show-suppressed', 'list suppressed findings in the text report (they are always counted)')
    .option('--no-progress', 'no progress bar (it is only drawn on a terminal, for more than 50 files)')
    .option('--cache', CACHE_HELP)
    .option('--cache-dir <dir>', CACHE_DIR_HELP)
    .addOption(
      new Option(
        '--files-per-program <n>',
        'most files analyzed per TypeScript program (default 2500): fewer bound the memory of a very large scan, more make it faster when memory allows',
      ).argParser(positiveInteger),
    )
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run privacy-review scan --help for usage)')
    .action(async (target: string, flags: ScanFlags) => {
      context.exitCode = await runScan(target, flags);
    });
}

async function runScan(target: string, flags: ScanFlags): Promise<number> {
  const root = path.resolve(target);
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat) throw new UsageError(`path not found: ${target}`);
  if (!stat.isDirectory()) throw new UsageError(`${target} is a file; pass the directory to scan (the project root)`);
  const { config } = await loadConfig(root, { configFile: flags.config });
  const cache = cacheFromFlags(flags, process.cwd());

  // The engine (ts-morph) and the analyzers load only now, so --help and --version stay fast.
  const [{ scan }, { ANALYZERS: BUILTIN }] = [await import('../../engine/scan.js'), await import('../../../analyzers/index.js')];
  const ANALYZERS = await withCustomAnalyzers(BUILTIN, {
    flags: flags.analyzer ?? [],
    config,
    ...(flags.config ? { explicitConfigFile: flags.config } : {}),
    cwd: process.cwd(),
  });
  const progress = await createProgress(flags.progress);
  let result;
  try {
    result = await scan({
      root,
      config,
      analyzers: ANALYZERS,
      filesPerProgram: flags.filesPerProgram,
      onProgress: progress?.update,
      ...(cache ? { cache } : {}),
    });
  } finally {
    progress?.stop();
  }

  const report = renderReport(flags.format, result, {
    rules: BUILTIN.map((a) => a.meta),
    showSuppressed: flags.showSuppressed,
    color: flags.format === 'text' && !flags.output && useColor(process.stdout),
  });
  if (flags.output) {
    await writeReport(flags.output, report);
    process.stderr.write(`${summaryLine(result)}\n`);
  } else {
    process.stdout.write(report);
  }
  return exitCodeFor(result, flags.failOn ?? config.failOn);
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1)
    throw new InvalidArgumentError('expected a whole number of files, at least 1.');
  return n;
}

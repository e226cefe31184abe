import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { EXIT } from '../exit-code.js';
import { useColor } from '../terminal.js';
import type { CliContext } from '../context.js';
import { ReviewSetupError } from '../../review/errors.js';
import type { Decision, Review } from '../../review/types.js';
import { DEFAULT_CONFIG } from '../../config/types.js';
import { collect, withCustomAnalyzers } from '../custom-analyzers.js';
import { writeReport } from '../write-report.js';
import { CACHE_DIR_HELP, CACHE_HELP, cacheFromFlags } from '../cache.js';

const FORMATS = ['text', 'markdown', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

/** Which verdicts exit with 1: `review` (default) review_required and fail, `fail` only fail, `none` never. */
const FAIL_ON = ['review', 'fail', 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];

interface ReviewFlags {
  base: string;
  head?: string;
  format: Format;
  output?: string;
  manifest?: string;
  config?: string;
  templates?: string;
  failOn: FailOn;
  full?: boolean;
  earlyCutoff?: boolean;
  analyzer?: string[];
  cache?: boolean;
  cacheDir?: string;
}

const EXAMPLES = `
Examples:
  $ privacy-review review --base main                        the work tree (HEAD + uncommitted changes) against main
  $ privacy-review review --base origin/main --head HEAD --format markdown >> "$GITHUB_STEP_SUMMARY"
  $ privacy-review review --base "$BASE_SHA" --head "$HEAD_SHA" services/api --format json

The base side is the merge base of --base and --head (what the pull request changes, as GitHub's
three-dot diff). The scan configuration is read from the base side; the manifest (.privacy/manifest.yml
in the reviewed directory) from each side, and the head's decides.

Exit codes: 0 pass, 1 review required or fail (see --fail-on), 2 bad usage, not a git repository,
a ref missing from the clone (the message says what to fetch) or an invalid configuration.`;

export function registerReview(program: Command, context: CliContext): void {
  program
    .command('review')
    .description('review a change (pull request): new personal data, undeclared flows and manifest changes between two commits')
    .argument('[path]', 'directory to review, inside a git repository', '.')
    .requiredOption('-b, --base <ref>', 'branch or commit the change targets, e.g. origin/main')
    .option('--head <ref>', 'commit to review (default: the work tree as it is, HEAD plus uncommitted changes)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file (the verdict still goes to stderr)')
    .option('-m, --manifest <file>', 'data-flow manifest inside the reviewed directory (default: .privacy/manifest.yml)')
    .option(
      '-c, --config <file>',
      'configuration file; inside the repository it is read from the base side (default: .privacy-review.yml there)',
    )
    .option(
      '--full',
      'analyze every file on both sides (default: the changed files and the files that import them, which give the same new and fixed findings; a full review also lists stale declarations)',
    )
    .option(
      '--early-cutoff',
      'experimental: skip importers of changed files whose privacy summary (what other files read of them) is the same on both sides',
    )
    .option(
      '--analyzer <module>',
      'also run this custom analyzer on both sides (a path or package name; repeatable; see "Custom analyzers" in the README)',
      collect,
    )
    .option('--cache', CACHE_HELP)
    .option('--cache-dir <dir>', CACHE_DIR_HELP)
    .option('--templates <dir>', 'directory with your own Markdown templates (checklist.md.hbs, ...)')
    .addOption(
      new Option('--fail-on <verdict>', 'exit with 1 at this verdict or worse: review (review required or fail), fail, none')
        .choices(FAIL_ON)
        .default('review'),
    )
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run privacy-review review --help for usage)')
    .action(async (target: string, flags: ReviewFlags) => {
      try {
        context.exitCode = await runReviewCommand(target, flags);
      } catch (e) {
        // git plumbing problems are the user's to fix (fetch the base, run inside a repository): exit 2
        if (e instanceof ReviewSetupError) throw new UsageError(e.message);
        throw e;
      }
    });
}

async function runReviewCommand(target: string, flags: ReviewFlags): Promise<number> {
  const dir = path.resolve(target);
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat) throw new UsageError(`path not found: ${target}`);
  if (!stat.isDirectory()) throw new UsageError(`${target} is a file; pass the directory to review`);
  const manifestPath = flags.manifest ? manifestInside(dir, flags.manifest) : undefined;
  const cache = cacheFromFlags(flags, process.cwd());
  if (
    flags.templates &&
    !(await fs.stat(flags.templates).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    throw new UsageError(`--templates ${flags.templates} is not a directory`);
  }

  // The engine (ts-morph), the analyzers and the templates load only now, so --help stays fast.
  const [{ runReview }, { ANALYZERS: BUILTIN }, { renderReview, TemplateError }] = [
    await import('../../review/run.js'),
    await import('../../../analyzers/index.js'),
    await import('../../render/index.js'),
  ];
  // Only the command line names custom analyzers for a review: both sides' configurations are the reviewed code's.
  const ANALYZERS = await withCustomAnalyzers(BUILTIN, { flags: flags.analyzer ?? [], config: DEFAULT_CONFIG, cwd: process.cwd() });
  const review = await runReview({
    dir,
    base: flags.base,
    ...(flags.head ? { head: flags.head } : {}),
    analyzers: ANALYZERS,
    ...(flags.config ? { configFile: flags.config } : {}),
    ...(manifestPath ? { manifestPath } : {}),
    ...(flags.full ? { full: true } : {}),
    ...(flags.earlyCutoff ? { earlyCutoff: true } : {}),
    ...(cache ? { cache } : {}),
  });
  let report: string;
  try {
    report = renderReview(review, {
      format: flags.format,
      ...(flags.templates ? { templatesDir: path.resolve(flags.templates) } : {}),
      rules: BUILTIN.map((a) => a.meta),
      color: flags.format === 'text' && !flags.output && useColor(process.stdout),
      ...(flags.format === 'text' && !flags.output && process.stdout.isTTY && process.stdout.columns
        ? { width: process.stdout.columns }
        : {}),
    });
  } catch (e) {
    // a broken template of the repository's own (--templates) is a usage problem, not a crash
    if (e instanceof TemplateError) throw new UsageError(e.message);
    throw e;
  }
  if (flags.output) {
    await writeReport(flags.output, report);
    process.stderr.write(`${verdictLine(review)}\n`);
  } else {
    process.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
  }
  // after the report, where a terminal user's eye lands; on stderr, so a piped report stays clean
  for (const note of review.notes ?? []) process.stderr.write(`privacy-review: note: ${note}\n`);
  return exitCodeForDecision(review.verdict.decision, flags.failOn);
}

const RANK: Record<Decision, number> = { pass: 0, review_required: 1, fail: 2 };

export function exitCodeForDecision(decision: Decision, failOn: FailOn): number {
  if (failOn === 'none') return EXIT.clean;
  return RANK[decision] >= (failOn === 'review' ? RANK.review_required : RANK.fail) ? EXIT.findings : EXIT.clean;
}

/** `privacy-review: review required: 1 undeclared data flow (segment)`. */
function verdictLine(review: Review): string {
  const label = { pass: 'pass', review_required: 'review required', fail: 'fail' }[review.verdict.decision];
  return `privacy-review: ${label}: ${review.verdict.reasons.join('; ')}`;
}

/** `--manifest` is a path like any other (relative to the current directory) that must lie in the reviewed directory: it is read from both sides. */
function manifestInside(dir: string, file: string): string {
  const rel = path.relative(dir, path.resolve(file));
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new UsageError(`--manifest ${file} is not inside the reviewed directory ${dir}; it is read from both sides of the change`);
  }
  return rel.split(path.sep).join('/');
}

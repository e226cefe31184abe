import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config/load.js';
import type { ScanConfig } from '../../config/types.js';
import type { ScanResult } from '../../core/contract.js';
import { DEFAULT_MANIFEST_PATH, parseManifest } from '../../manifest/load.js';
import { formatManifestProblem, hasErrors } from '../../manifest/problems.js';
import type { LoadedManifest } from '../../manifest/types.js';
import { Taxonomy } from '../../taxonomy/taxonomy.js';
import { UsageError } from '../errors.js';
import { EXIT } from '../exit-code.js';
import { createProgress } from '../terminal.js';
import type { CliContext } from '../context.js';
import { UNREADABLE_CODES } from '../../manifest/problems.js';

interface ManifestFlags {
  manifest?: string;
  config?: string;
}

const EXAMPLES = `
Examples:
  $ privacy-review manifest init                 scan the project, write .privacy/manifest.yml
  $ privacy-review manifest check                validate it: file:line:col: error|warning code: message — hint
  $ privacy-review manifest suggest              print it with entries for undeclared findings
  $ privacy-review manifest suggest --write      ... and save it

Exit codes: 0 valid (warnings allowed), 1 errors in the manifest, 2 bad usage, missing manifest or invalid configuration.`;

export function registerManifest(program: Command, context: CliContext): void {
  const manifest = program
    .command('manifest')
    .description('write, check and update the data-flow manifest (.privacy/manifest.yml)')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run privacy-review manifest --help for usage)');

  const common = (cmd: Command) =>
    cmd
      .argument('[path]', 'project root', '.')
      .option('-m, --manifest <file>', `manifest file (default: ${DEFAULT_MANIFEST_PATH} in the project root)`)
      .option('-c, --config <file>', 'scan configuration, for custom data categories (default: .privacy-review.yml in the project root)')
      .showHelpAfterError(`(run privacy-review manifest ${cmd.name()} --help for usage)`);

  common(manifest.command('check').description('validate the manifest: schema, data categories, references and reviewer rules')).action(
    async (target: string, flags: ManifestFlags) => {
      context.exitCode = await runCheck(target, flags);
    },
  );
  common(manifest.command('init').description('scan the project and write a first manifest (TODO where a person must decide)'))
    .option('-f, --force', 'overwrite an existing manifest')
    .option('-n, --name <name>', 'system name (default: the name in package.json, else the directory name)')
    .option('--no-progress', 'no progress bar')
    .action(async (target: string, flags: ManifestFlags & { force?: boolean; name?: string; progress: boolean }) => {
      context.exitCode = await runInit(target, flags);
    });
  common(manifest.command('suggest').description('add entries for undeclared findings, keeping the comments and formatting of the file'))
    .option('-w, --write', 'save the result to the manifest instead of printing it')
    .option('--no-progress', 'no progress bar')
    .action(async (target: string, flags: ManifestFlags & { write?: boolean; progress: boolean }) => {
      context.exitCode = await runSuggest(target, flags);
    });
}

interface Located {
  root: string;
  /** Absolute path of the manifest. */
  file: string;
  /** As shown in messages: relative to the working directory when inside it. */
  shown: string;
  config: ScanConfig;
  taxonomy: Taxonomy;
}

async function locate(target: string, flags: ManifestFlags): Promise<Located> {
  const root = path.resolve(target);
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat) throw new UsageError(`path not found: ${target}`);
  if (!stat.isDirectory()) throw new UsageError(`${target} is a file; pass the project root (use --manifest for the manifest file)`);
  const file = flags.manifest ? path.resolve(flags.manifest) : path.join(root, DEFAULT_MANIFEST_PATH);
  const { config } = await loadConfig(root, { configFile: flags.config });
  const taxonomy = config.classifier.categories?.length ? Taxonomy.default().withCustom(config.classifier.categories) : Taxonomy.default();
  return { root, file, shown: displayPath(file), config, taxonomy };
}

/** The manifest text; a missing one is a usage error that says how to create it. */
async function readManifest(target: string, at: Located): Promise<string> {
  const stat = await fs.stat(at.file).catch(() => undefined);
  if (!stat?.isFile()) {
    const init = `privacy-review manifest init${target === '.' ? '' : ` ${target}`}`;
    throw new UsageError(`no manifest at ${at.shown}: create one with \`${init}\` (it scans the project and writes a first manifest)`);
  }
  try {
    return await fs.readFile(at.file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${at.shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

async function runCheck(target: string, flags: ManifestFlags): Promise<number> {
  const at = await locate(target, flags);
  const loaded = parseManifest(await readManifest(target, at), at.shown, { taxonomy: at.taxonomy });
  for (const p of loaded.problems) process.stdout.write(`${formatManifestProblem(p)}\n`);
  process.stderr.write(`${summary(loaded)}\n`);
  return hasErrors(loaded.problems) ? EXIT.findings : EXIT.clean;
}

async function runInit(target: string, flags: ManifestFlags & { force?: boolean; name?: string; progress: boolean }): Promise<number> {
  const at = await locate(target, flags);
  if (!flags.force && (await fs.stat(at.file).catch(() => undefined))) {
    throw new UsageError(
      `${at.shown} already exists; use --force to overwrite it, or \`privacy-review manifest suggest\` to add what is missing`,
    );
  }
  const result = await scanProject(at, flags.progress);
  const { initManifest } = await import('../../manifest/init.js');
  const { manifestSchemaRef } = await import('../../manifest/schema-ref.js');
  const { ref: schema, shared: schemaShared } = manifestSchemaRef(at.file);
  // The text of a scanned file tells a stored model (`@Entity`, `new Schema`) from a shape that passes through.
  const fileText = (file: string) => {
    try {
      return readFileSync(path.join(at.root, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  const text = initManifest(result, { systemName: flags.name ?? (await systemName(at.root)), taxonomy: at.taxonomy, schema, fileText });
  await write(at, text);
  const loaded = parseManifest(text, at.shown, { taxonomy: at.taxonomy });
  const m = loaded.manifest;
  const todos = loaded.problems.filter((p) => p.code === 'todo').length;
  process.stderr.write(
    `wrote ${at.shown}: ${count(m.datasets.length, 'dataset')}, ${count(m.flows.length, 'flow')}, ${count(m.purposes.length, 'purpose')}` +
      (todos ? `; ${count(todos, 'TODO value')} to fill in (privacy-review manifest check lists them)\n` : '\n'),
  );
  if (!schemaShared)
    process.stderr.write(
      `note: its $schema line points at this machine's privacy-review (${schema}); with privacy-review installed in the project (npm install --save-dev) it points into node_modules\n`,
    );
  return EXIT.clean;
}

async function runSuggest(target: string, flags: ManifestFlags & { write?: boolean; progress: boolean }): Promise<number> {
  const at = await locate(target, flags);
  const text = await readManifest(target, at);
  const loaded = parseManifest(text, at.shown, { taxonomy: at.taxonomy });
  const unreadable = loaded.problems.filter((p) => UNREADABLE_CODES.has(p.code));
  if (unreadable.length) {
    for (const p of unreadable) process.stdout.write(`${formatManifestProblem(p)}\n`);
    process.stderr.write(`${at.shown} cannot be edited until its YAML is fixed\n`);
    return EXIT.findings;
  }
  const result = await scanProject(at, flags.progress);
  const [{ matchFindings }, { suggestManifest }] = [await import('../../review/match.js'), await import('../../manifest/suggest.js')];
  const undeclared = matchFindings(result.findings, loaded, { taxonomy: at.taxonomy })
    .findings.filter((m) => !m.declared)
    .map((m) => m.finding);
  const suggestion = suggestManifest(text, undeclared, { taxonomy: at.taxonomy });
  if (flags.write && suggestion.added.length) await write(at, suggestion.text);
  else if (!flags.write) process.stdout.write(suggestion.text);

  const lines = [
    suggestion.added.length
      ? `${flags.write ? 'added' : 'would add'} ${count(suggestion.added.length, 'entry', 'entries')} to ${at.shown}${flags.write ? '' : ' (use --write to save)'}:`
      : suggestion.skipped.length
        ? `nothing to add to ${at.shown}`
        : `nothing to add: every finding is declared in ${at.shown}`,
    ...suggestion.added.map((a) => `  + ${a}`),
    ...(suggestion.skipped.length ? ['left undeclared, to fix in the code:', ...suggestion.skipped.map((s) => `  ! ${s}`)] : []),
  ];
  if (todoCount(suggestion.text) > todoCount(text)) lines.push('Fill in the new TODO values; privacy-review manifest check lists them.');
  process.stderr.write(`${lines.join('\n')}\n`);
  return EXIT.clean;
}

/** The same scan as `privacy-review scan`, engine loaded only now so that --help stays fast. */
async function scanProject(at: Located, progressWanted: boolean): Promise<ScanResult> {
  const [{ scan }, { ANALYZERS }] = [await import('../../engine/scan.js'), await import('../../../analyzers/index.js')];
  const progress = await createProgress(progressWanted);
  try {
    return await scan({ root: at.root, config: at.config, analyzers: ANALYZERS, onProgress: progress?.update });
  } finally {
    progress?.stop();
  }
}

async function write(at: Located, text: string): Promise<void> {
  try {
    await fs.mkdir(path.dirname(at.file), { recursive: true });
    await fs.writeFile(at.file, text);
  } catch (e) {
    throw new UsageError(`cannot write ${at.shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

async function systemName(root: string): Promise<string> {
  try {
    const pkg = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as { name?: unknown };
    if (typeof pkg.name === 'string' && pkg.name.trim()) return pkg.name.trim();
  } catch {
    // no or unreadable package.json: the directory name will do
  }
  return path.basename(root) || 'system';
}

function summary(loaded: LoadedManifest): string {
  const errors = loaded.problems.filter((p) => p.severity === 'error' && p.code !== 'too-many-problems').length;
  const warnings = loaded.problems.filter((p) => p.severity === 'warning').length;
  if (!errors) return `${loaded.file}: valid${warnings ? ` (${count(warnings, 'warning')})` : ''}`;
  return `${loaded.file}: ${count(errors, 'error')}${warnings ? `, ${count(warnings, 'warning')}` : ''}`;
}

function todoCount(text: string): number {
  return text.match(/\bTODO\b/g)?.length ?? 0;
}

function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

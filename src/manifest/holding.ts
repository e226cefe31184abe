/**
 * Whether a model's personal data is kept (a database table, a document schema, a Prisma model) or
 * only passes through (a DTO, a view model, component props, a validator). A privacy engineer
 * declares the first as datasets, one per store, and covers the second with a few path entries:
 * listing every request shape as its own dataset buries the stores among a hundred look-alikes.
 */

export type Holding = { kind: 'stored'; store: string } | { kind: 'transient' };

/** Names of shapes that carry data between layers, whatever the file around them holds. */
const TRANSIENT_OWNER =
  /(Dto|DTO|Input|Inputs|Request|Response|Props|Params|Args|Payload|Form|FormData|FormValues|ViewModel|Vm|State|Options|Body|Query|Filter|Command|Event)$/;

/** Markers of a store declaration in a file's text, most specific first. */
const STORE_MARKERS: readonly { store: string; re: RegExp }[] = [
  { store: 'typeorm', re: /@Entity\s*\(|@ViewEntity\s*\(|\bEntitySchema\s*[(<]/ },
  {
    store: 'mongoose',
    re: /@Schema\s*\(|\bnew\s+(?:mongoose\.)?Schema\s*[(<]|\bmongoose\.model\s*[(<]|\bSchemaFactory\.createForClass\s*\(/,
  },
  { store: 'sequelize', re: /@Table\s*\(|\bsequelize\.define\s*\(|\bDataTypes\.[A-Z]/ },
  { store: 'drizzle', re: /\b(?:pg|mysql|sqlite)Table\s*\(/ },
  { store: 'mikro-orm', re: /@mikro-orm\// },
  { store: 'knex', re: /\.createTable\s*\(/ },
];

/** File names and directories that hold store declarations by convention (when the text is not at hand). */
const STORE_PATH: readonly { store: string; re: RegExp }[] = [
  { store: 'database', re: /\.entity\.[cm]?[jt]s$/ },
  { store: 'database', re: /(^|\/)(entities|entity)\/[^/]+$/ },
];

/** Code that changes a store's shape, not data: a migration's fields are column names. */
const NOT_A_MODEL_PATH = /(^|\/)(migrations?|seeds?|seeders?)\//;

/**
 * Where a model's data lives. `text` is the file's source when the caller can read it (init does);
 * without it, only file names decide, so the answer stays conservative (transient).
 */
export function holdingOf(file: string, owner: string, text?: string): Holding {
  if (file.endsWith('.prisma')) return { kind: 'stored', store: 'prisma' };
  if (NOT_A_MODEL_PATH.test(file) || TRANSIENT_OWNER.test(owner)) return { kind: 'transient' };
  if (text !== undefined) {
    for (const m of STORE_MARKERS) if (m.re.test(text)) return { kind: 'stored', store: m.store };
  }
  for (const m of STORE_PATH) if (m.re.test(file)) return { kind: 'stored', store: m.store };
  return { kind: 'transient' };
}

/** Top-level directories of a monorepo whose children are packages (`packages/database`, `apps/web`). */
const PACKAGE_PARENTS = new Set(['packages', 'apps', 'libs', 'services', 'modules', 'projects', 'plugins']);

/** The workspace package a file belongs to (`packages/database`), or '' for a single-package repository. */
export function packageOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 && PACKAGE_PARENTS.has(parts[0]) ? `${parts[0]}/${parts[1]}` : '';
}

/**
 * The glob a path entry uses for a transient shape: its package's first directory (below `src`),
 * so that `src/auth/dto/login.dto.ts` and `src/auth/types.ts` share `src/auth/**`.
 */
export function areaOf(file: string): string {
  const pkg = packageOf(file);
  const rest = (pkg ? file.slice(pkg.length + 1) : file).split('/');
  const prefix = pkg ? [pkg] : [];
  if (rest[0] === 'src' && rest.length > 2) prefix.push('src', rest[1]);
  else if (rest.length > 1) prefix.push(rest[0]);
  else return pkg ? `${pkg}/**` : rest[0];
  return `${prefix.join('/')}/**`;
}

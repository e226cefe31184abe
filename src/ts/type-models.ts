import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * Type models of schema libraries: small declaration files (in `type-models/` at the package root)
 * that let the checker compute what a schema-inferred type holds — `z.infer<typeof ZUser>`,
 * `InferSelectModel<typeof users>`, `typeof users.$inferSelect` — field by field. The scan reads no
 * `node_modules`, so without them such types are `any` and a value typed with one carries no
 * personal data. Each row: the package specifiers a model answers for, and its file.
 */
export const TYPE_MODELS: readonly TypeModel[] = [
  { specifiers: ['zod', 'zod/v3', 'zod/v4', 'zod/mini', 'zod/v4-mini'], file: 'zod.d.ts', uses: ['zod-schema.d.ts'] },
  { specifiers: ['drizzle-orm'], file: 'drizzle-orm.d.ts' },
  {
    specifiers: [
      'drizzle-orm/pg-core',
      'drizzle-orm/mysql-core',
      'drizzle-orm/sqlite-core',
      'drizzle-orm/singlestore-core',
      'drizzle-orm/gel-core',
    ],
    file: 'drizzle-orm-core.d.ts',
    uses: ['drizzle-orm.d.ts'],
  },
];

export interface TypeModel {
  /** The import specifiers it answers for. */
  specifiers: readonly string[];
  file: string;
  /** The model files this one imports. */
  uses?: readonly string[];
}

/** Where the models appear to live; nothing is read from there. */
export const TYPE_MODELS_DIR = '/__privacy-review_type-models__';

const bySpecifier = new Map(TYPE_MODELS.flatMap((m) => m.specifiers.map((s) => [s, path.posix.join(TYPE_MODELS_DIR, m.file)] as const)));
let texts: Map<string, string> | undefined;

/** The model file standing for a package specifier the project does not resolve itself. */
export function typeModelFor(specifier: string): string | undefined {
  return bySpecifier.get(specifier);
}

/**
 * The model files a program over these sources needs: those of the packages whose names appear in
 * a source (the program does not follow imports, so they are among its root files).
 */
export function typeModelFilesFor(sources: Iterable<string>): string[] {
  const wanted = new Set<string>();
  const pending = TYPE_MODELS.filter((m) => m.specifiers.length > 0);
  for (const text of sources) {
    for (let i = pending.length - 1; i >= 0; i--) {
      const m = pending[i];
      if (!m.specifiers.some((s) => text.includes(s))) continue;
      for (const f of [m.file, ...(m.uses ?? [])]) wanted.add(path.posix.join(TYPE_MODELS_DIR, f));
      pending.splice(i, 1);
    }
    if (pending.length === 0) break;
  }
  return [...wanted];
}

/** The models' texts by their virtual file names, read once per process. */
export function typeModelTexts(): ReadonlyMap<string, string> {
  if (texts) return texts;
  const dir = modelsDir();
  // Every file of the directory: a model may import its helpers (`zod.d.ts` re-exports `zod-schema.d.ts`).
  texts = new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.d.ts'))
      .map((f) => [path.posix.join(TYPE_MODELS_DIR, f), readFileSync(path.join(dir, f), 'utf8')]),
  );
  return texts;
}

/** `type-models/` at the package root, from `src/ts/` and from `dist/src/ts/`. */
function modelsDir(): string {
  for (const rel of ['../../type-models/', '../../../type-models/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path.join(dir, TYPE_MODELS[0].file))) return dir;
  }
  throw new Error('The type models (type-models/*.d.ts) are missing from the privacy-review package; reinstall it.');
}

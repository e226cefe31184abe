import type { TypeHint } from '../../src/classifier/classifier.js';
import type { FieldDecl, ModelDecl } from './report-field.js';
import { dictionary } from '../../src/shared/dictionary.js';

/**
 * A small line-based reader for `schema.prisma`: `model`, `view` and composite `type` blocks with
 * their scalar fields, `enum` names (fields of an enum type are flags, not free text), `@map` /
 * `@@map` names, and comments (`//`, `///`) outside strings. Relation fields (typed by another model)
 * are skipped: the related model reports its own fields. Prisma fields are one per line, which is
 * what makes a line reader enough.
 */

interface PrismaField {
  name: string;
  type: string;
  line: number;
  /** 1-based column of the field name. */
  column: number;
  map?: string;
}

interface PrismaBlock {
  kind: 'model' | 'view' | 'type' | 'enum';
  name: string;
  map?: string;
  fields: PrismaField[];
}

const BLOCK_START = /^(model|view|type|enum|datasource|generator)\s+(\w+)\s*\{/;
const FIELD = /^(\w+)\s+(\w+)/;
const MAP = /@map\(\s*(?:name\s*:\s*)?"([^"]*)"/;
const BLOCK_MAP = /^@@map\(\s*(?:name\s*:\s*)?"([^"]*)"/;

/** Prisma scalar types; everything else is an enum, a composite type or a related model. */
const SCALARS = dictionary<TypeHint | undefined>({
  String: 'string',
  Boolean: 'boolean',
  Int: 'number',
  Float: 'number',
  Decimal: 'number',
  BigInt: 'bigint',
  DateTime: 'date',
  Json: 'object',
  Bytes: undefined,
  Unsupported: undefined,
});

export function parsePrisma(text: string): PrismaBlock[] {
  const blocks: PrismaBlock[] = [];
  let current: PrismaBlock | undefined;
  let skipping = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = stripComment(raw);
    const trimmed = line.trim();
    if (!trimmed) return;
    if (current || skipping) {
      if (trimmed.startsWith('}')) {
        current = undefined;
        skipping = false;
        return;
      }
      if (!current) return;
      if (trimmed.startsWith('@@')) {
        const m = BLOCK_MAP.exec(trimmed);
        if (m) current.map = m[1];
        return;
      }
      const f = FIELD.exec(trimmed);
      if (!f) return;
      const map = MAP.exec(trimmed)?.[1];
      current.fields.push({ name: f[1], type: f[2], line: i + 1, column: line.indexOf(f[1]) + 1, ...(map ? { map } : {}) });
      return;
    }
    const b = BLOCK_START.exec(trimmed);
    if (!b) return;
    const kind = b[1];
    const block = kind === 'datasource' || kind === 'generator' ? undefined : { kind: kind as PrismaBlock['kind'], name: b[2], fields: [] };
    if (block) blocks.push(block);
    // `enum Role { A B }` opens and closes on one line.
    if (trimmed.includes('}', b[0].length)) return;
    current = block;
    skipping = !block;
  });
  return blocks;
}

/** The line without its `//` comment; `//` inside a string (`@default("https://...")`) is kept. */
function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === '"') inString = !inString;
    else if (!inString && c === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
}

/** Models, views and composite types as ModelDecls, with type hints from the Prisma scalar types. */
export function prismaModels(text: string): ModelDecl[] {
  const blocks = parsePrisma(text);
  const enums = new Set(blocks.filter((b) => b.kind === 'enum').map((b) => b.name));
  const composites = new Set(blocks.filter((b) => b.kind === 'type').map((b) => b.name));
  const models: ModelDecl[] = [];
  for (const b of blocks) {
    if (b.kind === 'enum') continue;
    const fields: FieldDecl[] = [];
    for (const f of b.fields) {
      const hint = enums.has(f.type) ? 'enum' : composites.has(f.type) ? 'object' : f.type in SCALARS ? SCALARS[f.type] : null;
      if (hint === null) continue; // a relation to another model
      fields.push({
        name: f.name,
        at: { line: f.line, column: f.column, endLine: f.line, endColumn: f.column + f.name.length },
        ...(hint ? { hint: () => hint } : {}),
        ...(f.map ? { column: f.map } : {}),
      });
    }
    models.push({ owner: b.name, ...(b.map ? { aliases: [b.map] } : {}), fields });
  }
  return models;
}

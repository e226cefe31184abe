import { Ajv, type ErrorObject } from 'ajv';
import { closest } from '../config/suggest.js';
import { MANIFEST_SCHEMA } from './schema.js';
import { displayPath } from './positions.js';
import type { Problems } from './problems.js';

let compiled: ReturnType<Ajv['compile']> | undefined;

/** JSON Schema problems: unknown keys (with "did you mean"), missing fields, wrong types, bad values. */
export function validateSchema(data: unknown, problems: Problems): void {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    ajv.addVocabulary(['x-hint']);
    compiled = ajv.compile(MANIFEST_SCHEMA);
  }
  if (compiled(data)) return;
  const errors = compiled.errors ?? [];
  // A value of the wrong type also fails its enum or pattern: say it once.
  const mistyped = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  for (const e of errors) {
    if (e.keyword !== 'type' && mistyped.has(e.instancePath)) continue;
    if (problems.full) {
      problems.drop();
      continue;
    }
    report(e, data, problems);
  }
}

/** One ajv error as a positioned, actionable problem. */
function report(e: ErrorObject, data: unknown, problems: Problems): void {
  const path = e.instancePath.split('/').slice(1).map(unescapePointer);
  const where = displayPath(path) || 'the manifest';
  const schema = schemaAt(e.schemaPath);
  const value = valueAt(data, path);
  let hint = schema?.['x-hint'] as string | undefined;

  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const allowed = Object.keys((schema?.properties as object | undefined) ?? {});
      const suggestion = closest(key, allowed);
      problems.add(
        'error',
        'unknown-key',
        path,
        `unknown key "${key}"${path.length ? ` in ${where}` : ''}`,
        suggestion ? `did you mean "${suggestion}"?` : `allowed keys: ${allowed.join(', ')}`,
        key,
      );
      return;
    }
    case 'required': {
      const key = String(e.params.missingProperty);
      const property = (schema?.properties as Record<string, Record<string, unknown>> | undefined)?.[key];
      problems.error('missing-field', path, `${where} is missing "${key}"`, (property?.['x-hint'] as string | undefined) ?? hint);
      return;
    }
    case 'type': {
      const expected = article(String(e.params.type));
      const message = value === null || value === undefined ? `${where} is empty; it must be ${expected}` : `${where} must be ${expected}, not ${article(typeName(value))}`;
      problems.error('wrong-type', path, message, hint);
      return;
    }
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      if (path.length === 1 && path[0] === 'version') {
        problems.error('unsupported-version', path, `manifest version ${JSON.stringify(value)} is not supported`, 'this privacy-review reads version: 1');
        return;
      }
      const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
      problems.error('invalid-value', path, `${where} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`, suggestion ? `did you mean "${suggestion}"?` : hint);
      return;
    }
    case 'pattern':
    case 'minLength': {
      const blank = typeof value === 'string' && !value.trim();
      problems.error('invalid-value', path, blank ? `${where} must not be empty` : `${where} ${JSON.stringify(value)} is not valid`, hint);
      return;
    }
    case 'minItems':
      problems.error('invalid-value', path, `${where} must list at least ${e.params.limit} item${e.params.limit === 1 ? '' : 's'}`, hint);
      return;
    default:
      problems.error('invalid-value', path, `${where} ${e.message ?? 'is not valid'}`, hint);
  }
}

/** The sub-schema an ajv `schemaPath` points into (without its final keyword). */
function schemaAt(schemaPath: string): Record<string, unknown> | undefined {
  const segments = schemaPath.replace(/^#\/?/, '').split('/').filter(Boolean).slice(0, -1).map(unescapePointer);
  let s: unknown = MANIFEST_SCHEMA;
  for (const seg of segments) s = s && typeof s === 'object' ? (s as Record<string, unknown>)[seg] : undefined;
  return s as Record<string, unknown> | undefined;
}

function valueAt(data: unknown, path: string[]): unknown {
  let v = data;
  for (const seg of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[seg] : undefined;
  return v;
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

function typeName(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && Number.isInteger(v)) return 'integer';
  return typeof v;
}

function article(type: string): string {
  const words: Record<string, string> = { array: 'a list', object: 'a mapping', string: 'a string', integer: 'a whole number', number: 'a number', boolean: 'true or false' };
  return words[type] ?? type;
}

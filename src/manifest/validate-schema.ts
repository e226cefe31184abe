import { Ajv, type ErrorObject } from 'ajv';
import { closest } from '../config/suggest.js';
import { MANIFEST_SCHEMA } from './schema.js';
import { displayPath } from './positions.js';
import { quote } from '../yaml/quote.js';
import { article, pointer, schemaAt as schemaIn, typeName, valueAt } from '../yaml/schema-errors.js';
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
  const path = pointer(e.instancePath);
  const where = displayPath(path) || 'the manifest';
  const schema = schemaIn(MANIFEST_SCHEMA, e.schemaPath);
  const value = valueAt(data, path);
  const hint = schema?.['x-hint'] as string | undefined;

  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const allowed = Object.keys((schema?.properties as object | undefined) ?? {});
      const suggestion = closest(key, allowed);
      problems.add(
        'error',
        'unknown-key',
        path,
        `unknown key ${quote(key)}${path.length ? ` in ${where}` : ''}`,
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
      const message =
        value === null || value === undefined
          ? `${where} is empty; it must be ${expected}`
          : `${where} must be ${expected}, not ${article(typeName(value))}`;
      problems.error('wrong-type', path, message, hint);
      return;
    }
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      if (path.length === 1 && path[0] === 'version') {
        problems.error(
          'unsupported-version',
          path,
          `manifest version ${quote(value)} is not supported`,
          'this privacy-review reads version: 1',
        );
        return;
      }
      const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
      problems.error(
        'invalid-value',
        path,
        `${where} must be one of ${allowed.join(', ')}, not ${quote(value)}`,
        suggestion ? `did you mean "${suggestion}"?` : hint,
      );
      return;
    }
    case 'pattern':
    case 'minLength': {
      const blank = typeof value === 'string' && !value.trim();
      problems.error('invalid-value', path, blank ? `${where} must not be empty` : `${where} ${quote(value)} is not valid`, hint);
      return;
    }
    case 'minItems':
      problems.error('invalid-value', path, `${where} must list at least ${e.params.limit} item${e.params.limit === 1 ? '' : 's'}`, hint);
      return;
    default:
      problems.error('invalid-value', path, `${where} ${e.message ?? 'is not valid'}`, hint);
  }
}

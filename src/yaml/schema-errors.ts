/** Helpers to turn ajv errors into messages a person can act on (shared by config and manifest). */

/** The sub-schema an ajv `schemaPath` points into (without its final keyword). */
export function schemaAt(schema: object, schemaPath: string): Record<string, unknown> | undefined {
  const segments = schemaPath.replace(/^#\/?/, '').split('/').filter(Boolean).slice(0, -1).map(unescapePointer);
  let s: unknown = schema;
  for (const seg of segments) s = s && typeof s === 'object' ? (s as Record<string, unknown>)[seg] : undefined;
  return s as Record<string, unknown> | undefined;
}

/** The value at a path of keys in plain data. */
export function valueAt(data: unknown, path: readonly string[]): unknown {
  let v = data;
  for (const seg of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[seg] : undefined;
  return v;
}

/** Segments of a JSON pointer such as ajv's `instancePath`. */
export function pointer(instancePath: string): string[] {
  return instancePath.split('/').slice(1).map(unescapePointer);
}

export function unescapePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function typeName(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && Number.isInteger(v)) return 'integer';
  return typeof v;
}

/** `a list`, `a mapping`: JSON Schema type names in words a YAML author knows. */
export function article(type: string): string {
  const words: Record<string, string> = {
    array: 'a list',
    object: 'a mapping',
    string: 'a string',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
  };
  return words[type] ?? type;
}

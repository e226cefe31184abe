import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { parseBoundedYaml } from '../../src/yaml/bounded-parse.js';
import { CONFIG_YAML_LIMITS } from '../../src/config/load.js';
import { configValue, documentText, manifestValue } from '../fuzz/documents.js';

// The linear duplicate-key check replaces the `yaml` library's quadratic one: it must find the same keys at the same places.
const duplicatesOf = (errors: readonly { code: string; pos: [number, number] }[]) =>
  errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos[0]);

test('the same duplicate keys as the yaml library, at the same offsets', () => {
  fc.assert(
    fc.property(fc.oneof(documentText(manifestValue), documentText(configValue)), (text) => {
      const bounded = parseBoundedYaml(text, CONFIG_YAML_LIMITS);
      fc.pre(!bounded.refusal); // a refused document is not searched to the end
      const ours = duplicatesOf(bounded.errors);
      const theirs = duplicatesOf(parseDocument(text, { uniqueKeys: true }).errors).sort((a, b) => a - b);
      expect(ours).toHaveLength(theirs.length);
      // yaml puts a key after an empty value at the end of the line before: ours is the key itself
      ours.forEach((offset, i) => expect(text.slice(theirs[i], offset)).toMatch(/^\s*$/));
    }),
    { numRuns: 500 },
  );
});

test('keys as yaml compares them: by value and type, with props, in flow and block mappings', () => {
  for (const text of [
    'a: 1\na: 2\n',
    '&x k: 1\n!!str k: 2\n',
    '{1: a, 1.0: b, "1": c}\n',
    '~: 1\nnull: 2\n',
    '.nan: 1\n.nan: 2\n',
    '? [a]\n: 1\n? [a]\n: 2\n',
    '- {a: 1}\n- {a: 2}\n',
  ]) {
    expect([text, duplicatesOf(parseBoundedYaml(text, CONFIG_YAML_LIMITS).errors)]).toEqual([
      text,
      duplicatesOf(parseDocument(text, { uniqueKeys: true }).errors),
    ]);
  }
  expect(duplicatesOf(parseBoundedYaml('b:\nb:\n', CONFIG_YAML_LIMITS).errors)).toEqual([3]); // the second key, where yaml says 2 (the line before)
});

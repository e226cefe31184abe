import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { manifestSchemaRef } from '../../src/manifest/schema-ref.js';

/** The `$schema` of a new manifest must name a file that exists, relative to the manifest, so that editors complete. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'schema-ref-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const installAt = (root: string) => {
  mkdirSync(path.join(root, 'node_modules/privacy-review/schemas'), { recursive: true });
  writeFileSync(path.join(root, 'node_modules/privacy-review/schemas/manifest.schema.json'), '{}');
};
const resolves = (manifest: string, ref: string) => existsSync(path.resolve(path.dirname(manifest), ref));

test('installed in the project: the schema in node_modules, relative to .privacy/', () => {
  installAt(dir);
  const manifest = path.join(dir, '.privacy/manifest.yml');
  const { ref, shared } = manifestSchemaRef(manifest, '/nowhere');
  expect(ref).toBe('../node_modules/privacy-review/schemas/manifest.schema.json');
  expect(shared).toBe(true);
  expect(resolves(manifest, ref)).toBe(true);
});

test('a workspace package: the root node_modules the packages share', () => {
  installAt(dir);
  const manifest = path.join(dir, 'packages/api/.privacy/manifest.yml');
  const { ref } = manifestSchemaRef(manifest, '/nowhere');
  expect(ref).toBe('../../../node_modules/privacy-review/schemas/manifest.schema.json');
  expect(resolves(manifest, ref)).toBe(true);
});

test('not installed in the project (a global install): the running installation, which exists here', () => {
  const manifest = path.join(dir, '.privacy/manifest.yml');
  const { ref, shared } = manifestSchemaRef(manifest);
  expect(shared).toBe(false);
  expect(resolves(manifest, ref)).toBe(true);
  expect(ref).toMatch(/schemas\/manifest\.schema\.json$/);
});

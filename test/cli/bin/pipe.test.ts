import { spawnSync } from 'node:child_process';
import { BIN, ensureBuilt } from '../../harness/bin.js';
import { project } from '../project.js';

beforeAll(ensureBuilt);

// `privacy-review scan --format json | head` closes the pipe early: that is not an error worth a crash dump.
test('a reader that stops early does not make the CLI crash with EPIPE', () => {
  // Skipped declaration files make a report far larger than a pipe buffer, with or without analyzers.
  const files = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`types/generated-declarations-${i}.d.ts`, 'export {};\n']));
  const root = project(files);
  const r = spawnSync(
    'bash',
    ['-c', `"${process.execPath}" "${BIN}" scan "${root}" --format json | head -c 100 >/dev/null; echo "status=\${PIPESTATUS[0]}"`],
    {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/^status=[01]\n$/);
});

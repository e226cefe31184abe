import { spawnSync } from 'node:child_process';
import { BIN, ensureBuilt, runBin } from '../../harness/bin.js';
import { CLEAN, project } from '../project.js';

beforeAll(ensureBuilt);

const ANSI = /\u001b\[\d+m/;

/** Run the CLI on a pseudo-terminal (util-linux `script`), as a person would; stdout and stderr both land in the output. */
function onTerminal(args: string[], env: NodeJS.ProcessEnv = {}): string {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', NO_COLOR: '', TERM: 'xterm', ...env },
  });
  return r.stdout;
}

const manyFiles = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`src/m${i}.ts`, `export const v${i} = ${i};\n`]));

// Colour and progress are for people at a terminal; pipes, files and CI logs get plain text.
test('colour on a terminal, none with NO_COLOR', () => {
  const root = project(CLEAN);
  expect(onTerminal(['scan', root])).toMatch(ANSI);
  expect(onTerminal(['scan', root], { NO_COLOR: '1' })).not.toMatch(ANSI);
});

test('a progress bar on a terminal for more than 50 files, unless --no-progress', () => {
  const root = project(manyFiles);
  expect(onTerminal(['scan', root])).toContain('Scanning');
  expect(onTerminal(['scan', root, '--no-progress'])).not.toContain('Scanning');
  expect(onTerminal(['scan', project(CLEAN)])).not.toContain('Scanning');
});

test('no progress bar when stderr is not a terminal', () => {
  const r = runBin(['scan', project(manyFiles)]);
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
});

import { ANALYZERS } from '../../analyzers/index.js';
import { reviewTrees } from '../../src/review/run.js';
import type { Review } from '../../src/review/types.js';
import { reviewChanges, writeTree } from './git-repo.js';

/*
 * Early cutoff: the importers of a changed file are analyzed only when the file's privacy summary
 * (what other files' analysis can read from it) differs between the sides. Each case compares the
 * fast review with cutoff against the full review (every file on both sides).
 */

const BASE: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true } }),
  'src/models/user.ts': 'export interface User {\n  id: string;\n  email: string;\n  plan: string;\n}\n',
  'src/models/profile.ts': 'export interface Profile {\n  plan: string;\n  theme: string;\n}\n',
  'src/lib/logger.ts': "import pino from 'pino';\n\nexport const logger = pino();\n",
  'src/lib/analytics.ts':
    "import { Analytics } from '@segment/analytics-node';\n\nexport const analytics = new Analytics({ writeKey: 'k' });\n",
  'src/lib/describe.ts':
    "import type { User } from '../models/user';\n\nexport function describe(user: User): string {\n  const label = user.id;\n  const padded = label.padStart(4);\n  return padded;\n}\n",
  'src/services/signup.ts':
    "import type { User } from '../models/user';\nimport { logger } from '../lib/logger';\nimport { describe } from '../lib/describe';\n\nexport function signup(user: User) {\n  logger.info(describe(user));\n}\n",
  'src/services/preferences.ts':
    "import type { Profile } from '../models/profile';\nimport { analytics } from '../lib/analytics';\n\nexport function sendProfile(profile: Profile) {\n  analytics.track({ userId: 'u', event: 'profile', properties: profile });\n}\n",
  'src/routes/users.ts':
    "import type { User } from '../models/user';\nimport { signup } from '../services/signup';\n\nexport function post(user: User) {\n  signup(user);\n}\n",
};

const tree = (files: Record<string, string | null>) => writeTree(files, 'cutoff-');

const changes = reviewChanges;
const brief = (r: Review) =>
  r.findings.filter((f) => f.status !== 'unchanged').map((f) => `${f.status} ${f.finding.rule} ${f.finding.file}`);

async function both(base: Record<string, string>, edits: Record<string, string | null>): Promise<{ full: Review; fast: Review }> {
  const baseDir = tree(base);
  const headDir = tree({ ...base, ...edits });
  const common = { baseDir, headDir, analyzers: ANALYZERS, today: '2026-01-01' };
  // a threshold of 0: these projects are small, the cutoff is what is tested
  return {
    full: await reviewTrees({ ...common, full: true, changed: Object.keys(edits) }),
    fast: await reviewTrees({ ...common, changed: Object.keys(edits), cutoff: { minDependents: 0 } }),
  };
}

test('a function body edited without changing its summary: no file that imports it is analyzed', async () => {
  const { full, fast } = await both(BASE, {
    'src/lib/describe.ts':
      "import type { User } from '../models/user';\n\nexport function describe(user: User): string {\n  // pad to six now\n  const label = user.id;\n  const padded = label.padStart(6, '0');\n  return padded;\n}\n",
  });
  expect(changes(fast)).toEqual(changes(full));
  expect(fast.stats.scope).toMatchObject({ mode: 'changed', changed: 1, dependents: 0, cutOff: 2 });
  expect(fast.stats.headFiles).toBe(1);
});

test('a function that starts returning the e-mail: the caller that logs it has a new finding', async () => {
  const { full, fast } = await both(BASE, {
    'src/lib/describe.ts':
      "import type { User } from '../models/user';\n\nexport function describe(user: User): string {\n  const label = user.email;\n  const padded = label.padStart(4);\n  return padded;\n}\n",
  });
  expect(brief(fast)).toContain('new pii-logging src/services/signup.ts');
  expect(changes(fast)).toEqual(changes(full));
  expect(fast.stats.scope).toMatchObject({ mode: 'changed', dependents: 2, cutOff: 0 });
});

test('a type gains a personal field: the importer that sends the type has a new finding', async () => {
  const { full, fast } = await both(BASE, {
    'src/models/profile.ts': 'export interface Profile {\n  plan: string;\n  theme: string;\n  phone: string;\n}\n',
  });
  expect(brief(fast)).toContain('new data-flow src/services/preferences.ts');
  expect(changes(fast)).toEqual(changes(full));
});

test('a type edited without a new field (a comment-free reorder of members is still a difference): importers are analyzed', async () => {
  const { full, fast } = await both(BASE, {
    'src/models/profile.ts': 'export interface Profile {\n  theme: string;\n  plan: string;\n}\n',
  });
  expect(changes(fast)).toEqual(changes(full));
  expect(fast.stats.scope).toMatchObject({ dependents: 1, cutOff: 0 });
});

test('a logger factory whose construction changes (pino redact paths) is a difference', async () => {
  const base = {
    ...BASE,
    'src/lib/logger.ts':
      "import pino from 'pino';\n\nexport function makeLogger() {\n  const options = { redact: ['email'] };\n  const made = pino(options);\n  return made;\n}\n\nexport const logger = makeLogger();\n",
    'src/services/audit.ts':
      "import type { User } from '../models/user';\nimport { logger } from '../lib/logger';\n\nexport function audit(user: User) {\n  logger.info({ email: user.email }, 'audit');\n}\n",
  };
  const { full, fast } = await both(base, {
    'src/lib/logger.ts':
      "import pino from 'pino';\n\nexport function makeLogger() {\n  const options = { redact: ['token'] };\n  const made = pino(options);\n  return made;\n}\n\nexport const logger = makeLogger();\n",
  });
  expect(changes(fast)).toEqual(changes(full));
  expect(fast.stats.scope?.cutOff).toBe(0);
});

/*
 * Randomized: generated projects (models, helpers that read, log and send model fields, services and
 * routes calling them) and random edits of one to three files (bodies, fields, sinks, no-ops); the
 * fast review with cutoff must report exactly the full review's new and fixed findings every time.
 */
const FIELDS = ['id', 'plan', 'email', 'phone', 'theme', 'status', 'address', 'nickname', 'ssn', 'createdAt'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generated(random: () => number): { files: Record<string, string>; helpers: string[]; models: string[]; services: string[] } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const files: Record<string, string> = {
    ...Object.fromEntries(Object.entries(BASE).filter(([f]) => f.startsWith('src/lib/') || f === 'tsconfig.json')),
  };
  delete files['src/lib/describe.ts'];
  const models: string[] = [];
  for (let m = 0; m < 3; m++) {
    const fields = ['id', ...FIELDS.slice(1).filter(() => random() < 0.35)];
    files[`src/models/m${m}.ts`] = `export interface M${m} {\n${fields.map((f) => `  ${f}: string;\n`).join('')}}\n`;
    models.push(`src/models/m${m}.ts`);
  }
  const helpers: string[] = [];
  const helperModel: number[] = [];
  for (let h = 0; h < 4; h++) {
    const m = Math.floor(random() * 3);
    helperModel.push(m);
    const field = pick(['id', 'plan', 'email', 'theme']);
    files[`src/lib/h${h}.ts`] =
      `import type { M${m} } from '../models/m${m}';\nimport { logger } from './logger';\nimport { analytics } from './analytics';\n\n` +
      `export function pick${h}(x: M${m}): string {\n  const v = x.${field} ?? '';\n  return v;\n}\n\n` +
      `export function log${h}(text: string) {\n  logger.info(text);\n}\n\n` +
      `export function send${h}(x: M${m}) {\n  const payload = { id: x.id };\n  analytics.track({ userId: 'u', event: 'e', properties: payload });\n}\n\n` +
      `export function copy${h}(x: M${m}): M${m} {\n  return { ...x };\n}\n`;
    helpers.push(`src/lib/h${h}.ts`);
  }
  const services: string[] = [];
  for (let s = 0; s < 4; s++) {
    const h = Math.floor(random() * 4);
    const m = helperModel[h]!;
    files[`src/services/s${s}.ts`] =
      `import type { M${m} } from '../models/m${m}';\nimport { pick${h}, log${h}, send${h}, copy${h} } from '../lib/h${h}';\nimport { logger } from '../lib/logger';\n\n` +
      `export function run${s}(u: M${m}) {\n  log${h}(pick${h}(u));\n  send${h}(copy${h}(u));\n  logger.debug({ kept: copy${h}(u).id });\n}\n`;
    services.push(`src/services/s${s}.ts`);
  }
  files['src/routes/index.ts'] =
    `${services.map((_, s) => `import { run${s} } from '../services/s${s}';\n`).join('')}\nexport const routes = [${services.map((_, s) => `run${s}`).join(', ')}];\n`;
  return { files, helpers, models, services };
}

/** One random edit of a generated file, or undefined when the kind does not apply to it. */
function edit(text: string, random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const kinds: ((t: string) => string)[] = [
    (t) => t.replace(/const v = x\.(\w+)/, () => `const v = x.${pick(['id', 'plan', 'email', 'theme', 'phone'])}`),
    (t) => t.replace(/(\n {2}const v = )/, '\n  const unused = 1;$1'),
    (t) =>
      t.replace(/logger\.info\(text\);/, pick(['void text;', 'logger.info(text.trim());', "logger.info('fixed');", 'logger.warn(text);'])),
    (t) =>
      t.replace(
        /const payload = \{ id: x\.id \};/,
        pick(['const payload = { id: x.id, email: x.email };', 'const payload = { ...x };', 'const payload = { id: x.id }; // same']),
      ),
    (t) => t.replace(/return \{ \.\.\.x \};/, pick(['return x;', 'const y = { ...x };\n  return y;'])),
    (t) => t.replace(/\n}\n$/, `\n  ${pick(FIELDS)}: string;\n}\n`),
    (t) => t.replace(/\n {2}(?!id)\w+: string;/, ''),
    (t) =>
      t.replace(
        /logger\.debug\(\{ kept: (copy\d)\(u\)\.id \}\);/,
        pick(['logger.debug({ kept: $1(u).id, plan: u.id });', 'logger.debug({ kept: $1(u) });']),
      ),
  ];
  for (let tries = 0; tries < 8; tries++) {
    const changed = pick(kinds)(text);
    if (changed !== text) return changed;
  }
  return text + '\n// touched\n';
}

test('randomized projects and edits: the fast review with cutoff reports exactly the full review’s changes', async () => {
  let cutOff = 0;
  let differing = 0;
  for (let seed = 1; seed <= 16; seed++) {
    const random = rng(seed);
    const project = generated(random);
    const candidates = [...project.helpers, ...project.helpers, ...project.models, ...project.services];
    const edits: Record<string, string> = {};
    const count = 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      const file = candidates[Math.floor(random() * candidates.length)]!;
      edits[file] = edit(edits[file] ?? project.files[file]!, random);
    }
    const { full, fast } = await both(project.files, edits);
    expect({ seed, changes: changes(fast) }).toEqual({ seed, changes: changes(full) });
    expect(fast.verdict.decision).toBe(full.verdict.decision);
    cutOff += fast.stats.scope?.cutOff ?? 0;
    if (changes(full).length) differing++;
  }
  // the runs exercise both outcomes: importers cut off, and changes that reach them
  expect(cutOff).toBeGreaterThan(0);
  expect(differing).toBeGreaterThan(0);
}, 900_000);

test('a change whose files few others import is not summarized: analyzing those importers costs less', async () => {
  const baseDir = tree(BASE);
  const headDir = tree({ ...BASE, 'src/lib/describe.ts': BASE['src/lib/describe.ts']!.replace('padStart(4)', 'padStart(6)') });
  const r = await reviewTrees({ baseDir, headDir, analyzers: ANALYZERS, changed: ['src/lib/describe.ts'] });
  expect(r.stats.scope).toMatchObject({ mode: 'changed', dependents: 2, cutOff: 0 });
});

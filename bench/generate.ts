/**
 * Generates a realistic TypeScript repository for benchmarks: domain modules with models, services,
 * controllers and utilities, cross-file imports, loggers, SDK calls, ORM entities, and a known set of
 * planted personal-data findings (written to `planted.json`) to measure what the scan finds.
 *
 *   tsx bench/generate.ts <dir> <files>
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Planted {
  file: string;
  line: number;
  rule: 'pii-field' | 'pii-logging' | 'data-flow';
  sink?: string;
}

export interface GeneratedRepo {
  files: number;
  lines: number;
  planted: Planted[];
  /** Files of one domain module and its dependents: what a typical 20-file pull request touches. */
  prFiles: string[];
}

/** Deterministic pseudo-random numbers, so every run generates the same repository. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PERSON_MODELS = ['Customer', 'Patient', 'Employee', 'Member', 'Applicant', 'Subscriber', 'Driver', 'Tenant'];
const THING_MODELS = ['Invoice', 'Product', 'Shipment', 'Ticket', 'Report', 'Inventory', 'Warehouse', 'Campaign', 'Contract', 'Asset'];

export function generateRepo(dir: string, targetFiles: number): GeneratedRepo {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = rng(42);
  const planted: Planted[] = [];
  let lines = 0;
  let files = 0;
  const write = (rel: string, text: string) => {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    lines += text.split('\n').length;
    files++;
  };

  write(
    'tsconfig.json',
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          experimentalDecorators: true,
          types: [],
        },
        include: ['src'],
      },
      null,
      2,
    ),
  );
  write('src/shims.d.ts', SHIMS);
  write('src/lib/logger.ts', "import pino from 'pino';\n\nexport const logger = pino({ level: 'info' });\n");
  write(
    'src/lib/analytics.ts',
    "import { Analytics } from '@segment/analytics-node';\n\nexport const analytics = new Analytics({ writeKey: 'key' });\n",
  );

  // Each domain module: 1 model, 1 service, 1 controller, then utilities to fill up (utilities
  // dominate real code bases; most files hold no personal data).
  const moduleCount = Math.max(1, Math.round(targetFiles / 8));
  const prFiles: string[] = [];
  for (let m = 0; m < moduleCount && files < targetFiles; m++) {
    const person = random() < 0.4;
    const base = person ? PERSON_MODELS[m % PERSON_MODELS.length]! : THING_MODELS[m % THING_MODELS.length]!;
    const model = `${base}${m}`;
    const dirName = `src/modules/${base.toLowerCase()}${m}`;
    const modelFile = `${dirName}/${base.toLowerCase()}.entity.ts`;
    const model_ = modelSource(model, person);
    write(modelFile, model_.text);
    for (const line of model_.piiLines) planted.push({ file: modelFile, line, rule: 'pii-field' });

    const serviceFile = `${dirName}/${base.toLowerCase()}.service.ts`;
    const plant = person ? (random() < 0.5 ? 'log' : random() < 0.5 ? 'segment' : 'http') : 'none';
    const service = serviceSource(model, base.toLowerCase(), person, plant, m);
    write(serviceFile, service.text);
    if (service.plantedLine) {
      planted.push({
        file: serviceFile,
        line: service.plantedLine,
        rule: plant === 'log' ? 'pii-logging' : 'data-flow',
        sink: plant === 'log' ? 'pino' : plant === 'segment' ? 'segment' : `http:api.partner${m % 5}.example.com`,
      });
    }
    write(`${dirName}/${base.toLowerCase()}.controller.ts`, controllerSource(model, base.toLowerCase()));
    const utilCount = 5;
    for (let u = 0; u < utilCount && files < targetFiles; u++) write(`${dirName}/util/helpers${u}.ts`, utilSource(m, u, random));
    if (prFiles.length < 20)
      prFiles.push(modelFile, serviceFile, `${dirName}/${base.toLowerCase()}.controller.ts`, `${dirName}/util/helpers0.ts`);
  }
  writeFileSync(path.join(dir, 'planted.json'), JSON.stringify(planted, null, 1));
  return { files, lines, planted, prFiles: prFiles.slice(0, 20) };
}

function modelSource(model: string, person: boolean): { text: string; piiLines: number[] } {
  const fields = person
    ? [
        ['id', 'string'],
        ['email', 'string'],
        ['firstName', 'string'],
        ['lastName', 'string'],
        ['phoneNumber', 'string'],
        ['dateOfBirth', 'Date'],
        ['emailVerified', 'boolean'],
        ['loginCount', 'number'],
        ['createdAt', 'Date'],
        ['status', 'string'],
      ]
    : [
        ['id', 'string'],
        ['title', 'string'],
        ['amount', 'number'],
        ['currency', 'string'],
        ['createdAt', 'Date'],
        ['updatedAt', 'Date'],
        ['status', 'string'],
        ['sku', 'string'],
      ];
  const pii = new Set(['id', 'email', 'firstName', 'lastName', 'phoneNumber', 'dateOfBirth']);
  const out = [
    "import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';",
    '',
    `@Entity('${model.toLowerCase()}s')`,
    `export class ${model} {`,
  ];
  const piiLines: number[] = [];
  for (const [name, type] of fields) {
    out.push(name === 'id' ? '  @PrimaryGeneratedColumn()' : '  @Column()');
    if (person && pii.has(name!)) piiLines.push(out.length + 1);
    out.push(`  ${name}!: ${type};`, '');
  }
  out.push('}', '', `export interface ${model}Summary {`, '  id: string;', '  label: string;', '  total: number;', '}', '');
  return { text: out.join('\n'), piiLines };
}

function serviceSource(model: string, lower: string, person: boolean, plant: string, m: number): { text: string; plantedLine?: number } {
  const out = [
    `import type { ${model}, ${model}Summary } from './${lower}.entity';`,
    "import { logger } from '../../lib/logger';",
    "import { analytics } from '../../lib/analytics';",
    `import { formatAmount0, clamp0 } from './util/helpers0';`,
    '',
    `export class ${model}Service {`,
    `  private readonly cache = new Map<string, ${model}>();`,
    '',
    `  async find(id: string): Promise<${model} | undefined> {`,
    "    logger.debug({ id }, 'lookup');",
    '    return this.cache.get(id);',
    '  }',
    '',
    `  summarize(items: ${model}[]): ${model}Summary[] {`,
    '    return items.map((item, index) => ({ id: item.id, label: `#${index}`, total: clamp0(index * 3, 0, 100) }));',
    '  }',
    '',
    `  async save(entity: ${model}): Promise<void> {`,
    '    this.cache.set(entity.id, entity);',
    `    logger.info({ id: entity.id }, 'saved ${lower}');`,
  ];
  let plantedLine: number | undefined;
  if (person && plant === 'log') {
    plantedLine = out.length + 1;
    out.push('    logger.info(`welcome ${entity.firstName} <${entity.email}>`);');
  } else if (person && plant === 'segment') {
    plantedLine = out.length + 1;
    out.push("    analytics.track({ userId: entity.id, event: 'saved', properties: { email: entity.email } });");
  } else if (person && plant === 'http') {
    plantedLine = out.length + 1;
    out.push(
      `    await fetch('https://api.partner${m % 5}.example.com/sync', { method: 'POST', body: JSON.stringify({ phone: entity.phoneNumber }) });`,
    );
  }
  out.push('  }', '', '  report(total: number): string {', '    return formatAmount0(total);', '  }', '}', '');
  return { text: out.join('\n'), plantedLine };
}

function controllerSource(model: string, lower: string): string {
  return [
    "import type { Request, Response } from 'express';",
    `import { ${model}Service } from './${lower}.service';`,
    '',
    `const service = new ${model}Service();`,
    '',
    `export async function get${model}(req: Request, res: Response) {`,
    '  const item = await service.find(String(req.params.id));',
    '  if (!item) {',
    "    res.status(404).json({ error: 'not found' });",
    '    return;',
    '  }',
    '  res.json(service.summarize([item]));',
    '}',
    '',
    `export async function list${model}(_req: Request, res: Response) {`,
    '  res.json({ total: service.report(42) });',
    '}',
    '',
  ].join('\n');
}

function utilSource(m: number, u: number, random: () => number): string {
  const out = [`// Utilities of module ${m}.`, ''];
  const fns = 6 + Math.floor(random() * 6);
  for (let i = 0; i < fns; i++) {
    out.push(
      `export function formatAmount${i}(value: number, currency = 'EUR'): string {`,
      '  const rounded = Math.round(value * 100) / 100;',
      '  return `${rounded.toFixed(2)} ${currency}`;',
      '}',
      '',
      `export function clamp${i}(value: number, min: number, max: number): number {`,
      '  if (value < min) return min;',
      '  if (value > max) return max;',
      '  return value;',
      '}',
      '',
      `export const LABELS_${u}_${i}: Record<string, string> = { draft: 'Draft', open: 'Open', closed: 'Closed' };`,
      '',
    );
  }
  return out.join('\n');
}

const SHIMS = `declare module 'pino' {
  interface Logger { info(...a: unknown[]): void; debug(...a: unknown[]): void; warn(...a: unknown[]): void; error(...a: unknown[]): void; child(b: object): Logger }
  export default function pino(o?: object): Logger;
}
declare module '@segment/analytics-node' {
  export class Analytics { constructor(o: object); track(e: object): void; identify(e: object): void }
}
declare module 'typeorm' {
  export function Entity(name?: string): ClassDecorator;
  export function Column(o?: object): PropertyDecorator;
  export function PrimaryGeneratedColumn(o?: object): PropertyDecorator;
}
declare module 'express' {
  export interface Request { params: Record<string, string>; body: any }
  export interface Response { status(code: number): Response; json(body: unknown): void }
}
declare function fetch(url: string, init?: object): Promise<unknown>;
`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, count] = process.argv.slice(2);
  if (!dir || !count) {
    console.error('usage: tsx bench/generate.ts <dir> <files>');
    process.exit(2);
  }
  const repo = generateRepo(path.resolve(dir), Number(count));
  console.log(JSON.stringify({ files: repo.files, lines: repo.lines, planted: repo.planted.length }));
}

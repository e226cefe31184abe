import path from 'node:path';
import { DISK_FILES, type ProjectFiles } from './project-files.js';

/**
 * Directories where a code generator writes a package's client at build time, so that the project
 * imports it by a relative path that is not in the repository: Prisma's `generator client { output =
 * "../generated/prisma" }` is `@prisma/client` under another name. Read from the schema files, never
 * generated. Absolute directory → the package it stands for.
 */
export function readGeneratedClients(dirs: readonly string[], files: ProjectFiles = DISK_FILES): Map<string, string> {
  const out = new Map<string, string>();
  for (const dir of dirs) {
    for (const schema of prismaSchemas(dir, files)) {
      const text = files.read(schema, SCHEMA_BYTES);
      if (text === undefined) continue;
      for (const output of generatorOutputs(text)) out.set(path.resolve(path.dirname(schema), output), '@prisma/client');
    }
  }
  return out;
}

const SCHEMA_BYTES = 4 << 20;

/** Where Prisma looks for its schema in a package: `prisma/schema.prisma`, `schema.prisma`, or a folder of them. */
function prismaSchemas(dir: string, files: ProjectFiles): string[] {
  const out: string[] = [];
  for (const file of ['prisma/schema.prisma', 'schema.prisma']) if (files.exists(path.join(dir, file))) out.push(path.join(dir, file));
  for (const folder of ['prisma/schema', 'prisma', 'schema']) {
    const full = path.join(dir, folder);
    for (const f of files.list(full)) if (f.endsWith('.prisma') && !out.includes(path.join(full, f))) out.push(path.join(full, f));
  }
  return out;
}

const GENERATOR_BLOCK = /^\s*generator\s+\w+\s*\{([^}]*)\}/gm;
const PRISMA_CLIENT_PROVIDER = /^\s*provider\s*=\s*"prisma-client(?:-js)?"/m;
const OUTPUT = /^\s*output\s*=\s*"([^"\n]+)"/m;

/** `output` of the generator blocks that generate the Prisma client. */
export function generatorOutputs(schema: string): string[] {
  const out: string[] = [];
  for (const m of schema.matchAll(GENERATOR_BLOCK)) {
    const body = m[1];
    const output = OUTPUT.exec(body)?.[1];
    if (output && PRISMA_CLIENT_PROVIDER.test(body) && !path.isAbsolute(output)) out.push(output);
  }
  return out;
}

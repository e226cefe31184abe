import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { create } from 'tar';

/**
 * A gzipped tarball like GitHub's: everything under one top directory `acme-shop-<sha7>/`.
 * `links` adds symbolic links (name → target) as they would be committed.
 */
export async function makeTarball(
  files: Record<string, string>,
  options: { top?: string; links?: Record<string, string> } = {},
): Promise<Buffer> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pr-app-tar-'));
  const top = options.top ?? 'acme-shop-abc1234';
  try {
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(tmp, top, name);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, text);
    }
    for (const [name, target] of Object.entries(options.links ?? {})) {
      const file = path.join(tmp, top, name);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.symlink(target, file);
    }
    await fs.mkdir(path.join(tmp, top), { recursive: true });
    const chunks: Buffer[] = [];
    const stream = create({ gzip: true, cwd: tmp, portable: true }, [top]);
    for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

import { gzipSync } from 'node:zlib';
import { Header } from 'tar';

export interface RawEntry {
  path: string;
  type?: 'File' | 'Directory' | 'SymbolicLink' | 'Link' | 'FIFO';
  body?: string | Buffer;
  linkpath?: string;
  /** Declared size, when it should differ from the body (a lying header). */
  size?: number;
}

/**
 * A gzipped tarball built block by block, for archives no honest tool writes: `..` and absolute
 * names, links that leave the tree. node-tar's `create` would sanitize them.
 */
export function rawTarball(entries: RawEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const body = e.body === undefined ? Buffer.alloc(0) : Buffer.from(e.body);
    const type = e.type ?? 'File';
    const header = new Header({ path: e.path, mode: type === 'Directory' ? 0o755 : 0o644, size: type === 'File' ? e.size ?? body.length : 0, type, linkpath: e.linkpath ?? '', mtime: new Date(0), uid: 0, gid: 0 });
    const block = Buffer.alloc(512);
    header.encode(block, 0);
    blocks.push(block);
    if (type === 'File' && body.length) {
      blocks.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

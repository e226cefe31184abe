import { gzipSync } from 'node:zlib';
import { Header } from 'tar';

export interface RawEntry {
  path: string;
  type?: 'File' | 'Directory' | 'SymbolicLink' | 'Link' | 'FIFO';
  body?: string | Buffer;
  linkpath?: string;
  /** Declared size, when it should differ from the body (a lying header). */
  size?: number;
  /** Raw bytes for the header's 12-byte size field (the checksum stays valid): a corrupt header. */
  sizeField?: string | Buffer;
  /** PAX records written in an extended header before the entry, as they are (e.g. `{ size: 'Infinity' }`). */
  pax?: Record<string, string>;
}

/**
 * A gzipped tarball built block by block, for archives no honest tool writes: `..` and absolute
 * names, links that leave the tree, corrupt headers. node-tar's `create` would sanitize them.
 * Names too long for the header go in a PAX extended header, as GitHub writes them.
 */
export function rawTarball(entries: RawEntry[]): Buffer {
  return gzipSync(rawTar(entries));
}

/** The same archive, uncompressed. */
export function rawTar(entries: RawEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const body = e.body === undefined ? Buffer.alloc(0) : Buffer.from(e.body);
    const type = e.type ?? 'File';
    const header = new Header({
      path: e.path,
      mode: type === 'Directory' ? 0o755 : 0o644,
      size: type === 'File' ? (e.size ?? body.length) : 0,
      type,
      linkpath: e.linkpath ?? '',
      mtime: new Date(0),
      uid: 0,
      gid: 0,
    });
    const block = Buffer.alloc(512);
    header.encode(block, 0);
    const records = { ...(header.needPax ? { path: e.path, ...(e.linkpath ? { linkpath: e.linkpath } : {}) } : {}), ...e.pax };
    if (Object.keys(records).length) blocks.push(paxHeader(records));
    if (e.sizeField !== undefined) {
      block.fill(0, 124, 136);
      Buffer.from(e.sizeField).copy(block, 124, 0, 12);
      setChecksum(block);
    }
    blocks.push(block);
    if (type === 'File' && body.length) blocks.push(body, padding(body.length));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/** A PAX extended header (type `x`) and its records, each `<length> <key>=<value>\n`. */
function paxHeader(records: Record<string, string>): Buffer {
  const body = Buffer.from(
    Object.entries(records)
      .map(([k, v]) => paxRecord(k, v))
      .join(''),
  );
  const block = Buffer.alloc(512);
  new Header({
    path: 'PaxHeader/entry',
    mode: 0o644,
    size: body.length,
    type: 'ExtendedHeader',
    mtime: new Date(0),
    uid: 0,
    gid: 0,
  }).encode(block, 0);
  return Buffer.concat([block, body, padding(body.length)]);
}

/** The length counts itself, so it is found by trying: a record's length changes its digits at most once. */
function paxRecord(key: string, value: string): string {
  const rest = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(rest);
  while (String(length).length + Buffer.byteLength(rest) !== length) length = String(length).length + Buffer.byteLength(rest);
  return `${length}${rest}`;
}

/** The header checksum: the sum of its bytes with the checksum field read as spaces. */
function setChecksum(block: Buffer): void {
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
}

function padding(length: number): Buffer {
  return Buffer.alloc((512 - (length % 512)) % 512);
}

import { gzipSync } from 'node:zlib';
import { Header } from 'tar';

/**
 * A gzipped tarball written block by block, as GitHub writes one (a top directory, PAX extended
 * headers for long names), for archives an honest tool would refuse to make: a path 3,000
 * directories deep. `entries` are paths under the top directory with their contents.
 */
export function craftedTarball(top: string, entries: Record<string, string | Buffer>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, content] of Object.entries(entries)) {
    const body = Buffer.from(content);
    const path = `${top}/${name}`;
    const header = new Header({ path, mode: 0o644, size: body.length, type: 'File', mtime: new Date(0), uid: 0, gid: 0 });
    const block = Buffer.alloc(512);
    header.encode(block, 0);
    if (header.needPax) blocks.push(pax({ path }));
    blocks.push(block, body, padding(body.length));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

function pax(records: Record<string, string>): Buffer {
  const body = Buffer.from(Object.entries(records).map(([k, v]) => record(k, v)).join(''));
  const block = Buffer.alloc(512);
  new Header({ path: 'PaxHeader/entry', mode: 0o644, size: body.length, type: 'ExtendedHeader', mtime: new Date(0), uid: 0, gid: 0 }).encode(block, 0);
  return Buffer.concat([block, body, padding(body.length)]);
}

/** `<length> <key>=<value>\n`, the length counting itself. */
function record(key: string, value: string): string {
  const rest = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(rest);
  while (String(length).length + Buffer.byteLength(rest) !== length) length = String(length).length + Buffer.byteLength(rest);
  return `${length}${rest}`;
}

function padding(length: number): Buffer {
  return Buffer.alloc((512 - (length % 512)) % 512);
}

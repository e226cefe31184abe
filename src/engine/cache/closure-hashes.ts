import { createHash } from 'node:crypto';

/** SHA-256 of a text, hex: a file's content identity (any tree holding the same bytes shares it). */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * For each file, one hash of everything it reaches by imports: the paths and contents of its import
 * closure (itself included). A Merkle hash over the strongly connected components of the import
 * graph (Tarjan, iterative): a component's hash covers its members' paths and contents and the
 * hashes of the components it imports, so it changes exactly when a file in the closure changes,
 * appears or goes, and costs one pass over the graph instead of one closure per file.
 */
export function closureHashes(
  /** Relative path -> content hash of every source in the graph. */
  contents: ReadonlyMap<string, string>,
  /** Files a file imports directly (only paths in `contents` count). */
  dependencies: (file: string) => readonly string[],
): Map<string, string> {
  const out = new Map<string, string>();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  let next = 0;
  const depsOf = (f: string) => dependencies(f).filter((d) => contents.has(d));
  for (const start of [...contents.keys()].sort()) {
    if (index.has(start)) continue;
    // Explicit call stack: a deep import chain must not overflow the JavaScript stack.
    const frames: { file: string; deps: string[]; i: number }[] = [];
    const enter = (file: string) => {
      index.set(file, next);
      low.set(file, next++);
      stack.push(file);
      onStack.add(file);
      frames.push({ file, deps: depsOf(file), i: 0 });
    };
    enter(start);
    while (frames.length) {
      const frame = frames[frames.length - 1];
      if (frame.i < frame.deps.length) {
        const dep = frame.deps[frame.i++];
        if (!index.has(dep)) enter(dep);
        else if (onStack.has(dep)) low.set(frame.file, Math.min(low.get(frame.file)!, index.get(dep)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.file, Math.min(low.get(parent.file)!, low.get(frame.file)!));
      if (low.get(frame.file) !== index.get(frame.file)) continue;
      // frame.file roots a component; every component it imports is already hashed (Tarjan's order).
      const members: string[] = [];
      for (let m = stack.pop()!; ; m = stack.pop()!) {
        onStack.delete(m);
        members.push(m);
        if (m === frame.file) break;
      }
      members.sort();
      const inside = new Set(members);
      const imported = new Set<string>();
      for (const m of members) for (const d of depsOf(m)) if (!inside.has(d)) imported.add(out.get(d)!);
      const h = createHash('sha256');
      for (const m of members) h.update(`${m}\u0000${contents.get(m)}\u0000`);
      h.update('\u0001');
      for (const d of [...imported].sort()) h.update(`${d}\u0000`);
      const digest = h.digest('hex');
      for (const m of members) out.set(m, digest);
    }
  }
  return out;
}

/**
 * pino-style redaction paths (`user.email`, `*.password`, `req.headers["x-token"]`, `a[*].b`):
 * a source whose path starts with a redacted path is not logged.
 */
export function redactedBy(sourcePath: readonly string[], redactPaths: readonly string[]): boolean {
  return redactPaths.some((p) => matchesPrefix(parsePath(p), sourcePath));
}

const parsed = new Map<string, string[]>();

export function parsePath(path: string): string[] {
  let segs = parsed.get(path);
  if (!segs) {
    segs = [];
    const re = /([^.[\]]+)|\[\s*(?:"([^"]*)"|'([^']*)'|(\*)|(\d+))\s*\]/g;
    for (let m = re.exec(path); m; m = re.exec(path)) segs.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '');
    parsed.set(path, segs);
  }
  return segs;
}

function matchesPrefix(pattern: readonly string[], path: readonly string[]): boolean {
  if (pattern.length === 0 || pattern.length > path.length) return false;
  return pattern.every((seg, i) => seg === '*' || seg === path[i]);
}

import { ts } from '#ts-morph';
import type { Origin } from '../sinks/types.js';
import { PackageSet } from '../sinks/catalog-index.js';
import { matchPattern, normalizePath, parsePattern, type PathPattern } from '../sinks/path-pattern.js';
import { skipOuter } from '../ts/syntax.js';
import { PACKAGE_SUMMARIES, type PackageSummary } from './summaries.catalog.js';

/** Where a callee comes from: the sink resolver's `origin`. */
export type OriginOf = (expr: ts.Expression) => Origin | undefined;

interface Compiled {
  row: PackageSummary;
  pattern: PathPattern;
  packages: PackageSet;
}

/**
 * The rows of PACKAGE_SUMMARIES that a call or `new` matches: by the last name of the callee first
 * (no checker work for the names no row ends with), then by the callee's package origin.
 */
export class PackageSummaries {
  private readonly calls = new Map<string, Compiled[]>();
  private readonly news = new Map<string, Compiled[]>();

  constructor(
    private readonly originOf: OriginOf | undefined,
    rows: readonly PackageSummary[] = PACKAGE_SUMMARIES,
  ) {
    for (const row of rows) {
      const packages = new PackageSet(row.packages);
      const table = row.on === 'new' ? this.news : this.calls;
      for (const text of row.paths) {
        const pattern = parsePattern(text);
        const list = table.get(pattern.key);
        if (list) list.push({ row, pattern, packages });
        else table.set(pattern.key, [{ row, pattern, packages }]);
      }
    }
  }

  /** The summary of this call, if a row names its package and path. */
  of(node: ts.CallExpression | ts.NewExpression): PackageSummary | undefined {
    if (!this.originOf) return undefined;
    const callee = skipOuter(node.expression);
    const name = ts.isIdentifier(callee)
      ? callee.text
      : ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isCallExpression(callee)
          ? '()'
          : undefined;
    const candidates = name === undefined ? undefined : (ts.isNewExpression(node) ? this.news : this.calls).get(name);
    if (!candidates) return undefined;
    const origin = this.originOf(callee);
    if (!origin) return undefined;
    const path = normalizePath(origin.path);
    return candidates.find(
      (c) =>
        c.packages.has(origin.module) && matchPattern(c.pattern, path) && (!c.row.createdWith || createdWith(callee, c.row.createdWith)),
    )?.row;
  }

  /** The expressions whose data the result carries (under `row.under` when the row says so). */
  static carried(row: PackageSummary, node: ts.CallExpression | ts.NewExpression): ts.Expression[] {
    const args = node.arguments ?? [];
    if (row.args === 'all') return [...args];
    if (row.args === 'receiver') {
      const callee = skipOuter(node.expression);
      return ts.isPropertyAccessExpression(callee) ? [callee.expression] : [];
    }
    return row.args.flatMap((i) => (args[i] ? [args[i]] : []));
  }
}

/** Whether the method's receiver was made by `call({ option: true })`: directly, or through a `const`. */
function createdWith(callee: ts.Expression, how: NonNullable<PackageSummary['createdWith']>): boolean {
  if (!ts.isPropertyAccessExpression(callee)) return false;
  let receiver = skipOuter(callee.expression);
  if (ts.isIdentifier(receiver)) {
    const decl = findConst(receiver);
    if (!decl?.initializer) return false;
    receiver = skipOuter(decl.initializer);
  }
  if (!ts.isCallExpression(receiver)) return false;
  const maker = skipOuter(receiver.expression);
  const name = ts.isIdentifier(maker) ? maker.text : ts.isPropertyAccessExpression(maker) ? maker.name.text : undefined;
  const [options] = receiver.arguments;
  if (name !== how.call || !options || !ts.isObjectLiteralExpression(options)) return false;
  return options.properties.some(
    (p) =>
      ts.isPropertyAssignment(p) &&
      ts.isIdentifier(p.name) &&
      how.anyOf.includes(p.name.text) &&
      p.initializer.kind === ts.SyntaxKind.TrueKeyword,
  );
}

/** The `const x = ...` declaration of an identifier in its own file, found by scope (no checker). */
function findConst(id: ts.Identifier): ts.VariableDeclaration | undefined {
  for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
    if (!ts.isBlock(n) && !ts.isSourceFile(n)) continue;
    for (const st of n.statements) {
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === id.text) return d;
    }
  }
  return undefined;
}

import { ts } from '#ts-morph';

/**
 * Deepest nesting of a file that is analyzed, in levels of the syntax tree. TypeScript's parser,
 * binder and checker, and the analyzers' walks, recurse once or more per level; on a cold start
 * with Node's default stack they overflow from about 420 levels (nested calls, in the checker) to
 * a few thousand. Real code stays far below: 181 levels at most over the 6,700 files of this
 * project's dependencies.
 */
export const MAX_NESTING = 256;

/**
 * Levels are counted in quarters: a link of a chain that TypeScript parses, binds and checks
 * without recursion costs a quarter (`a + b + c`, `x || y || z`, `else if`), so a 1,000-term
 * concatenation or `else if` ladder is analyzed; every other level costs a whole one.
 */
const LEVEL = 4;
const CHAIN_LINK = 1;
const LIMIT = MAX_NESTING * LEVEL;

/**
 * Sets `node.parent` throughout a freshly parsed file, checking its nesting on the way: returns
 * the first node deeper than MAX_NESTING (the walk stops there), or undefined when the file is
 * within it. The walk recurses at most MAX_NESTING whole levels, so it cannot overflow itself.
 */
export function setParentsWithinNesting(sf: ts.SourceFile): ts.Node | undefined {
  let parent: ts.Node = sf;
  let depth = 0;
  let tooDeep: ts.Node | undefined;
  // Returns true to stop: `forEachChild` ends at the first truthy result.
  const visit = (child: ts.Node): boolean => {
    (child as { parent: ts.Node }).parent = parent;
    // JSDoc nodes, parsed only in JavaScript, carry types the checker reads.
    const docs = (child as { jsDoc?: ts.Node[] }).jsDoc;
    if (docs) for (const doc of docs) if (withParent(doc, child)) return true;
    if (child.kind <= ts.SyntaxKind.LastToken) return false; // tokens have no children
    const cost = isChainLink(child, parent) ? CHAIN_LINK : LEVEL;
    if (depth + cost > LIMIT) {
      tooDeep = child;
      return true;
    }
    const saved = parent;
    depth += cost;
    parent = child;
    const stop = ts.forEachChild(child, visit) === true;
    parent = saved;
    depth -= cost;
    return stop;
  };
  const withParent = (node: ts.Node, p: ts.Node): boolean => {
    const saved = parent;
    parent = p;
    const stop = visit(node);
    parent = saved;
    return stop;
  };
  ts.forEachChild(sf, visit);
  return tooDeep;
}

function isChainLink(node: ts.Node, parent: ts.Node): boolean {
  if (node.kind === ts.SyntaxKind.BinaryExpression)
    return parent.kind === ts.SyntaxKind.BinaryExpression && (parent as ts.BinaryExpression).left === node;
  if (node.kind === ts.SyntaxKind.IfStatement)
    return parent.kind === ts.SyntaxKind.IfStatement && (parent as ts.IfStatement).elseStatement === node;
  return false;
}

/**
 * The line (1-based) where brackets first nest deeper than MAX_NESTING, for the message about a file
 * the parser could not take; undefined when they never do (the nesting is of another kind). A
 * rough pointer (brackets in strings and comments count too), computed only then.
 */
export function lineNestedTooDeep(text: string): number | undefined {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 40 || c === 91 || c === 123) {
      if (++depth > MAX_NESTING) return line;
    } else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
  }
  return undefined;
}

import { ts } from '#ts-morph';

/**
 * A source file's text without its comments, whitespace runs collapsed: what two versions of a file
 * share when only comments or layout changed. TypeScript reads no type from a comment in a `.ts`
 * file (JSDoc types count only in JavaScript, whose comments are kept) and no analyzer reads one in
 * another file (suppressions apply where they are written). Comments are found at node boundaries,
 * as the compiler's emitter finds them; one it does not see there is kept, which only makes two
 * versions differ.
 */
export class CommentFreeText {
  private readonly comments: [number, number][] = [];

  constructor(private readonly sf: ts.SourceFile) {
    if (/\.[cm]?jsx?$/i.test(sf.fileName)) return;
    const text = sf.text;
    const seen = new Set<number>();
    const add = (ranges: ts.CommentRange[] | undefined) => {
      for (const r of ranges ?? []) {
        if (seen.has(r.pos)) continue;
        seen.add(r.pos);
        this.comments.push([r.pos, r.end]);
      }
    };
    const visit = (node: ts.Node): void => {
      // JSX text is not code: `// x` inside it is text, not a comment.
      if (node.kind === ts.SyntaxKind.JsxText || isInJsxChildren(node)) {
        ts.forEachChild(node, visit);
        return;
      }
      add(ts.getLeadingCommentRanges(text, node.pos));
      // `{/* c */ value}`: a comment on the line of the token before, which is no node of its own
      if (!ts.isJsxClosingElement(node) && !ts.isJsxClosingFragment(node)) add(ts.getTrailingCommentRanges(text, node.pos));
      // after `<div>` comes the element's text
      if (!ts.isJsxOpeningElement(node) && !ts.isJsxOpeningFragment(node)) add(ts.getTrailingCommentRanges(text, node.end));
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(sf, visit);
    add(ts.getLeadingCommentRanges(text, sf.endOfFileToken.pos));
    this.comments.sort((a, b) => a[0] - b[0]);
  }

  /** The text from `start` to `end`, comments left out, whitespace collapsed. */
  slice(start: number, end: number): string {
    let out = '';
    let at = start;
    for (const [pos, stop] of this.comments) {
      if (stop <= at) continue;
      if (pos >= end) break;
      if (pos > at) out += this.sf.text.slice(at, pos);
      out += ' ';
      at = Math.max(at, stop);
    }
    if (at < end) out += this.sf.text.slice(at, end);
    return out.replace(/\s+/g, ' ').trim();
  }

  of(node: ts.Node): string {
    return this.slice(node.getStart(this.sf), node.end);
  }
}

/** A child of a JSX element or fragment: its boundaries border JSX text. */
function isInJsxChildren(node: ts.Node): boolean {
  const p = node.parent;
  return p !== undefined && (ts.isJsxElement(p) || ts.isJsxFragment(p)) && (p.children as readonly ts.Node[]).includes(node);
}

import { ts } from '#ts-morph';

export interface Write {
  value: ts.Expression;
  /** Set for `x.prop = value`: the value lands under `prop` of x. */
  property?: string;
  /** A query parameter (`url.searchParams.set('email', v)`): its name says what the value is. */
  queryParam?: ts.Expression;
}

const QUERY_WRITES = new Set(['set', 'append']);

/**
 * Later writes to a variable (`msg = ...`, `msg += ...`, `payload.email = ...`), indexed once per
 * scope on first use, so that `let payload = {}; payload.email = u.email; track(payload)` is seen.
 */
export class Assignments {
  private readonly byScope = new Map<ts.Node, Map<ts.Symbol, Write[]>>();

  constructor(
    private readonly checker: ts.TypeChecker,
    /** Whether a callee name sanitizes what it is given (`redactPII`, `maskEmail`). */
    private readonly isSanitizer: (name: string) => boolean = () => false,
  ) {}

  of(decl: ts.Declaration, symbol: ts.Symbol): Write[] {
    const scope = scopeOf(decl);
    let index = this.byScope.get(scope);
    if (!index) {
      index = this.build(scope);
      this.byScope.set(scope, index);
    }
    return index.get(symbol) ?? [];
  }

  /**
   * `changes = deepDiff(a, b); changes = redactPII(changes);`: a write that the very next statement
   * replaces by a sanitized copy of itself reaches no read (the statement between them is none).
   */
  private sanitizedNext(assign: ts.BinaryExpression, target: ts.Identifier): boolean {
    const statement = assign.parent;
    if (!ts.isExpressionStatement(statement) || assign.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
    const block = statement.parent;
    if (!ts.isBlock(block) && !ts.isSourceFile(block)) return false;
    const next = block.statements[block.statements.indexOf(statement) + 1];
    if (!next || !ts.isExpressionStatement(next)) return false;
    const e = next.expression;
    if (
      !ts.isBinaryExpression(e) ||
      e.operatorToken.kind !== ts.SyntaxKind.EqualsToken ||
      !ts.isIdentifier(e.left) ||
      e.left.text !== target.text
    )
      return false;
    let right = e.right;
    while (ts.isAwaitExpression(right) || ts.isParenthesizedExpression(right)) right = right.expression;
    if (!ts.isCallExpression(right)) return false;
    const name = calleeName(right.expression);
    return !!name && this.isSanitizer(name) && right.arguments.some((a) => ts.isIdentifier(a) && a.text === target.text);
  }

  private build(scope: ts.Node): Map<ts.Symbol, Write[]> {
    const index = new Map<ts.Symbol, Write[]>();
    const add = (id: ts.Identifier, write: Write) => {
      const s = this.checker.getSymbolAtLocation(id);
      if (!s) return;
      const list = index.get(s) ?? [];
      list.push(write);
      index.set(s, list);
    };
    const visit = (n: ts.Node): void => {
      if (ts.isBinaryExpression(n) && isAssignment(n.operatorToken.kind)) {
        const left = n.left;
        if (ts.isIdentifier(left)) {
          if (!this.sanitizedNext(n, left)) add(left, { value: n.right });
        } else if (ts.isPropertyAccessExpression(left) && ts.isIdentifier(left.expression))
          add(left.expression, { value: n.right, property: left.name.text });
        else if (
          ts.isElementAccessExpression(left) &&
          ts.isIdentifier(left.expression) &&
          ts.isStringLiteralLike(left.argumentExpression)
        ) {
          add(left.expression, { value: n.right, property: left.argumentExpression.text });
        }
      } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ts.isIdentifier(n.expression.expression)) {
        // arr.push(x) / arr.unshift(x): the array now holds x
        const m = n.expression.name.text;
        if (m === 'push' || m === 'unshift') for (const a of n.arguments) add(n.expression.expression, { value: a });
        else if (QUERY_WRITES.has(m) && n.arguments.length === 2 && this.isSearchParams(n.expression.expression))
          add(n.expression.expression, queryWrite(n));
      } else if (
        ts.isCallExpression(n) &&
        ts.isPropertyAccessExpression(n.expression) &&
        QUERY_WRITES.has(n.expression.name.text) &&
        n.arguments.length === 2
      ) {
        // url.searchParams.set('access_token', token): the URL now carries the token
        const params = n.expression.expression;
        if (ts.isPropertyAccessExpression(params) && params.name.text === 'searchParams' && ts.isIdentifier(params.expression))
          add(params.expression, queryWrite(n));
      }
      ts.forEachChild(n, visit);
    };
    visit(scope);
    return index;
  }

  /** `const params = new URLSearchParams()`: a variable holding a query string. */
  private isSearchParams(id: ts.Identifier): boolean {
    const decl = this.checker.getSymbolAtLocation(id)?.valueDeclaration;
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return false;
    const init = decl.initializer;
    return ts.isNewExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'URLSearchParams';
  }
}

function queryWrite(call: ts.CallExpression): Write {
  const key = call.arguments[0];
  return { value: call.arguments[1], ...(ts.isStringLiteralLike(key) ? { property: key.text } : {}), queryParam: key };
}

function calleeName(e: ts.Expression): string | undefined {
  return ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : undefined;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.EqualsToken ||
    kind === ts.SyntaxKind.PlusEqualsToken ||
    kind === ts.SyntaxKind.QuestionQuestionEqualsToken ||
    kind === ts.SyntaxKind.BarBarEqualsToken
  );
}

/** The function body or file a declaration lives in: writes to it can only happen there. */
function scopeOf(decl: ts.Node): ts.Node {
  for (let p: ts.Node | undefined = decl.parent; p; p = p.parent) {
    if (ts.isFunctionLike(p) || ts.isSourceFile(p)) return p;
  }
  return decl.getSourceFile();
}

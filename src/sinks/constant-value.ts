import { ts } from '#ts-morph';
import { propertyNameText, skipOuter } from '../ts/syntax.js';

/** A string whose prefix is known statically; `complete` when the whole value is. */
export interface PartialString {
  text: string;
  complete: boolean;
}

const MAX_DEPTH = 20;

/**
 * Static values for sink ids and hosts: string literals, templates (their known prefix), `+`
 * concatenation, `const` variables (also imported from another project file), enum members and
 * properties of `const` object literals. Only `const` bindings are followed: a `let` may change.
 */
export class ConstantEvaluator {
  private readonly strings = new Map<ts.Node, PartialString | null>();
  private depth = 0;

  constructor(private readonly checker: ts.TypeChecker) {}

  /** Known prefix of a string-valued expression. */
  string(expr: ts.Expression): PartialString | undefined {
    const cached = this.strings.get(expr);
    if (cached !== undefined) return cached ?? undefined;
    if (this.depth > MAX_DEPTH) return undefined;
    this.depth++;
    let result: PartialString | undefined;
    try {
      result = this.compute(skipOuter(expr));
    } finally {
      this.depth--;
    }
    this.strings.set(expr, result ?? null);
    return result;
  }

  /** The full value when it is known. */
  fullString(expr: ts.Expression): string | undefined {
    const s = this.string(expr);
    return s?.complete ? s.text : undefined;
  }

  /** What a `const` identifier, `obj.prop` of a const object literal, or enum member stands for. */
  initializer(expr: ts.Expression): ts.Expression | undefined {
    const e = skipOuter(expr);
    if (ts.isIdentifier(e)) return this.identifierInitializer(e);
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      const name = ts.isPropertyAccessExpression(e) ? e.name.text : this.elementKey(e);
      if (name === undefined) return undefined;
      if (e.expression.kind === ts.SyntaxKind.ThisKeyword) return readonlyField(e, name);
      const obj = this.objectLiteral(e.expression);
      if (obj) return propertyInitializer(obj, name);
      // Enum.Member, looked up in the enum declaration (asking the checker for `a.b` type-checks `a`)
      const base = skipOuter(e.expression);
      const enumDecl = ts.isIdentifier(base) ? this.declarationOf(base) : undefined;
      if (enumDecl && ts.isEnumDeclaration(enumDecl)) return enumDecl.members.find((m) => propertyNameText(m.name) === name)?.initializer;
    }
    return undefined;
  }

  /** The object literal an expression is, or stands for through `const` bindings. */
  objectLiteral(expr: ts.Expression): ts.ObjectLiteralExpression | undefined {
    let e: ts.Expression | undefined = skipOuter(expr);
    for (let i = 0; e && i < MAX_DEPTH; i++) {
      if (ts.isObjectLiteralExpression(e)) return e;
      const next = this.initializer(e);
      e = next ? skipOuter(next) : undefined;
    }
    return undefined;
  }

  /** String values of an array literal of constants (`['a', B]`), through `const` bindings. */
  stringArray(expr: ts.Expression): string[] | undefined {
    let e: ts.Expression | undefined = skipOuter(expr);
    for (let i = 0; e && !ts.isArrayLiteralExpression(e) && i < MAX_DEPTH; i++) {
      const next = this.initializer(e);
      e = next ? skipOuter(next) : undefined;
    }
    if (!e || !ts.isArrayLiteralExpression(e)) return undefined;
    const out: string[] = [];
    for (const el of e.elements) {
      const v = this.fullString(el);
      if (v !== undefined) out.push(v);
    }
    return out;
  }

  private compute(e: ts.Expression): PartialString | undefined {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isNumericLiteral(e)) {
      return { text: e.text, complete: true };
    }
    if (ts.isTemplateExpression(e)) {
      let text = e.head.text;
      for (const span of e.templateSpans) {
        const v = this.string(span.expression);
        if (!v?.complete) return { text: text + (v?.text ?? ''), complete: false };
        text += v.text + span.literal.text;
      }
      return { text, complete: true };
    }
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = this.string(e.left);
      if (!left || !left.complete) return left;
      const right = this.string(e.right);
      return right ? { text: left.text + right.text, complete: right.complete } : { text: left.text, complete: false };
    }
    // String(x), x.toString()
    if (ts.isCallExpression(e)) {
      const callee = e.expression;
      if (ts.isIdentifier(callee) && callee.text === 'String' && e.arguments.length === 1) return this.string(e.arguments[0]);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'toString' && e.arguments.length === 0)
        return this.string(callee.expression);
      return undefined;
    }
    const init = this.initializer(e);
    return init ? this.string(init) : undefined;
  }

  private identifierInitializer(id: ts.Identifier): ts.Expression | undefined {
    const decl = this.declarationOf(id);
    if (!decl) return undefined;
    if (ts.isVariableDeclaration(decl) && decl.initializer && ts.isIdentifier(decl.name)) {
      const constant = (ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) !== 0;
      return constant ? decl.initializer : undefined;
    }
    if (ts.isEnumMember(decl)) return decl.initializer;
    return undefined;
  }

  /** The value declaration an identifier refers to, through imports. */
  private declarationOf(id: ts.Identifier): ts.Declaration | undefined {
    let sym = valueSymbol(this.checker, id);
    if (!sym) return undefined;
    if (sym.flags & ts.SymbolFlags.Alias) {
      try {
        sym = this.checker.getAliasedSymbol(sym);
      } catch {
        return undefined;
      }
    }
    return sym.valueDeclaration;
  }

  private elementKey(e: ts.ElementAccessExpression): string | undefined {
    const arg = skipOuter(e.argumentExpression);
    return ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg) || ts.isNumericLiteral(arg) ? arg.text : undefined;
  }
}

/** `this.baseUrl` where the class declares `private readonly baseUrl = 'https://…'`: a constant of the instance. */
function readonlyField(at: ts.Node, name: string): ts.Expression | undefined {
  let cls: ts.Node | undefined = at.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls) return undefined;
  for (const m of cls.members) {
    if (!ts.isPropertyDeclaration(m) || !m.initializer || propertyNameText(m.name) !== name) continue;
    const readonly = ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Readonly;
    return readonly ? m.initializer : undefined;
  }
  return undefined;
}

/** The initializer of property `name` in an object literal (shorthand `{ name }` gives the identifier). */
export function propertyInitializer(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (let i = obj.properties.length - 1; i >= 0; i--) {
    const p = obj.properties[i];
    if (ts.isPropertyAssignment(p) && propertyNameText(p.name) === name) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return p.name;
  }
  return undefined;
}

/** The symbol of the value an identifier reads (for `{ x }` shorthand: the variable `x`, not the property). */
export function valueSymbol(checker: ts.TypeChecker, id: ts.Identifier): ts.Symbol | undefined {
  if (ts.isShorthandPropertyAssignment(id.parent) && id.parent.name === id) return checker.getShorthandAssignmentValueSymbol(id.parent);
  return checker.getSymbolAtLocation(id);
}

import { ts } from '#ts-morph';
import type { FlowContext } from './flow-context.js';
import { isDeidentified, isDomainPart } from './sanitizers.js';
import { EMPTY, flattened, member, omitted, prefixed, union, withStep, type ParamRef, type Value } from './value.js';
import { declaredPrimitive } from './primitive-annotation.js';
import { isEnvironmentRead } from './environment.js';
import { isRecordIdSegment } from './record-paths.js';
import { isHostValue } from './host-values.js';
import { isUploadedFile } from './written-content.js';
import { hostInitialized, isLiteralish, isSameLine, operatorKind, shortText } from './flow-syntax.js';
import { propertyNameText } from '../ts/syntax.js';

/** The value of variables, members, templates, operators and object literals: what data they carry on. */
export class ExpressionValues {
  constructor(private readonly flow: FlowContext) {}

  /** A template's text: its spans' data, less the ids of records named in a relative request path (`/contacts/${contactId}`). */
  template(t: ts.TemplateExpression): Value {
    return flattened(
      union(
        t.templateSpans.map((s, i) => {
          const v = this.flow.valueOf(s.expression);
          return v.sources.length && isRecordIdSegment(t, i)
            ? { sources: v.sources.filter((src) => src.category !== 'user.unique_id'), params: v.params }
            : v;
        }),
      ),
    );
  }

  identifier(id: ts.Identifier): Value {
    if (id.text === 'undefined') return EMPTY;
    const { checker } = this.flow.services;
    // `{ email }`: the name is a property; the value is the variable of the same name.
    let symbol =
      ts.isShorthandPropertyAssignment(id.parent) && id.parent.name === id
        ? checker.getShorthandAssignmentValueSymbol(id.parent)
        : checker.getSymbolAtLocation(id);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    const declared = decl ? union([this.declarationValue(decl, id, symbol!), this.flow.names.recordField(decl, id)]) : EMPTY;
    // What flowed into a variable says more than its name: `const address = user.email` is an email;
    // `const email = \`guest-${Date.now()}\``, `const password = hash(uuid())` are made up or de-identified.
    let named =
      declared.sources.length || this.flow.names.madeUp(decl)
        ? EMPTY
        : union([this.flow.names.nameSource(id.text, id, false, id.text), this.flow.names.destructuredNameSource(decl, id)]);
    if (named.sources.length && hostInitialized(decl, this.flow.services.checker)) named = EMPTY;
    return union([
      named,
      declared,
      !this.flow.services.reference && declaredPrimitive(decl) ? EMPTY : this.flow.names.typeSource(id, id.text),
    ]);
  }

  /** The value a declaration gives its name: initializer, destructured part, parameter, assignments. */
  private declarationValue(decl: ts.Declaration, use: ts.Node, symbol: ts.Symbol): Value {
    if (ts.isParameter(decl) && ts.isIdentifier(decl.name)) {
      const ref: ParamRef = { param: decl, access: [], at: [], flat: false, trace: [] };
      return union([{ sources: [], params: [ref] }, this.assignedLater(decl, symbol)]);
    }
    if (ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name)) {
      const init = decl.initializer ? this.flow.valueOf(decl.initializer) : this.iterated(decl);
      const v = union([init, this.assignedLater(decl, symbol)]);
      return v === EMPTY || isSameLine(decl, use) ? v : withStep(v, this.flow.step(decl, `assigned to ${decl.name.text}`));
    }
    if (ts.isBindingElement(decl)) return this.bindingValue(decl);
    if (ts.isShorthandPropertyAssignment(decl)) return EMPTY;
    return EMPTY;
  }

  /** `for (const chunk of stream)`: the loop variable is an element of what is iterated (elements share their container's value). */
  private iterated(decl: ts.VariableDeclaration): Value {
    const loop = decl.parent.parent;
    return ts.isForOfStatement(loop) && loop.initializer === decl.parent ? this.flow.valueOf(loop.expression) : EMPTY;
  }

  private assignedLater(decl: ts.Declaration, symbol: ts.Symbol): Value {
    const writes = this.flow.assignments.of(decl, symbol);
    if (writes.length === 0) return EMPTY;
    return union(
      writes.map((w) => {
        if (w.queryParam) {
          // A query string is text: the parameter's name says what its value is (`access_token`).
          const key = w.property && !isLiteralish(w.value) ? this.flow.names.keySource(w.property, w.value, w.queryParam) : EMPTY;
          return flattened(union([this.flow.valueOf(w.value), key]));
        }
        return w.property ? prefixed(this.flow.valueOf(w.value), w.property) : this.flow.valueOf(w.value);
      }),
    );
  }

  /** `const { email } = user` / `function f({ email }: User)`: the named part of the destructured value. */
  private bindingValue(el: ts.BindingElement): Value {
    const pattern = el.parent;
    const key = el.propertyName ? propertyNameText(el.propertyName) : ts.isIdentifier(el.name) ? el.name.text : undefined;
    let whole: Value = EMPTY;
    const holder = pattern.parent;
    if (ts.isVariableDeclaration(holder) && holder.initializer) whole = this.flow.valueOf(holder.initializer);
    else if (ts.isParameter(holder)) whole = { sources: [], params: [{ param: holder, access: [], at: [], flat: false, trace: [] }] };
    else if (ts.isBindingElement(holder)) whole = this.bindingValue(holder);
    if (ts.isArrayBindingPattern(pattern)) return whole;
    // `{ aiTracing, ...options }`: the rest holds every key but the ones named beside it.
    if (el.dotDotDotToken)
      return omitted(
        whole,
        pattern.elements.flatMap((e) =>
          e === el
            ? []
            : [e.propertyName ? propertyNameText(e.propertyName) : ts.isIdentifier(e.name) ? e.name.text : undefined].filter(
                (k): k is string => k !== undefined,
              ),
        ),
      );
    return member(whole, key);
  }

  propertyAccess(pa: ts.PropertyAccessExpression): Value {
    const name = pa.name.text;
    if (name === 'length' || isEnvironmentRead(pa)) return EMPTY;
    const receiver = this.flow.valueOf(pa.expression);
    // A person around a name only widens what it can mean: a name that is nothing even in a person
    // object needs no look at the receiver's type.
    const mayName = this.flow.names.mayName(name);
    // `alias.address` of `os.networkInterfaces()`: the host's address, whatever the name says
    const byName =
      (this.flow.services.reference || mayName) && !isHostValue(pa.expression, this.flow.services.checker)
        ? this.flow.names.nameSource(name, pa.name, this.flow.names.receiverIsPerson(pa.expression), shortText(pa))
        : EMPTY;
    // `emailObject.to`: a name that means nothing alone, read in its owner's words (the reference path too).
    const named = mayName || byName !== EMPTY ? byName : this.flow.names.ownedNameSource(pa.expression, name, pa.name, shortText(pa));
    const uploaded = isUploadedFile(pa) ? this.flow.names.upload(pa) : EMPTY;
    return union([
      named,
      named === EMPTY ? this.flow.names.untypedContent(pa) : EMPTY,
      uploaded,
      member(receiver, name),
      this.flow.names.typeSource(pa, pa),
    ]);
  }

  elementAccess(ea: ts.ElementAccessExpression): Value {
    if (isEnvironmentRead(ea)) return EMPTY;
    const receiver = this.flow.valueOf(ea.expression);
    const arg = ea.argumentExpression;
    if (ts.isStringLiteralLike(arg)) {
      const named = this.flow.names.mayName(arg.text)
        ? this.flow.names.nameSource(arg.text, ea, this.flow.names.receiverIsPerson(ea.expression), shortText(ea))
        : EMPTY;
      return union([member(receiver, arg.text), named]);
    }
    if (ts.isNumericLiteral(arg)) return isDomainPart(ea, this.flow.services.checker) ? EMPTY : receiver;
    return union([member(receiver, undefined), receiver]);
  }

  binary(b: ts.BinaryExpression): Value {
    const kind = operatorKind(b.operatorToken.kind);
    if (kind === 'right') return this.flow.valueOf(b.right);
    if (kind === 'none') return EMPTY; // comparisons and arithmetic produce booleans and numbers, not the data itself
    // `a + b + c` nests to the left, one level per term: folded from the first term as
    // `(a + b) + c` would be, without spending depth on each link of the chain.
    const rights: ts.Expression[] = [];
    let first: ts.Expression = b;
    while (ts.isBinaryExpression(first) && operatorKind(first.operatorToken.kind) === kind) {
      rights.push(first.right);
      first = first.left;
    }
    let v = this.flow.valueOf(first);
    for (let i = rights.length - 1; i >= 0; i--) {
      const both = union([v, this.flow.valueOf(rights[i])]);
      v = kind === 'text' ? flattened(both) : both;
    }
    return v;
  }

  objectLiteral(obj: ts.ObjectLiteralExpression): Value {
    const parts: Value[] = [];
    for (const prop of obj.properties) {
      if (ts.isSpreadAssignment(prop)) {
        parts.push(this.flow.valueOf(prop.expression));
        continue;
      }
      const key = prop.name ? propertyNameText(prop.name) : undefined;
      if (ts.isPropertyAssignment(prop)) {
        const inner = this.flow.valueOf(prop.initializer);
        // `{ password: await bcrypt.hash(pw) }`: a hash stored under a personal key is not the data.
        // `{ debugToken: env.APP_CHECK_TOKEN }`: the deployment's configuration, not a person's secret.
        const named =
          key &&
          !isLiteralish(prop.initializer) &&
          !isDeidentified(prop.initializer, this.flow.extraSanitizers) &&
          !isEnvironmentRead(prop.initializer)
            ? this.flow.names.keySource(key, prop.initializer, prop.name)
            : EMPTY;
        parts.push(key ? prefixed(union([inner, named]), key) : flattened(inner));
      } else if (ts.isShorthandPropertyAssignment(prop)) {
        const inner = this.flow.valueOf(prop.name);
        parts.push(key ? prefixed(inner, key) : inner);
      }
    }
    return union(parts);
  }
}

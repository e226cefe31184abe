import { ts } from '#ts-morph';
import type { FlowContext } from './flow-context.js';
import { isDomainPart, isFullMask, isSanitizerName } from './sanitizers.js';
import { summaryIndex, type SummaryResult } from './summaries.catalog.js';
import { EMPTY, flattened, prefixed, substitute, union, type Value } from './value.js';
import { returnsPrimitive } from './primitive-annotation.js';
import { returnedExpressions, skipOuter } from '../ts/syntax.js';
import { PackageSummaries } from './package-summaries.js';
import { recipientsIn } from './recipient-roles.js';
import { isFormData, isUploadField } from './written-content.js';
import { isReduce, isSanitizedChain, shortText, withTrace } from './flow-syntax.js';

/** Library calls whose result carries their receiver's or arguments' data (the summaries catalogue). */
const SUMMARIES = summaryIndex();

/**
 * The value of calls and `new`: a project function's summary at the call, a library call's row of
 * the summaries catalogue, a package call that transforms locally, a form field; sanitizers end it.
 */
export class CallValues {
  constructor(private readonly flow: FlowContext) {}

  call(call: ts.CallExpression): Value {
    const callee = call.expression;
    const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (calleeName && isSanitizerName(calleeName, this.flow.extraSanitizers)) return EMPTY;
    if (ts.isPropertyAccessExpression(callee) && isSanitizedChain(callee.expression, this.flow.extraSanitizers)) return EMPTY;
    if (isFullMask(call)) return EMPTY; // `s.replace(/./g, '*')`: nothing of the value is left
    if (isDomainPart(call, this.flow.services.checker)) return EMPTY; // `email.split('@').pop()`: a company's or provider's domain

    const fn = this.flow.functions.resolve(call);
    if (fn) {
      const returned = this.flow.returnValueAt(call, fn);
      return !this.flow.services.reference && returnsPrimitive(fn)
        ? returned
        : union([returned, this.flow.names.typeSource(call, `${calleeName ?? 'call'}()`)]);
    }
    const local = this.packageCall(call);
    if (local) return local;
    if (ts.isPropertyAccessExpression(callee) && calleeName) {
      const receiver = callee.expression;
      const summarised = this.summarised(call, SUMMARIES.method.get(calleeName), receiver);
      if (summarised) return summarised;
      const field = calleeName === 'get' || calleeName === 'getAll' ? this.formField(call, receiver) : undefined;
      if (field) return field;
      // An accessor-like method on a person (`user.getEmail()`) returns what its name says.
      const getter = /^get[A-Z_]/.test(calleeName) ? calleeName : undefined;
      const named =
        getter && this.flow.names.mayName(getter)
          ? this.flow.names.nameSource(getter, call, this.flow.names.receiverIsPerson(receiver), shortText(call))
          : EMPTY;
      return union([named, this.flow.names.typeSource(call, `${calleeName}()`)]);
    }
    const summarised = calleeName ? this.summarised(call, SUMMARIES.function.get(calleeName), undefined) : undefined;
    return summarised ?? this.flow.names.typeSource(call, `${calleeName ?? 'call'}()`);
  }

  /** The value of a library call its summary describes; undefined when it has none (or a callback summary without a callback). */
  private summarised(call: ts.CallExpression, result: SummaryResult | undefined, receiver: ts.Expression | undefined): Value | undefined {
    switch (result) {
      case 'receiver-text':
        return receiver ? flattened(this.flow.valueOf(receiver)) : undefined;
      case 'receiver-and-arguments':
        return receiver ? union([this.flow.valueOf(receiver), ...call.arguments.map((a) => this.flow.valueOf(a))]) : undefined;
      case 'callback-result':
        return call.arguments[0] ? this.callbackResult(call.arguments[0], receiver, isReduce(call) ? 1 : 0) : undefined;
      case 'arguments-text':
        return flattened(union(call.arguments.map((a) => this.flow.valueOf(a))));
      case 'arguments':
        return union(call.arguments.map((a) => this.flow.valueOf(a)));
      case undefined:
        return undefined;
    }
  }

  /** What a callback returns; its first parameter is an element of the receiver (`parts.map((p) => p.text)`). */
  private callbackResult(cb: ts.Expression, receiver: ts.Expression | undefined, elementIndex: number): Value {
    if (!(ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) || !cb.body) return EMPTY;
    const v = union(returnedExpressions(cb.body).map((e) => this.flow.valueOf(e)));
    // `reduce((acc, item) => ...)`: the element is the second parameter; the accumulator is what the callback returned before.
    const element = cb.parameters[elementIndex];
    if (!receiver || !element || !v.params.some((p) => p.param === element)) return v;
    const elements = this.flow.valueOf(receiver);
    const kept: Value = { sources: v.sources, params: v.params.filter((p) => p.param !== element) };
    return union([kept, ...v.params.filter((p) => p.param === element).map((ref) => withTrace(substitute(elements, ref), ref.trace))]);
  }

  /** A package call that transforms locally (`jwt.sign(claims, key)`): its result carries the row's arguments, as text. */
  private packageCall(node: ts.CallExpression | ts.NewExpression): Value | undefined {
    const row = this.flow.packageSummaries.of(node);
    if (!row) return undefined;
    const args = PackageSummaries.carried(row, node);
    const recipients = row.recipients ? args.map((a) => this.recipientsOf(a, row.recipients!)) : [];
    const carried = flattened(union([...args.map((a) => this.flow.valueOf(a)), ...recipients]));
    const made = row.returns ? this.madeBy(node, row.returns) : EMPTY;
    return union([row.under ? prefixed(carried, row.under) : carried, made]);
  }

  /** `sendMail({ to, cc })` of a MIME builder: the message holds its recipients' addresses, whatever the values are called. */
  private recipientsOf(arg: ts.Expression, category: string): Value {
    const hits = recipientsIn(arg, category, this.flow.services.checker);
    return {
      sources: hits.map((h) => {
        const origin = `${h.role}: ${shortText(h.value)}`;
        return {
          category: h.category,
          confidence: 'medium' as const,
          origin,
          path: [],
          trace: [this.flow.step(h.value, `${origin} (a recipient of the message)`)],
        };
      }),
      params: [],
    };
  }

  /** What a package call returns by its nature (a push service's registration token is the device's id). */
  private madeBy(node: ts.CallExpression | ts.NewExpression, category: string): Value {
    const origin = shortText(node);
    return {
      sources: [{ category, confidence: 'medium', origin, path: [], trace: [this.flow.step(node, `${origin} (${category})`)] }],
      params: [],
    };
  }

  newExpression(ne: ts.NewExpression): Value {
    const local = this.packageCall(ne);
    if (local) return local;
    const name = ts.isIdentifier(ne.expression) ? ne.expression.text : undefined;
    if (name === 'URLSearchParams' || name === 'Blob' || name === 'Error' || name?.endsWith('Error')) {
      return flattened(union((ne.arguments ?? []).map((a) => this.flow.valueOf(a))));
    }
    // A package's value object (`new LetterEditable({ to, file })`, `new Date(birthday)`) holds what it
    // was built from; a class of the project is known by its fields instead.
    if (!this.isProjectClass(ne.expression))
      return union([
        union((ne.arguments ?? []).map((a) => this.flow.valueOf(a))),
        this.flow.names.typeSource(ne, `new ${name ?? 'object'}`),
      ]);
    return this.flow.names.typeSource(ne, `new ${name ?? 'object'}`);
  }

  private isProjectClass(callee: ts.Expression): boolean {
    const { checker } = this.flow.services;
    let symbol = checker.getSymbolAtLocation(callee);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (!decl || decl.getSourceFile().isDeclarationFile) return false;
    // `const { LetterEditable } = require('@lob/...')` is declared in the project but is the package's class.
    return (
      ts.isClassLike(decl) ||
      ts.isFunctionDeclaration(decl) ||
      (ts.isVariableDeclaration(decl) && decl.initializer !== undefined && ts.isClassExpression(skipOuter(decl.initializer)))
    );
  }

  /**
   * `formData.get('file')`: a form field the person submitted. Named by its key (`email`); a file
   * field (`file`, `image`, `attachment`) is what they uploaded, their content.
   */
  private formField(call: ts.CallExpression, receiver: ts.Expression): Value | undefined {
    const key = call.arguments[0];
    if (!key || !ts.isStringLiteralLike(key)) return undefined;
    if (!isFormData(receiver, this.flow.services.checker)) return undefined;
    const named = this.flow.names.keySource(key.text, call, key);
    if (named !== EMPTY) return named;
    return isUploadField(key.text) ? this.flow.names.upload(call) : EMPTY;
  }
}

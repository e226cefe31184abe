import { ts } from '#ts-morph';
import type { Classifier } from '../classifier/classifier.js';
import type { TraceStep } from '../core/contract.js';
import { lineOf } from '../ts/symbols.js';
import { typeHintOf } from '../classifier/type-hint-of.js';
import { TypeSources } from './type-sources.js';
import { isChainSanitizer, isDeidentified, isDomainPart, isFullMask, isSanitizerName } from './sanitizers.js';
import { summaryIndex, type SummaryResult } from './summaries.catalog.js';
import {
  EMPTY,
  flattened,
  member,
  omitted,
  prefixed,
  substitute,
  union,
  withStep,
  type ParamRef,
  type Source,
  type Value,
} from './value.js';
import { FunctionResolver, functionName, type FunctionLike } from './functions.js';
import { Assignments } from './assignments.js';
import { declaredPrimitive, returnsPrimitive } from './primitive-annotation.js';
import { skipOuter } from '../ts/syntax.js';
import { PackageSummaries } from './package-summaries.js';
import { isEnvironmentRead } from './environment.js';
import { isRecordIdSegment } from './record-paths.js';
import { isSynthetic } from './synthetic.js';
import { isVendorIdName } from './vendor-ids.js';
import type { Origin } from '../sinks/types.js';
import { isHostValue } from './host-values.js';
import { isVendorRecordId } from './vendor-records.js';
import { usedAsRecord } from './usage-shape.js';
import { indexedFieldOf, isFormData, isUploadField, isUploadedFile, untypedContent } from './written-content.js';

/** One piece of personal data that an expression may carry, with the trace that brought it there. */
export type DataSource = Source;

export interface Taint {
  sources: DataSource[];
}

/** What the flow engine needs of a scan: one program, its checker, the classifier. */
export interface FlowServices {
  program: ts.Program;
  checker: ts.TypeChecker;
  classifier: Classifier;
  /** `redactors:` of the configuration: more names of redaction helpers. */
  config: { readonly redactors: readonly string[] };
  /** Path relative to the scan root, for the places data was not followed further. */
  relative(fileName: string): string;
  /** The reference path (tests only): no shortcut that skips asking the type checker. */
  reference?: boolean;
  /** Package origins of callees, for the summaries of package calls (PACKAGE_SUMMARIES); none without it. */
  sinks?: { origin(expr: ts.Expression): Origin | undefined };
}

/** Nested expressions data is followed through (each variable, call and literal a level). */
const MAX_DEPTH = 24;

/** A place where data was not followed further: the expression nests deeper than MAX_DEPTH. */
export interface FlowCut {
  /** Relative path of the expression's file. */
  file: string;
  line: number;
  limit: number;
}

/** Library calls whose result carries their receiver's or arguments' data (the summaries catalogue). */
const SUMMARIES = summaryIndex();

/**
 * Intra- and inter-procedural taint: which personal data an expression may carry, with a trace.
 * Sources are names (`user.email`), types with PII fields (`user: User`) and object keys
 * (`{ email: x }`). Flow follows variables, destructuring, templates, concatenation, object
 * literals, spreads, JSON.stringify and calls into the project's own functions (through summaries
 * in terms of their parameters). Redaction helpers end the flow.
 */
export class FlowAnalyzer {
  private readonly memo = new WeakMap<ts.Node, Value>();
  private readonly returnMemo = new Map<FunctionLike, Value>();
  private readonly inProgress = new Set<ts.Node>();
  private readonly intrinsicMemo = new Map<ts.ParameterDeclaration, Set<string>>();
  /** Relative path per file name: every trace step needs one. */
  private readonly relativePaths = new Map<string, string>();
  private readonly typeSources: TypeSources;
  private readonly assignments: Assignments;
  private readonly extraSanitizers: ReadonlySet<string>;
  /** Shared with SinkFlows: one cache of call -> project function for the whole scan. */
  readonly functions: FunctionResolver;
  /** Shared with the fallback sinks: a package call that transforms locally is no vendor call. */
  readonly packageSummaries: PackageSummaries;
  private depth = 0;
  /** The outermost expression being followed (depth 1). */
  private root: ts.Expression | undefined;
  /** Expressions not followed for depth since the last `takeCuts`. */
  private cuts: ts.Expression[] = [];

  constructor(private readonly services: FlowServices) {
    this.typeSources = new TypeSources(services.checker, services.program, services.classifier);
    this.extraSanitizers = new Set(services.config.redactors);
    this.assignments = new Assignments(services.checker, (name) => isSanitizerName(name, this.extraSanitizers));
    this.functions = new FunctionResolver(services.checker, services.program, services.reference);
    this.packageSummaries = new PackageSummaries(services.sinks ? (e) => services.sinks!.origin(e) : undefined);
  }

  get checker(): ts.TypeChecker {
    return this.services.checker;
  }

  /** Public view: the personal data an expression may carry (parameters left symbolic are dropped). */
  taintOf(expr: ts.Expression): Taint {
    return { sources: this.valueOf(expr).sources };
  }

  /** Full value, including symbolic parameter references (for summaries). */
  valueOf(outer: ts.Expression): Value {
    // Parentheses, `as`, `!`, `satisfies`, `await` carry their operand's value: no depth spent on them.
    const expr = skipOuter(outer);
    const cached = this.memo.get(expr);
    if (cached) return cached;
    if (this.inProgress.has(expr)) return EMPTY;
    if (this.depth > MAX_DEPTH) {
      // Reported only when the cut is inside the expression being followed (code nested that
      // deep); a chain of variables and calls across the file is a limit of the analysis, not of the code.
      if (this.root && within(expr, this.root)) this.cuts.push(expr);
      return EMPTY;
    }
    this.inProgress.add(expr);
    if (this.depth === 0) this.root = expr;
    this.depth++;
    let v: Value;
    try {
      v = this.compute(expr);
    } finally {
      this.depth--;
      if (this.depth === 0) this.root = undefined;
      this.inProgress.delete(expr);
    }
    this.memo.set(expr, v);
    return v;
  }

  /** Where data was not followed for depth since the last call (the scan reports each place once). */
  takeCuts(): FlowCut[] {
    if (this.cuts.length === 0) return [];
    const cuts = this.cuts.map((e) => {
      const { file, line } = this.step(e, '');
      return { file, line, limit: MAX_DEPTH };
    });
    this.cuts = [];
    return cuts;
  }

  /** What a call to a project function returns, in terms of the call's arguments. */
  returnValueAt(call: ts.CallExpression | ts.NewExpression, fn: FunctionLike): Value {
    const summary = this.returnValueOf(fn);
    if (summary === EMPTY) return EMPTY;
    const step = this.step(call, `returned from ${functionName(fn)}()`);
    return withStep(this.instantiate(summary, fn, call), step);
  }

  /**
   * What `fn` returns, in terms of its parameters, as any caller sees it (before instantiation): a
   * hook for the review's early cutoff, which compares it across the two sides of a change.
   */
  returnSummary(fn: FunctionLike): Value {
    return this.returnValueOf(fn);
  }

  /** The personal-data fields a type holds, as sources read them (early cutoff compares exported types by them). */
  personalFieldsOf(type: ts.Type): Omit<Source, 'trace' | 'origin'>[] {
    return this.typeSources.of(type);
  }

  /** Replace references to `fn`'s own parameters by the sources of the matching arguments of `call`. */
  instantiate(v: Value, fn: FunctionLike, call: ts.CallExpression | ts.NewExpression): Value {
    if (v.params.length === 0) return v;
    const own: ParamRef[] = [];
    const others: ParamRef[] = [];
    for (const p of v.params) (p.param.parent === fn ? own : others).push(p);
    if (own.length === 0) return v;
    const parts: Value[] = [{ sources: v.sources, params: others }];
    const args = call.arguments ?? ts.factory.createNodeArray<ts.Expression>();
    for (const ref of own) {
      const index = fn.parameters.indexOf(ref.param);
      const argExprs = ref.param.dotDotDotToken ? args.slice(index) : args[index] ? [args[index]] : [];
      for (const arg of argExprs) {
        const argValue = this.valueOf(arg);
        parts.push(withTrace(substitute(argValue, ref), ref.trace));
      }
    }
    return union(parts);
  }

  /** Categories a parameter carries by its own name and type: reported inside its function already. */
  intrinsicCategories(param: ts.ParameterDeclaration): Set<string> {
    let out = this.intrinsicMemo.get(param);
    if (out) return out;
    out = new Set<string>();
    if (ts.isIdentifier(param.name)) {
      for (const s of this.nameSource(param.name.text, param.name, false, param.name.text).sources) out.add(s.category);
      if (this.services.reference || !declaredPrimitive(param))
        for (const s of this.typeSource(param.name, param.name.text).sources) out.add(s.category);
    }
    this.intrinsicMemo.set(param, out);
    return out;
  }

  step(node: ts.Node, note: string): TraceStep {
    const sf = node.getSourceFile();
    let file = this.relativePaths.get(sf.fileName);
    if (file === undefined) {
      file = this.services.relative(sf.fileName);
      this.relativePaths.set(sf.fileName, file);
    }
    return { file, line: lineOf(node, sf), note };
  }

  private returnValueOf(fn: FunctionLike): Value {
    const cached = this.returnMemo.get(fn);
    if (cached) return cached;
    this.returnMemo.set(fn, EMPTY); // recursion guard
    const v = fn.body ? union(returnedExpressions(fn.body).map((e) => this.valueOf(e))) : EMPTY;
    this.returnMemo.set(fn, v);
    return v;
  }

  private compute(expr: ts.Expression): Value {
    switch (expr.kind) {
      case ts.SyntaxKind.Identifier:
        return this.identifier(expr as ts.Identifier);
      case ts.SyntaxKind.PropertyAccessExpression:
        return this.propertyAccess(expr as ts.PropertyAccessExpression);
      case ts.SyntaxKind.ElementAccessExpression:
        return this.elementAccess(expr as ts.ElementAccessExpression);
      case ts.SyntaxKind.TemplateExpression:
        return this.template(expr as ts.TemplateExpression);
      case ts.SyntaxKind.TaggedTemplateExpression: {
        const tpl = (expr as ts.TaggedTemplateExpression).template;
        return ts.isTemplateExpression(tpl) ? flattened(union(tpl.templateSpans.map((s) => this.valueOf(s.expression)))) : EMPTY;
      }
      case ts.SyntaxKind.BinaryExpression:
        return this.binary(expr as ts.BinaryExpression);
      case ts.SyntaxKind.ConditionalExpression: {
        const c = expr as ts.ConditionalExpression;
        return union([this.valueOf(c.whenTrue), this.valueOf(c.whenFalse)]);
      }
      case ts.SyntaxKind.ObjectLiteralExpression:
        return this.objectLiteral(expr as ts.ObjectLiteralExpression);
      case ts.SyntaxKind.ArrayLiteralExpression:
        return union((expr as ts.ArrayLiteralExpression).elements.map((e) => this.valueOf(ts.isSpreadElement(e) ? e.expression : e)));
      case ts.SyntaxKind.SpreadElement:
        return this.valueOf((expr as ts.SpreadElement).expression);
      case ts.SyntaxKind.CallExpression:
        return this.call(expr as ts.CallExpression);
      case ts.SyntaxKind.NewExpression:
        return this.newExpression(expr as ts.NewExpression);
      default:
        return EMPTY; // literals, functions, comparisons: no personal data of their own
    }
  }

  // ---- names -------------------------------------------------------------------------------------

  /** A template's text: its spans' data, less the ids of records named in a relative request path (`/contacts/${contactId}`). */
  private template(t: ts.TemplateExpression): Value {
    return flattened(
      union(
        t.templateSpans.map((s, i) => {
          const v = this.valueOf(s.expression);
          return v.sources.length && isRecordIdSegment(t, i)
            ? { sources: v.sources.filter((src) => src.category !== 'user.unique_id'), params: v.params }
            : v;
        }),
      ),
    );
  }

  /** Data named by an identifier (`email`), classified with its type so `emailVerified: boolean` is not data. */
  private nameSource(name: string, node: ts.Node, personContext: boolean, origin: string): Value {
    const { classifier, checker } = this.services;
    if (!classifier.classify(name, { personContext })) return EMPTY;
    let hint = typeHintOf(checker.getTypeAtLocation(node), checker);
    // an untyped `token` whose members are read (`token.type`) is a record, not a string
    if (hint === 'unknown' && ts.isIdentifier(node) && usedAsRecord(node, checker)) hint = 'object';
    const c = classifier.classify(name, { personContext, typeHint: hint });
    if (!c) return EMPTY;
    return {
      sources: [{ category: c.category, confidence: c.confidence, origin, path: [], trace: [this.step(node, `${origin} (${c.reason})`)] }],
      params: [],
    };
  }

  /**
   * A member named for its owner (`emailObject.to`, `const { to } = emailContent`): `to` is an address
   * only next to a mail word, and the owner's name is where that word is.
   */
  private ownedNameSource(owner: ts.Expression, name: string, node: ts.Node, origin: string): Value {
    const o = skipOuter(owner);
    const ownerName = ts.isIdentifier(o) ? o.text : ts.isPropertyAccessExpression(o) ? o.name.text : undefined;
    if (!ownerName) return EMPTY;
    const { classifier, checker } = this.services;
    if (!classifier.classifyMember(ownerName, name)) return EMPTY;
    const c = classifier.classifyMember(ownerName, name, { typeHint: typeHintOf(checker.getTypeAtLocation(node), checker) });
    if (!c) return EMPTY;
    return {
      sources: [{ category: c.category, confidence: c.confidence, origin, path: [], trace: [this.step(node, `${origin} (${c.reason})`)] }],
      params: [],
    };
  }

  /** Data held by an expression's type (`user: User` holds User's PII fields). `origin` as a node: its short text. */
  private typeSource(node: ts.Expression, originText: string | ts.Node): Value {
    const type = this.services.checker.getTypeAtLocation(node);
    if (
      type.flags &
      (ts.TypeFlags.Any |
        ts.TypeFlags.Unknown |
        ts.TypeFlags.StringLike |
        ts.TypeFlags.NumberLike |
        ts.TypeFlags.BooleanLike |
        ts.TypeFlags.BigIntLike |
        ts.TypeFlags.Null |
        ts.TypeFlags.Undefined |
        ts.TypeFlags.Void)
    )
      return EMPTY;
    const fields = this.typeSources.of(type);
    if (fields.length === 0) return EMPTY;
    const origin = typeof originText === 'string' ? originText : shortText(originText);
    const typeName = this.typeSources.nameOf(type) ?? 'object';
    const step = this.step(
      node,
      `${origin}: ${typeName} holds ${[...new Set(fields.map((f) => f.path.join('.')))].slice(0, 4).join(', ')}`,
    );
    return { sources: fields.map((f) => ({ ...f, origin: `${origin}.${f.path.join('.')}`, trace: [step] })), params: [] };
  }

  private isPersonName(name: string | undefined): boolean {
    return name ? this.services.classifier.isPersonContext(name) : false;
  }

  /** Person context of a receiver: its own name (`user`, `this.customer`) or its type's name (`User`). */
  private receiverIsPerson(receiver: ts.Expression): boolean {
    let e: ts.Expression = receiver;
    while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
    const ownName = ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : undefined;
    if (this.isPersonName(ownName)) return true;
    if (e.kind === ts.SyntaxKind.ThisKeyword) {
      const cls = containingClass(e);
      return this.isPersonName(cls?.name?.text);
    }
    const type = this.services.checker.getTypeAtLocation(e);
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return false;
    return this.isPersonName(this.typeSources.nameOf(type));
  }

  // ---- expressions -------------------------------------------------------------------------------

  private identifier(id: ts.Identifier): Value {
    if (id.text === 'undefined') return EMPTY;
    const { checker } = this.services;
    // `{ email }`: the name is a property; the value is the variable of the same name.
    let symbol =
      ts.isShorthandPropertyAssignment(id.parent) && id.parent.name === id
        ? checker.getShorthandAssignmentValueSymbol(id.parent)
        : checker.getSymbolAtLocation(id);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    const declared = decl ? union([this.declarationValue(decl, id, symbol!), this.recordField(decl, id)]) : EMPTY;
    // What flowed into a variable says more than its name: `const address = user.email` is an email;
    // `const email = \`guest-${Date.now()}\``, `const password = hash(uuid())` are made up or de-identified.
    let named =
      declared.sources.length || this.madeUp(decl)
        ? EMPTY
        : union([this.nameSource(id.text, id, false, id.text), this.destructuredNameSource(decl, id)]);
    if (named.sources.length && hostInitialized(decl, this.services.checker)) named = EMPTY;
    return union([named, declared, !this.services.reference && declaredPrimitive(decl) ? EMPTY : this.typeSource(id, id.text)]);
  }

  /** A variable initialised with a synthetic or de-identified value or a vendor's id, whatever its name. */
  private madeUp(decl: ts.Declaration | undefined): boolean {
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return false;
    const init = skipOuter(decl.initializer);
    const readName = ts.isPropertyAccessExpression(init) ? init.name.text : ts.isIdentifier(init) ? init.text : undefined;
    // `const customerId = billing.stripeCustomerId`: the payment provider's id, not a person's.
    return isSynthetic(init) || isDeidentified(init, this.extraSanitizers) || (readName !== undefined && isVendorIdName(readName));
  }

  /** `const { to } = emailContent`: the part named in its owner's words. */
  private destructuredNameSource(decl: ts.Declaration | undefined, id: ts.Identifier): Value {
    if (!decl || !ts.isBindingElement(decl) || !ts.isObjectBindingPattern(decl.parent)) return EMPTY;
    const holder = decl.parent.parent;
    const owner = ts.isVariableDeclaration(holder)
      ? holder.initializer
      : ts.isParameter(holder) && ts.isIdentifier(holder.name)
        ? holder.name
        : undefined;
    const key = decl.propertyName ? propertyNameText(decl.propertyName) : id.text;
    return owner && key ? this.ownedNameSource(owner, key, id, id.text) : EMPTY;
  }

  /** The value a declaration gives its name: initializer, destructured part, parameter, assignments. */
  private declarationValue(decl: ts.Declaration, use: ts.Node, symbol: ts.Symbol): Value {
    if (ts.isParameter(decl) && ts.isIdentifier(decl.name)) {
      const ref: ParamRef = { param: decl, access: [], at: [], flat: false, trace: [] };
      return union([{ sources: [], params: [ref] }, this.assignedLater(decl, symbol)]);
    }
    if (ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name)) {
      const init = decl.initializer ? this.valueOf(decl.initializer) : EMPTY;
      const v = union([init, this.assignedLater(decl, symbol)]);
      return v === EMPTY || isSameLine(decl, use) ? v : withStep(v, this.step(decl, `assigned to ${decl.name.text}`));
    }
    if (ts.isBindingElement(decl)) return this.bindingValue(decl);
    if (ts.isShorthandPropertyAssignment(decl)) return EMPTY;
    return EMPTY;
  }

  private assignedLater(decl: ts.Declaration, symbol: ts.Symbol): Value {
    const writes = this.assignments.of(decl, symbol);
    if (writes.length === 0) return EMPTY;
    return union(
      writes.map((w) => {
        if (w.queryParam) {
          // A query string is text: the parameter's name says what its value is (`access_token`).
          const key = w.property && !isLiteralish(w.value) ? this.keySource(w.property, w.value, w.queryParam) : EMPTY;
          return flattened(union([this.valueOf(w.value), key]));
        }
        return w.property ? prefixed(this.valueOf(w.value), w.property) : this.valueOf(w.value);
      }),
    );
  }

  /** `const { email } = user` / `function f({ email }: User)`: the named part of the destructured value. */
  private bindingValue(el: ts.BindingElement): Value {
    const pattern = el.parent;
    const key = el.propertyName ? propertyNameText(el.propertyName) : ts.isIdentifier(el.name) ? el.name.text : undefined;
    let whole: Value = EMPTY;
    const holder = pattern.parent;
    if (ts.isVariableDeclaration(holder) && holder.initializer) whole = this.valueOf(holder.initializer);
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

  private propertyAccess(pa: ts.PropertyAccessExpression): Value {
    const name = pa.name.text;
    if (name === 'length' || isEnvironmentRead(pa)) return EMPTY;
    const receiver = this.valueOf(pa.expression);
    // A person around a name only widens what it can mean: a name that is nothing even in a person
    // object needs no look at the receiver's type.
    const mayName = this.mayName(name);
    // `alias.address` of `os.networkInterfaces()`: the host's address, whatever the name says
    const byName =
      (this.services.reference || mayName) && !isHostValue(pa.expression, this.services.checker)
        ? this.nameSource(name, pa.name, this.receiverIsPerson(pa.expression), shortText(pa))
        : EMPTY;
    // `emailObject.to`: a name that means nothing alone, read in its owner's words (the reference path too).
    const named = mayName || byName !== EMPTY ? byName : this.ownedNameSource(pa.expression, name, pa.name, shortText(pa));
    const uploaded = isUploadedFile(pa) ? this.upload(pa) : EMPTY;
    return union([named, named === EMPTY ? this.untypedContent(pa) : EMPTY, uploaded, member(receiver, name), this.typeSource(pa, pa)]);
  }

  /** A file the person uploaded (`req.file` of multer, a form's file field): what they sent is their content. */
  private upload(at: ts.Expression): Value {
    const origin = shortText(at);
    return {
      sources: [
        {
          category: 'user.content',
          confidence: 'medium',
          origin,
          path: [],
          trace: [this.step(at, `${origin} (a file the person uploaded)`)],
        },
      ],
      params: [],
    };
  }

  /** `{ parts }: { parts: DBMessage["parts"] }`: a field of a message record is what the person wrote. */
  private recordField(decl: ts.Declaration, use: ts.Identifier): Value {
    const at = indexedFieldOf(decl);
    if (!at) return EMPTY;
    const { classifier, checker } = this.services;
    const record = this.typeSources.nameOf(checker.getTypeFromTypeNode(at.record));
    const kind = record ? classifier.contentKind(record) : undefined;
    const c = kind ? classifier.classifyContent(at.field, kind, typeHintOf(checker.getTypeAtLocation(use), checker)) : null;
    if (!c) return EMPTY;
    const origin = `${use.text}: ${shortText(at.record)}["${at.field}"]`;
    return {
      sources: [{ category: c.category, confidence: c.confidence, origin, path: [], trace: [this.step(use, `${origin} (${c.reason})`)] }],
      params: [],
    };
  }

  private untypedContent(pa: ts.PropertyAccessExpression): Value {
    const c = untypedContent(pa, this.services.classifier, this.services.checker);
    if (!c) return EMPTY;
    return {
      sources: [
        {
          category: c.category,
          confidence: c.confidence,
          origin: shortText(pa),
          path: [],
          trace: [this.step(pa, `${shortText(pa)} (${c.reason})`)],
        },
      ],
      params: [],
    };
  }

  /** Whether `name` classifies in some context (person context only widens what a name can mean). */
  private mayName(name: string): boolean {
    return this.services.classifier.classify(name, { personContext: true }) !== null;
  }

  private elementAccess(ea: ts.ElementAccessExpression): Value {
    if (isEnvironmentRead(ea)) return EMPTY;
    const receiver = this.valueOf(ea.expression);
    const arg = ea.argumentExpression;
    if (ts.isStringLiteralLike(arg)) {
      const named = this.mayName(arg.text) ? this.nameSource(arg.text, ea, this.receiverIsPerson(ea.expression), shortText(ea)) : EMPTY;
      return union([member(receiver, arg.text), named]);
    }
    if (ts.isNumericLiteral(arg)) return isDomainPart(ea, this.services.checker) ? EMPTY : receiver;
    return union([member(receiver, undefined), receiver]);
  }

  private binary(b: ts.BinaryExpression): Value {
    const kind = operatorKind(b.operatorToken.kind);
    if (kind === 'right') return this.valueOf(b.right);
    if (kind === 'none') return EMPTY; // comparisons and arithmetic produce booleans and numbers, not the data itself
    // `a + b + c` nests to the left, one level per term: folded from the first term as
    // `(a + b) + c` would be, without spending depth on each link of the chain.
    const rights: ts.Expression[] = [];
    let first: ts.Expression = b;
    while (ts.isBinaryExpression(first) && operatorKind(first.operatorToken.kind) === kind) {
      rights.push(first.right);
      first = first.left;
    }
    let v = this.valueOf(first);
    for (let i = rights.length - 1; i >= 0; i--) {
      const both = union([v, this.valueOf(rights[i])]);
      v = kind === 'text' ? flattened(both) : both;
    }
    return v;
  }

  private objectLiteral(obj: ts.ObjectLiteralExpression): Value {
    const parts: Value[] = [];
    for (const prop of obj.properties) {
      if (ts.isSpreadAssignment(prop)) {
        parts.push(this.valueOf(prop.expression));
        continue;
      }
      const key = prop.name ? propertyNameText(prop.name) : undefined;
      if (ts.isPropertyAssignment(prop)) {
        const inner = this.valueOf(prop.initializer);
        // `{ password: await bcrypt.hash(pw) }`: a hash stored under a personal key is not the data.
        // `{ debugToken: env.APP_CHECK_TOKEN }`: the deployment's configuration, not a person's secret.
        const named =
          key &&
          !isLiteralish(prop.initializer) &&
          !isDeidentified(prop.initializer, this.extraSanitizers) &&
          !isEnvironmentRead(prop.initializer)
            ? this.keySource(key, prop.initializer, prop.name)
            : EMPTY;
        parts.push(key ? prefixed(union([inner, named]), key) : flattened(inner));
      } else if (ts.isShorthandPropertyAssignment(prop)) {
        const inner = this.valueOf(prop.name);
        parts.push(key ? prefixed(inner, key) : inner);
      }
    }
    return union(parts);
  }

  /** `{ email: x }`: the key names what the value is, even when `x` alone says nothing. */
  private keySource(key: string, value: ts.Expression, at: ts.Node): Value {
    const { classifier, checker } = this.services;
    if (!classifier.classify(key, { personContext: false })) return EMPTY;
    const hint = typeHintOf(checker.getTypeAtLocation(value), checker);
    const c = classifier.classify(key, { personContext: false, typeHint: hint });
    // `{ sessionId: session.id }` of a `Stripe.Checkout.Session`: the vendor's record, not the visitor's session
    if (!c || isVendorRecordId(c.category, value, checker)) return EMPTY;
    return {
      sources: [
        {
          category: c.category,
          confidence: c.confidence,
          origin: key,
          path: [],
          trace: [this.step(at, `${key}: ${shortText(value)} (${c.reason})`)],
        },
      ],
      params: [],
    };
  }

  private call(call: ts.CallExpression): Value {
    const callee = call.expression;
    const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (calleeName && isSanitizerName(calleeName, this.extraSanitizers)) return EMPTY;
    if (ts.isPropertyAccessExpression(callee) && isSanitizedChain(callee.expression, this.extraSanitizers)) return EMPTY;
    if (isFullMask(call)) return EMPTY; // `s.replace(/./g, '*')`: nothing of the value is left
    if (isDomainPart(call, this.services.checker)) return EMPTY; // `email.split('@').pop()`: a company's or provider's domain

    const fn = this.functions.resolve(call);
    if (fn) {
      const returned = this.returnValueAt(call, fn);
      return !this.services.reference && returnsPrimitive(fn)
        ? returned
        : union([returned, this.typeSource(call, `${calleeName ?? 'call'}()`)]);
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
        getter && this.mayName(getter) ? this.nameSource(getter, call, this.receiverIsPerson(receiver), shortText(call)) : EMPTY;
      return union([named, this.typeSource(call, `${calleeName}()`)]);
    }
    const summarised = calleeName ? this.summarised(call, SUMMARIES.function.get(calleeName), undefined) : undefined;
    return summarised ?? this.typeSource(call, `${calleeName ?? 'call'}()`);
  }

  /** The value of a library call its summary describes; undefined when it has none (or a callback summary without a callback). */
  private summarised(call: ts.CallExpression, result: SummaryResult | undefined, receiver: ts.Expression | undefined): Value | undefined {
    switch (result) {
      case 'receiver-text':
        return receiver ? flattened(this.valueOf(receiver)) : undefined;
      case 'receiver-and-arguments':
        return receiver ? union([this.valueOf(receiver), ...call.arguments.map((a) => this.valueOf(a))]) : undefined;
      case 'callback-result':
        return call.arguments[0] ? this.callbackResult(call.arguments[0], receiver, isReduce(call) ? 1 : 0) : undefined;
      case 'arguments-text':
        return flattened(union(call.arguments.map((a) => this.valueOf(a))));
      case 'arguments':
        return union(call.arguments.map((a) => this.valueOf(a)));
      case undefined:
        return undefined;
    }
  }

  /** What a callback returns; its first parameter is an element of the receiver (`parts.map((p) => p.text)`). */
  private callbackResult(cb: ts.Expression, receiver: ts.Expression | undefined, elementIndex: number): Value {
    if (!(ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) || !cb.body) return EMPTY;
    const v = union(returnedExpressions(cb.body).map((e) => this.valueOf(e)));
    // `reduce((acc, item) => ...)`: the element is the second parameter; the accumulator is what the callback returned before.
    const element = cb.parameters[elementIndex];
    if (!receiver || !element || !v.params.some((p) => p.param === element)) return v;
    const elements = this.valueOf(receiver);
    const kept: Value = { sources: v.sources, params: v.params.filter((p) => p.param !== element) };
    return union([kept, ...v.params.filter((p) => p.param === element).map((ref) => withTrace(substitute(elements, ref), ref.trace))]);
  }

  /** A package call that transforms locally (`jwt.sign(claims, key)`): its result carries the row's arguments, as text. */
  private packageCall(node: ts.CallExpression | ts.NewExpression): Value | undefined {
    const row = this.packageSummaries.of(node);
    if (!row) return undefined;
    const carried = flattened(union(PackageSummaries.carried(row, node).map((a) => this.valueOf(a))));
    return row.under ? prefixed(carried, row.under) : carried;
  }

  private newExpression(ne: ts.NewExpression): Value {
    const local = this.packageCall(ne);
    if (local) return local;
    const name = ts.isIdentifier(ne.expression) ? ne.expression.text : undefined;
    if (name === 'URLSearchParams' || name === 'Blob' || name === 'Error' || name?.endsWith('Error')) {
      return flattened(union((ne.arguments ?? []).map((a) => this.valueOf(a))));
    }
    // A package's value object (`new LetterEditable({ to, file })`, `new Date(birthday)`) holds what it
    // was built from; a class of the project is known by its fields instead.
    if (!this.isProjectClass(ne.expression))
      return union([union((ne.arguments ?? []).map((a) => this.valueOf(a))), this.typeSource(ne, `new ${name ?? 'object'}`)]);
    return this.typeSource(ne, `new ${name ?? 'object'}`);
  }

  private isProjectClass(callee: ts.Expression): boolean {
    const { checker } = this.services;
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
    if (!isFormData(receiver, this.services.checker)) return undefined;
    const named = this.keySource(key.text, call, key);
    if (named !== EMPTY) return named;
    return isUploadField(key.text) ? this.upload(call) : EMPTY;
  }
}

function isReduce(call: ts.CallExpression): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && (callee.name.text === 'reduce' || callee.name.text === 'reduceRight');
}

/** How a binary operator passes data on: as text (`+`), either side (`||`), the right side (`=`), or not at all. */
function operatorKind(op: ts.SyntaxKind): 'text' | 'either' | 'right' | 'none' {
  switch (op) {
    case ts.SyntaxKind.PlusToken:
    case ts.SyntaxKind.PlusEqualsToken:
      return 'text';
    case ts.SyntaxKind.BarBarToken:
    case ts.SyntaxKind.QuestionQuestionToken:
    case ts.SyntaxKind.AmpersandAmpersandToken:
      return 'either';
    case ts.SyntaxKind.EqualsToken:
    case ts.SyntaxKind.CommaToken:
      return 'right';
    default:
      return 'none';
  }
}

/** What a function body returns: the expression of an arrow, or every `return` not inside a nested function. */
function returnedExpressions(body: ts.ConciseBody): ts.Expression[] {
  if (!ts.isBlock(body)) return [body];
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isReturnStatement(n) && n.expression) out.push(n.expression);
    if (!ts.isFunctionLike(n)) ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return out;
}

function withTrace(v: Value, steps: TraceStep[]): Value {
  let out = v;
  for (const s of steps) out = withStep(out, s);
  return out;
}

export function propertyNameText(name: ts.PropertyName | ts.BindingName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

/** `const ip = getLanAddress()`: a name set from a host-information value names the host's data. */
function hostInitialized(decl: ts.Declaration | undefined, checker: ts.TypeChecker): boolean {
  return (
    !!decl &&
    ts.isVariableDeclaration(decl) &&
    !!decl.initializer &&
    ts.isCallExpression(skipOuter(decl.initializer)) &&
    isHostValue(decl.initializer, checker)
  );
}

function isLiteralish(e: ts.Expression): boolean {
  return (
    ts.isStringLiteralLike(e) ||
    ts.isNumericLiteral(e) ||
    e.kind === ts.SyntaxKind.TrueKeyword ||
    e.kind === ts.SyntaxKind.FalseKeyword ||
    e.kind === ts.SyntaxKind.NullKeyword ||
    ts.isArrowFunction(e) ||
    ts.isFunctionExpression(e) ||
    ts.isObjectLiteralExpression(e) ||
    ts.isArrayLiteralExpression(e)
  );
}

/** `crypto.createHash('sha256').update(email).digest('hex')`: any link of the chain is a sanitizer. */
function isSanitizedChain(e: ts.Expression, extra: ReadonlySet<string>): boolean {
  let cur: ts.Expression = e;
  for (let i = 0; i < 6; i++) {
    if (ts.isCallExpression(cur)) {
      const c = cur.expression;
      const name = ts.isIdentifier(c) ? c.text : ts.isPropertyAccessExpression(c) ? c.name.text : undefined;
      if (name && (isSanitizerName(name, extra) || isChainSanitizer(name))) return true;
      cur = ts.isPropertyAccessExpression(c) ? c.expression : c;
    } else if (ts.isPropertyAccessExpression(cur)) cur = cur.expression;
    else return false;
  }
  return false;
}

function containingClass(n: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let p: ts.Node | undefined = n.parent; p; p = p.parent) if (ts.isClassLike(p)) return p;
  return undefined;
}

function isSameLine(a: ts.Node, b: ts.Node): boolean {
  const sf = a.getSourceFile();
  return sf === b.getSourceFile() && lineOf(a, sf) === lineOf(b, sf);
}

export function shortText(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export type { Source, Value };

function within(node: ts.Node, outer: ts.Node): boolean {
  return node.getSourceFile() === outer.getSourceFile() && node.pos >= outer.pos && node.end <= outer.end;
}

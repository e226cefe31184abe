import { ts } from '#ts-morph';
import type { FlowServices } from './flow-services.js';
import type { TraceSteps } from './trace-steps.js';
import type { TypeSources } from './type-sources.js';
import { typeHintOf } from '../classifier/type-hint-of.js';
import { isDeidentified } from './sanitizers.js';
import { EMPTY, type Value } from './value.js';
import { propertyNameText, skipOuter } from '../ts/syntax.js';
import { isSynthetic } from './synthetic.js';
import { isVendorIdName } from './vendor-ids.js';
import { isVendorRecordId } from './vendor-records.js';
import { usedAsRecord } from './usage-shape.js';
import { indexedFieldOf, untypedContent } from './written-content.js';
import { containingClass, shortText } from './flow-syntax.js';

/**
 * Where personal data starts: a name (`email`), a key (`{ email: x }`), a member read in its
 * owner's words (`emailObject.to`), a type holding personal fields (`user: User`), an upload, a
 * field of a content record. Each source carries the step that says why.
 */
export class NameSources {
  constructor(
    private readonly services: FlowServices,
    private readonly typeSources: TypeSources,
    private readonly extraSanitizers: ReadonlySet<string>,
    private readonly steps: TraceSteps,
  ) {}

  /** Data named by an identifier (`email`), classified with its type so `emailVerified: boolean` is not data. */
  nameSource(name: string, node: ts.Node, personContext: boolean, origin: string): Value {
    const { classifier, checker } = this.services;
    if (!classifier.classify(name, { personContext })) return EMPTY;
    let hint = typeHintOf(checker.getTypeAtLocation(node), checker);
    // an untyped `token` whose members are read (`token.type`) is a record, not a string
    if (hint === 'unknown' && ts.isIdentifier(node) && usedAsRecord(node, checker)) hint = 'object';
    const c = classifier.classify(name, { personContext, typeHint: hint });
    if (!c) return EMPTY;
    return {
      sources: [
        { category: c.category, confidence: c.confidence, origin, path: [], trace: [this.steps.step(node, `${origin} (${c.reason})`)] },
      ],
      params: [],
    };
  }

  /**
   * A member named for its owner (`emailObject.to`, `const { to } = emailContent`): `to` is an address
   * only next to a mail word, and the owner's name is where that word is.
   */
  ownedNameSource(owner: ts.Expression, name: string, node: ts.Node, origin: string): Value {
    const o = skipOuter(owner);
    const ownerName = ts.isIdentifier(o) ? o.text : ts.isPropertyAccessExpression(o) ? o.name.text : undefined;
    if (!ownerName) return EMPTY;
    const { classifier, checker } = this.services;
    if (!classifier.classifyMember(ownerName, name)) return EMPTY;
    const c = classifier.classifyMember(ownerName, name, { typeHint: typeHintOf(checker.getTypeAtLocation(node), checker) });
    if (!c) return EMPTY;
    return {
      sources: [
        { category: c.category, confidence: c.confidence, origin, path: [], trace: [this.steps.step(node, `${origin} (${c.reason})`)] },
      ],
      params: [],
    };
  }

  /** Data held by an expression's type (`user: User` holds User's PII fields). `origin` as a node: its short text. */
  typeSource(node: ts.Expression, originText: string | ts.Node): Value {
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
    const step = this.steps.step(
      node,
      `${origin}: ${typeName} holds ${[...new Set(fields.map((f) => f.path.join('.')))].slice(0, 4).join(', ')}`,
    );
    return { sources: fields.map((f) => ({ ...f, origin: `${origin}.${f.path.join('.')}`, trace: [step] })), params: [] };
  }

  private isPersonName(name: string | undefined): boolean {
    return name ? this.services.classifier.isPersonContext(name) : false;
  }

  /** Person context of a receiver: its own name (`user`, `this.customer`) or its type's name (`User`). */
  receiverIsPerson(receiver: ts.Expression): boolean {
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

  /** Whether `name` classifies in some context (person context only widens what a name can mean). */
  mayName(name: string): boolean {
    return this.services.classifier.classify(name, { personContext: true }) !== null;
  }

  /** `{ email: x }`: the key names what the value is, even when `x` alone says nothing. */
  keySource(key: string, value: ts.Expression, at: ts.Node): Value {
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
          trace: [this.steps.step(at, `${key}: ${shortText(value)} (${c.reason})`)],
        },
      ],
      params: [],
    };
  }

  /** A file the person uploaded (`req.file` of multer, a form's file field): what they sent is their content. */
  upload(at: ts.Expression): Value {
    const origin = shortText(at);
    return {
      sources: [
        {
          category: 'user.content',
          confidence: 'medium',
          origin,
          path: [],
          trace: [this.steps.step(at, `${origin} (a file the person uploaded)`)],
        },
      ],
      params: [],
    };
  }

  /** `{ parts }: { parts: DBMessage["parts"] }`: a field of a message record is what the person wrote. */
  recordField(decl: ts.Declaration, use: ts.Identifier): Value {
    const at = indexedFieldOf(decl);
    if (!at) return EMPTY;
    const { classifier, checker } = this.services;
    const record = this.typeSources.nameOf(checker.getTypeFromTypeNode(at.record));
    const kind = record ? classifier.contentKind(record) : undefined;
    const c = kind ? classifier.classifyContent(at.field, kind, typeHintOf(checker.getTypeAtLocation(use), checker)) : null;
    if (!c) return EMPTY;
    const origin = `${use.text}: ${shortText(at.record)}["${at.field}"]`;
    return {
      sources: [
        { category: c.category, confidence: c.confidence, origin, path: [], trace: [this.steps.step(use, `${origin} (${c.reason})`)] },
      ],
      params: [],
    };
  }

  untypedContent(pa: ts.PropertyAccessExpression): Value {
    const c = untypedContent(pa, this.services.classifier, this.services.checker);
    if (!c) return EMPTY;
    return {
      sources: [
        {
          category: c.category,
          confidence: c.confidence,
          origin: shortText(pa),
          path: [],
          trace: [this.steps.step(pa, `${shortText(pa)} (${c.reason})`)],
        },
      ],
      params: [],
    };
  }

  /** A variable initialised with a synthetic or de-identified value or a vendor's id, whatever its name. */
  madeUp(decl: ts.Declaration | undefined): boolean {
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return false;
    const init = skipOuter(decl.initializer);
    const readName = ts.isPropertyAccessExpression(init) ? init.name.text : ts.isIdentifier(init) ? init.text : undefined;
    // `const customerId = billing.stripeCustomerId`: the payment provider's id, not a person's.
    return isSynthetic(init) || isDeidentified(init, this.extraSanitizers) || (readName !== undefined && isVendorIdName(readName));
  }

  /** `const { to } = emailContent`: the part named in its owner's words. */
  destructuredNameSource(decl: ts.Declaration | undefined, id: ts.Identifier): Value {
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
}

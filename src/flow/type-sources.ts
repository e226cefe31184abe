import { ts } from '#ts-morph';
import type { Classifier } from '../classifier/classifier.js';
import { typeHintOf } from '../classifier/type-hint-of.js';
import { TYPE_MODELS_DIR } from '../ts/type-models.js';
import type { Source } from './value.js';

const MAX_DEPTH = 2;

/**
 * Personal data held by values of a type: `user: User` carries User's PII fields. Only types
 * declared in the analyzed project count (lib and package types are opaque). Cached per type, since
 * the same model type is logged and sent all over a code base.
 */
export class TypeSources {
  private readonly cache = new Map<ts.Type, Omit<Source, 'trace' | 'origin'>[]>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly program: ts.Program,
    private readonly classifier: Classifier,
  ) {}

  of(type: ts.Type): Omit<Source, 'trace' | 'origin'>[] {
    return this.collect(type, 0, new Set());
  }

  /** The type's own name, when it names a model (`User`, `CustomerDto`). */
  nameOf(type: ts.Type): string | undefined {
    const t = this.unwrap(type);
    if (this.isModelComputed(t)) return schemaNameOf(t);
    const name = (t.aliasSymbol ?? t.getSymbol())?.getName();
    return name === '__type' || name === '__object' ? undefined : name;
  }

  /** `inherited`: the type is held by a content field of a content record (`Message.parts: MessagePart[]`). */
  /**
   * `ownerWords`: the name an anonymous object type is read in (`emailConfig: { cc: string[] }`, the
   * parts of `type SendEmailPayload = A & B`): `cc`, `to` mean an address only next to a mail word.
   */
  private collect(
    type: ts.Type,
    depth: number,
    seen: Set<ts.Type>,
    inherited?: 'content' | 'submission',
    ownerWords?: string,
  ): Omit<Source, 'trace' | 'origin'>[] {
    const t = this.unwrap(type);
    const cached = inherited || ownerWords ? undefined : this.cache.get(t);
    if (cached) return cached;
    if (seen.has(t) || depth > MAX_DEPTH) return [];
    seen.add(t);
    let result: Omit<Source, 'trace' | 'origin'>[] = [];
    if (t.isUnion() || t.isIntersection()) {
      const words = t.aliasSymbol?.getName() ?? ownerWords;
      result = t.types.flatMap((m) => this.collect(m, depth, seen, inherited, words));
    } else if (t.flags & ts.TypeFlags.Object && this.isProjectType(t)) {
      const ownerName = (this.isModelComputed(t) ? schemaNameOf(t) : (t.aliasSymbol ?? t.getSymbol())?.getName()) ?? '';
      const named = ownerName !== '__type' && ownerName !== '__object';
      // `TSegmentFilter`: a definition of whom a segment selects; its `personIdentifier` names an attribute, not a person's id.
      if (named && this.classifier.isSelection(ownerName)) {
        seen.delete(t);
        if (depth === 0) this.cache.set(t, result);
        return result;
      }
      const personContext = named && this.classifier.isPersonContext(ownerName);
      const content = (named ? this.classifier.contentKind(ownerName) : undefined) ?? inherited;
      for (const prop of t.getProperties()) {
        const name = prop.getName();
        const propType = this.checker.getTypeOfSymbol(prop);
        if (this.isSelectionField(prop, propType)) continue;
        const config = this.isConfigField(prop, propType);
        const c =
          this.classifier.classify(name, { personContext }) && !config
            ? this.classifier.classify(name, { personContext, typeHint: typeHintOf(propType, this.checker) })
            : !named && !config && ownerWords && this.classifier.classifyMember(ownerWords, name)
              ? this.classifier.classifyMember(ownerWords, name, { typeHint: typeHintOf(propType, this.checker) })
              : null;
        // `Message.parts`, `Document.content`: what a person wrote, whatever the field's own name says.
        // A field that holds a record type of the project (`ServiceWorkerMessage.data: { url }`) is no free text: its own fields say what it holds.
        const written =
          !c && content && !this.isProjectRecord(propType)
            ? this.classifier.classifyContent(name, content, typeHintOf(propType, this.checker))
            : null;
        const found = c ?? written;
        if (found) result.push({ category: found.category, confidence: found.confidence, path: [name] });
        if (depth < MAX_DEPTH) {
          // The parts of a message are the message's: their text is what the person wrote too.
          const within = content && !c && this.classifier.classifyContent(name, content) ? content : undefined;
          for (const inner of this.collect(propType, depth + 1, seen, within, name)) result.push({ ...inner, path: [name, ...inner.path] });
        }
      }
    } else if (t.flags & ts.TypeFlags.Object && depth === 0) {
      result = this.libraryContent(t);
    }
    seen.delete(t);
    if (depth === 0) this.cache.set(t, result);
    return result;
  }

  /**
   * A package's message type (`UIMessage` of the AI SDK, `ChatCompletionMessageParam`): its content
   * fields hold what the person wrote, as in a project's own message record. Its other fields are the
   * package's and stay opaque.
   */
  private libraryContent(t: ts.Type): Omit<Source, 'trace' | 'origin'>[] {
    const name = (t.aliasSymbol ?? t.getSymbol())?.getName();
    if (!name || name === '__type' || name === '__object' || this.classifier.contentKind(name) !== 'content') return [];
    // The DOM's `Document` is a page, not what someone wrote.
    if ((t.aliasSymbol ?? t.getSymbol())?.getDeclarations()?.some((d) => this.program.isSourceFileDefaultLibrary(d.getSourceFile())))
      return [];
    const out: Omit<Source, 'trace' | 'origin'>[] = [];
    for (const prop of t.getProperties()) {
      const c = this.classifier.classifyContent(prop.getName(), 'content', typeHintOf(this.checker.getTypeOfSymbol(prop), this.checker));
      if (c) out.push({ category: c.category, confidence: c.confidence, path: [prop.getName()] });
    }
    return out;
  }

  /** A field that defines whom something selects (`filters`, `where`, `conditions`, `rules: SegmentFilter[]`): it names keys, not anyone's data. */
  private isSelectionField(prop: ts.Symbol, propType: ts.Type): boolean {
    if (this.classifier.isSelection(prop.getName())) return true;
    const typeName = declaredTypeName(prop) ?? this.nameOf(propType);
    return typeName !== undefined && this.classifier.isSelection(typeName);
  }

  /**
   * A field typed as a configuration (`lastName: ToggleInputConfig`: whether a form asks for a last
   * name) holds no one's data under its own name; its fields still say what they hold. A field named
   * as configuration itself (`settings: UserSettings`) is read as usual.
   */
  private isConfigField(prop: ts.Symbol, propType: ts.Type): boolean {
    const name = prop.getName();
    if (this.classifier.isConfigType(name)) return false;
    const typeName = declaredTypeName(prop) ?? this.nameOf(propType);
    return typeName !== undefined && this.classifier.isConfigType(typeName);
  }

  /** An interface, class or object type of the project itself (or a list of one), with named fields and no open keys. */
  private isProjectRecord(type: ts.Type): boolean {
    const t = this.unwrap(type);
    const parts = t.isUnion() ? t.types.filter((m) => !(m.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined))) : [t];
    const only = parts.length === 1 ? parts[0] : undefined;
    if (!only || !(only.flags & ts.TypeFlags.Object) || only.getProperties().length === 0) return false;
    if (this.checker.getIndexInfosOfType(only).length > 0 || only.getCallSignatures().length > 0) return false;
    const decls = (only.aliasSymbol ?? only.getSymbol())?.getDeclarations() ?? [];
    return decls.length > 0 && decls.every((d) => this.isProjectFile(d.getSourceFile()));
  }

  /** Arrays, promises and readonly wrappers carry their element's data. */
  private unwrap(type: ts.Type): ts.Type {
    let t = type;
    for (let i = 0; i < 3; i++) {
      if (this.checker.isArrayType(t) || (t.getSymbol()?.getName() === 'Promise' && !this.isProjectType(t))) {
        const args = this.checker.getTypeArguments(t as ts.TypeReference);
        if (args.length !== 1) break;
        t = args[0]!;
      } else break;
    }
    return t;
  }

  private isProjectType(t: ts.Type): boolean {
    const decls = (t.aliasSymbol ?? t.getSymbol())?.getDeclarations();
    if (!decls?.length) return false;
    return decls.some((d) => this.isProjectFile(d.getSourceFile())) || this.isModelComputed(t);
  }

  /**
   * A row or schema output that a type model computed from a schema declared in the project
   * (`InferSelectModel<typeof users>`, `z.infer<typeof ZUser>`): the type is the model's, its
   * fields are the project's.
   */
  private isModelComputed(t: ts.Type): boolean {
    const decl = (t.aliasSymbol ?? t.getSymbol())?.getDeclarations()?.[0];
    if (!decl || !decl.getSourceFile().fileName.startsWith(TYPE_MODELS_DIR)) return false;
    const field = t.getProperties()[0]?.getDeclarations()?.[0];
    return field !== undefined && this.isProjectFile(field.getSourceFile());
  }

  private isProjectFile(sf: ts.SourceFile): boolean {
    return !sf.isDeclarationFile && !this.program.isSourceFileDefaultLibrary(sf);
  }
}

/** The variable a schema-computed type's fields were declared in: `users` of `pgTable('users', {...})`, `ZUser`. */
function schemaNameOf(t: ts.Type): string | undefined {
  for (let n: ts.Node | undefined = t.getProperties()[0]?.getDeclarations()?.[0]; n; n = n.parent) {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name))
      return n.name.text.replace(/^Z(?=[A-Z])/, '').replace(/(?:Schema|Table)$/, '') || n.name.text;
  }
  return undefined;
}

/**
 * The type a field is declared with, when its declaration names one: `lastName: ToggleInputConfig`,
 * `items: FieldOptions[]`, or in a schema `firstName: ZToggleInputConfig.optional()` (a schema
 * variable, capitalised by convention; `name: user.name` in a value names none).
 */
function declaredTypeName(prop: ts.Symbol): string | undefined {
  const decl = prop.getDeclarations()?.[0];
  if (!decl) return undefined;
  if ((ts.isPropertySignature(decl) || ts.isPropertyDeclaration(decl)) && decl.type) {
    let node: ts.TypeNode = decl.type;
    while (ts.isArrayTypeNode(node)) node = node.elementType;
    if (!ts.isTypeReferenceNode(node)) return undefined;
    return ts.isIdentifier(node.typeName) ? node.typeName.text : node.typeName.right.text;
  }
  if (ts.isPropertyAssignment(decl)) {
    let e: ts.Expression = decl.initializer;
    while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) e = e.expression.expression;
    return ts.isIdentifier(e) && /^[A-Z]/.test(e.text) ? e.text : undefined;
  }
  return undefined;
}

import { ts } from '#ts-morph';
import type { TypeHint } from '../../src/classifier/classifier.js';
import { typeHintOf, typeHintOfAnnotation } from '../../src/classifier/type-hint-of.js';
import { decoratorsOf, fieldFacts, isModelClass } from './decorators.js';
import type { FieldDecl, ModelDecl } from './report-field.js';
import { propertyName } from './syntax.js';

/**
 * Fields declared by TypeScript types and classes: interfaces, object type aliases, classes (with
 * ORM/DTO decorators or plain), constructor parameter properties and, in JavaScript, `this.x = ...`
 * in the constructor. Inline object types become nested fields (`User.address.street`).
 */

/** Type hint of a declared name: the checker's type, else the written annotation. Lists count as their element. */
export interface Hinter {
  (name: ts.Node, annotation: ts.TypeNode | undefined): TypeHint | undefined;
  /** The declared name holds (a list of) a record type the project declares with named fields and no open keys. */
  holdsProjectRecord(name: ts.Node): boolean;
}

export function createHinter(checker: ts.TypeChecker): Hinter {
  const hinter = (name: ts.Node, annotation: ts.TypeNode | undefined) => {
    const hint = typeHintOf(elementType(checker.getTypeAtLocation(name), checker), checker);
    if (hint !== 'unknown') return hint;
    return typeHintOfAnnotation(elementTypeNode(annotation));
  };
  return Object.assign(hinter, {
    holdsProjectRecord: (name: ts.Node) => isProjectRecord(elementType(checker.getTypeAtLocation(name), checker), checker),
  });
}

/** `TreesInput`: an interface, class or object type of the project itself (not a library's, not an open map). */
function isProjectRecord(type: ts.Type, checker: ts.TypeChecker): boolean {
  const parts = type.isUnion() ? type.types.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined))) : [type];
  if (parts.length !== 1 || !(parts[0].flags & ts.TypeFlags.Object)) return false;
  const only = parts[0];
  if (checker.getIndexInfosOfType(only).length > 0 || only.getProperties().length === 0 || only.getCallSignatures().length > 0)
    return false;
  const declarations = (only.aliasSymbol ?? only.getSymbol())?.getDeclarations() ?? [];
  return (
    declarations.length > 0 &&
    declarations.every(
      (d) =>
        !d.getSourceFile().isDeclarationFile &&
        (ts.isInterfaceDeclaration(d) || ts.isClassLike(d) || ts.isTypeAliasDeclaration(d) || ts.isTypeLiteralNode(d)),
    )
  );
}

/** `string[]`, `Array<string> | null` → `string`: a list of emails holds emails. */
function elementType(type: ts.Type, checker: ts.TypeChecker): ts.Type {
  const parts = type.isUnion() ? type.types.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined))) : [type];
  const only = parts.length === 1 ? parts[0] : type;
  if (!checker.isArrayType(only)) return type;
  return checker.getTypeArguments(only as ts.TypeReference)[0] ?? type;
}

function elementTypeNode(node: ts.TypeNode | undefined): ts.TypeNode | undefined {
  let n = node;
  while (n && ts.isParenthesizedTypeNode(n)) n = n.type;
  if (n && ts.isArrayTypeNode(n)) return elementTypeNode(n.elementType);
  if (n && ts.isTypeReferenceNode(n) && ts.isIdentifier(n.typeName) && /^(Readonly)?Array$/.test(n.typeName.text)) {
    return elementTypeNode(n.typeArguments?.[0]);
  }
  return n;
}

/** The inline object type of a field, seen through `| null`, arrays and parentheses. */
function inlineObject(node: ts.TypeNode | undefined): ts.TypeLiteralNode | undefined {
  let n = elementTypeNode(node);
  if (n && ts.isUnionTypeNode(n)) {
    const literals = n.types.filter(ts.isTypeLiteralNode);
    n = literals.length === 1 ? literals[0] : undefined;
  }
  return n && ts.isTypeLiteralNode(n) ? n : undefined;
}

function memberFields(members: readonly ts.TypeElement[], hinter: Hinter): FieldDecl[] {
  const out: FieldDecl[] = [];
  for (const m of members) {
    // Methods, call and index signatures are behaviour or open maps, not declared data.
    if (!ts.isPropertySignature(m) || !m.type || ts.isFunctionTypeNode(m.type)) continue;
    const name = propertyName(m.name);
    if (name === undefined) continue;
    out.push(typedField(name, m.name, m.type, hinter));
  }
  return out;
}

function typedField(name: string, nameNode: ts.Node, type: ts.TypeNode | undefined, hinter: Hinter): FieldDecl {
  const literal = inlineObject(type);
  const typeName = referencedTypeName(type);
  return {
    name,
    at: nameNode,
    hint: () => hinter(nameNode, type),
    ...(literal ? { children: memberFields(literal.members, hinter) } : {}),
    ...(typeName ? { typeName, holdsRecord: () => hinter.holdsProjectRecord(nameNode) } : {}),
  };
}

/** `ToggleInputConfig`, `Array<FieldOptions> | null` → the named type a field holds. */
function referencedTypeName(node: ts.TypeNode | undefined): string | undefined {
  let n = elementTypeNode(node);
  if (n && ts.isUnionTypeNode(n)) {
    const named = n.types.filter(
      (t) =>
        t.kind !== ts.SyntaxKind.NullKeyword &&
        t.kind !== ts.SyntaxKind.UndefinedKeyword &&
        !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword),
    );
    n = named.length === 1 ? elementTypeNode(named[0]) : undefined;
  }
  if (!n || !ts.isTypeReferenceNode(n)) return undefined;
  return ts.isIdentifier(n.typeName) ? n.typeName.text : n.typeName.right.text;
}

/**
 * What a declared type is to a privacy reviewer. `none`: the props and state of a UI component or
 * store (`ProfileCardProps`, `ChatState`: what the UI holds; the data is declared where it is kept), and a
 * type the module keeps to itself (not exported) and only passes values along with (parameter and
 * return types, type arguments, members of other types): an argument bag, a helper shape, a local
 * copy of a library's type; the data it carries is declared where it is kept. `data`: exported and
 * global declarations (`declare`, `.d.ts`, scripts without imports or exports), local types named for
 * a person (`interface User`), and local types a value is built as (`const payload: T = ...`, `as T`), e.g. to be stored.
 */
function shapeKind(node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration, isPerson: (name: string) => boolean): 'data' | 'none' {
  if (/(Props|State)$/.test(node.name.text)) return 'none';
  const sf = node.getSourceFile();
  if (sf.isDeclarationFile || !ts.isSourceFile(node.parent) || !ts.isExternalModule(sf)) return 'data';
  const flags = ts.getCombinedModifierFlags(node);
  if (flags & (ts.ModifierFlags.Export | ts.ModifierFlags.Ambient)) return 'data';
  // A type named for a person (`interface User`) is that person's record wherever it is declared.
  if (isExportedByName(sf, node.name.text) || isPerson(node.name.text)) return 'data';
  return builtTypes(sf).has(node.name.text) ? 'data' : 'none';
}

const built = new WeakMap<ts.SourceFile, Set<string>>();

/** Local type names a value is built as: `const x: T = ...`, `x as T`, `x satisfies T`, `<T>x`. */
function builtTypes(sf: ts.SourceFile): Set<string> {
  let names = built.get(sf);
  if (names) return names;
  const found = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isTypeReferenceNode(n) && ts.isIdentifier(n.typeName)) {
      const value = builtValue(n);
      // `const chatScript: PreviewMessage[] = [{ text: "…" }]`: a script written in the code (a demo, a mock) is no one's data.
      if (value && !isWrittenConstant(value)) found.add(n.typeName.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  names = found;
  built.set(sf, names);
  return names;
}

/** Generics whose value is (a collection of) their type argument: `const users: Array<User> = ...` builds users. */
const VALUE_WRAPPERS = new Set([
  'Array',
  'ReadonlyArray',
  'Partial',
  'Required',
  'Readonly',
  'Omit',
  'Pick',
  'Record',
  'Set',
  'Map',
  'Promise',
]);

/** The value built as the referenced type (`const x: T = value`, `value as T`), if the reference is in such a place. */
function builtValue(ref: ts.TypeReferenceNode): ts.Expression | undefined {
  let child: ts.Node = ref;
  for (let p = ref.parent; p && !ts.isSourceFile(p); child = p, p = p.parent) {
    // `React.FC<ProfileAvatar>`: the type argument of another generic is what it takes (props), not what the value is.
    if (ts.isTypeReferenceNode(p) && !VALUE_WRAPPERS.has(ts.isIdentifier(p.typeName) ? p.typeName.text : p.typeName.right.text))
      return undefined;
    if (ts.isVariableDeclaration(p)) return p.type === child ? p.initializer : undefined;
    if (ts.isAsExpression(p) || ts.isSatisfiesExpression(p) || ts.isTypeAssertionExpression(p))
      return p.type === child ? p.expression : undefined;
    if (ts.isStatement(p) || ts.isParameter(p) || ts.isFunctionLike(p) || ts.isTypeElement(p) || ts.isClassElement(p)) return undefined;
  }
  return undefined;
}

/** Literals only, in arrays and objects (`[{ id: "m1", text: "Hi" + "!" }]`): nothing read from anywhere. */
function isWrittenConstant(e: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) return isWrittenConstant(e.expression);
  if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e)) return true;
  if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isBinaryExpression(e))
    return e.operatorToken.kind === ts.SyntaxKind.PlusToken && isWrittenConstant(e.left) && isWrittenConstant(e.right);
  if (ts.isArrayLiteralExpression(e)) return e.elements.length > 0 && e.elements.every(isWrittenConstant);
  if (ts.isObjectLiteralExpression(e))
    return e.properties.length > 0 && e.properties.every((p) => ts.isPropertyAssignment(p) && isWrittenConstant(p.initializer));
  return false;
}

/** `type User = {...}; export { User }` / `export default User`. */
function isExportedByName(sf: ts.SourceFile, name: string): boolean {
  for (const st of sf.statements) {
    if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      if (st.exportClause.elements.some((e) => (e.propertyName ?? e.name).text === name)) return true;
    }
    if (ts.isExportAssignment(st) && ts.isIdentifier(st.expression) && st.expression.text === name) return true;
  }
  return false;
}

export function interfaceModel(node: ts.InterfaceDeclaration, hinter: Hinter, isPerson: (name: string) => boolean): ModelDecl | undefined {
  const kind = shapeKind(node, isPerson);
  if (kind === 'none') return undefined;
  return { owner: node.name.text, transient: true, fields: memberFields(node.members, hinter) };
}

/** `type User = { ... }`, also through intersections and unions (`Base & { email: string }`). */
export function typeAliasModel(node: ts.TypeAliasDeclaration, hinter: Hinter, isPerson: (name: string) => boolean): ModelDecl | undefined {
  const literals: ts.TypeLiteralNode[] = [];
  const collect = (t: ts.TypeNode): void => {
    if (ts.isParenthesizedTypeNode(t)) collect(t.type);
    else if (ts.isTypeLiteralNode(t)) literals.push(t);
    else if (ts.isIntersectionTypeNode(t) || ts.isUnionTypeNode(t)) t.types.forEach(collect);
  };
  collect(node.type);
  const kind = literals.length ? shapeKind(node, isPerson) : 'none';
  if (kind === 'none') return undefined;
  return { owner: node.name.text, transient: true, fields: literals.flatMap((l) => memberFields(l.members, hinter)) };
}

/**
 * Classes named for what they do (services, controllers, repositories...) hold dependencies and
 * settings, not records: `UserService.emailSender` is not an email address. Skipped unless decorated
 * as a model.
 */
const BEHAVIOUR_CLASS =
  /(Service|Controller|Resolver|Repository|Repo|Module|Handler|Manager|Provider|Factory|Client|Gateway|Guard|Middleware|Interceptor|Helper|Utils?|Validator|Builder|Strategy|Adapter|Listener|Subscriber|Processor|Worker|Component|Sender|Mailer|Logger|Error|Exception)$/;
/** `SurveyState`, `ChatStore`: what a view or a widget holds while it runs, as `…State` types are (shapeKind). */
const VIEW_STATE_CLASS = /(State|Store)$/;
/** Class names that say "data shape" even without decorators. */
const MODEL_NAME = /(Dto|DTO|Entity|Model|Input|Payload|Record|Row)$/;

export function classModel(
  node: ts.ClassLikeDeclaration,
  hinter: Hinter,
  isJs: boolean,
  isPerson: (name: string) => boolean,
): ModelDecl | undefined {
  const owner = className(node);
  if (!owner) return undefined;
  const model = isModelClass(node);
  if (!model && (BEHAVIOUR_CLASS.test(owner) || VIEW_STATE_CLASS.test(owner))) return undefined;
  const plain = !model && !MODEL_NAME.test(owner);
  // A plain class that is not a person keeps its private members to itself: a queue's owner, a renderer's
  // document, a chat view's messages are working state; the data is declared where it is kept.
  const working = plain && !isPerson(owner);
  const fields: FieldDecl[] = [];
  const seen = new Set<string>();
  const add = (f: FieldDecl) => {
    if (seen.has(f.name)) return;
    seen.add(f.name);
    fields.push(f);
  };
  for (const m of node.members) {
    if (ts.isPropertyDeclaration(m)) {
      if (isStatic(m) || (m.initializer && isFunction(m.initializer)) || (m.type && ts.isFunctionTypeNode(m.type))) continue;
      if (working && isPrivate(m)) continue;
      const name = propertyName(m.name);
      if (name !== undefined) add(classField(name, m, m.type, hinter));
    } else if (ts.isConstructorDeclaration(m)) {
      for (const p of m.parameters) {
        // `constructor(public email: string)` declares a field; plain parameters do not.
        if (!ts.isParameterPropertyDeclaration(p, m) || !ts.isIdentifier(p.name) || (working && isPrivate(p))) continue;
        add(classField(p.name.text, p, p.type, hinter));
      }
      if (isJs && m.body) for (const f of thisAssignments(m.body, hinter)) add(f);
    }
  }
  return { owner, plain, fields };
}

function classField(
  name: string,
  decl: ts.PropertyDeclaration | ts.ParameterDeclaration,
  type: ts.TypeNode | undefined,
  hinter: Hinter,
): FieldDecl {
  const base = typedField(name, decl.name, type, hinter);
  if (decoratorsOf(decl).length === 0) return base;
  const facts = fieldFacts(decl);
  return {
    ...base,
    // Decorators speak where TypeScript cannot: JavaScript, `any`, unresolved package types.
    hint: () => base.hint?.() ?? facts.hint,
    ...(facts.signal ? { signal: facts.signal } : {}),
    ...(facts.column ? { column: facts.column } : {}),
  };
}

/** JavaScript classes declare fields by assigning them in the constructor: `this.email = email`. */
function thisAssignments(body: ts.Block, hinter: Hinter): FieldDecl[] {
  const out: FieldDecl[] = [];
  for (const st of body.statements) {
    if (!ts.isExpressionStatement(st)) continue;
    const e = st.expression;
    if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const left = e.left;
    if (!ts.isPropertyAccessExpression(left) || left.expression.kind !== ts.SyntaxKind.ThisKeyword) continue;
    if (isFunction(e.right)) continue;
    out.push({ name: left.name.text, at: left.name, hint: () => hinter(left.name, undefined) });
  }
  return out;
}

function className(node: ts.ClassLikeDeclaration): string | undefined {
  if (node.name) return node.name.text;
  const p = node.parent;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isExportAssignment(p) || node.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return 'default';
  return undefined;
}

/** `private x`, `#x`: not part of what the class shows to others. */
function isPrivate(m: ts.PropertyDeclaration | ts.ParameterDeclaration): boolean {
  if (ts.isPrivateIdentifier(m.name)) return true;
  return (ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Private) !== 0;
}

function isStatic(m: ts.ClassElement): boolean {
  return ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Static ? true : false;
}

function isFunction(e: ts.Expression): boolean {
  return ts.isArrowFunction(e) || ts.isFunctionExpression(e);
}

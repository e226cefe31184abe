import { ts } from '#ts-morph';
import { GLOBAL_MODULE, GLOBAL_NAMES } from './globals.js';

/**
 * An origin plus, for each step, the node that produced it (`()` → the call, `new` → the new
 * expression): sink ids and options are read from there (`new Queue('emails')`, `axios.create({ baseURL })`,
 * `pino({ redact })`).
 */
export interface Resolved {
  module: string;
  path: readonly string[];
  sites: readonly (ts.CallExpression | ts.NewExpression | undefined)[];
}

/** A project module used as a value (`import * as m from './x'`, `require('./x')`): members are its exports. */
export const FILE_PREFIX = '\0file:';
/** Deeper chains than this give no origin (and no stack overflow). */
export const MAX_DEPTH = 100;

/**
 * What the parts of the origin resolver ask each other (OriginResolver answers, routing each
 * question to the part that owns it): expressions, declarations, project shapes, modules, types.
 */
export interface OriginContext {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  /** Memoized, cycle-safe evaluation shared by every part (one depth bound for all). */
  guard<T>(memo: Memo<T>, node: ts.Node, compute: () => T | undefined): T | undefined;
  resolve(expr: ts.Expression): Resolved | undefined;
  identifier(id: ts.Identifier): Resolved | undefined;
  symbol(sym: ts.Symbol, name: string): Resolved | undefined;
  member(base: Resolved, name: string): Resolved | undefined;
  decl(d: ts.Node): Resolved | undefined;
  agree(candidates: readonly ts.Expression[]): Resolved | undefined;
  returnsOf(fn: FunctionWithBody): Resolved | undefined;
  returns(fn: FunctionWithBody): Resolved | undefined;
  shapeOf(expr: ts.Expression): Shape | undefined;
  declShape(d: ts.Node): Shape | undefined;
  typeShape(type: ts.TypeNode): Shape | undefined;
  memberShape(shape: Shape, name: string): Shape | undefined;
  memberOrigin(shape: Shape, name: string): Resolved | undefined;
  functionsOf(callee: ts.Expression): FunctionWithBody[];
  thisAssignments(cls: ts.ClassLikeDeclaration): Map<string, ts.Expression[]>;
  moduleValue(sf: ts.SourceFile): Resolved | undefined;
  packageImport(decl: ts.Declaration): Resolved | undefined;
  typeOrigin(type: ts.TypeNode): Resolved | undefined;
  typeName(name: ts.EntityName | ts.Expression): Resolved | undefined;
  entityName(name: ts.EntityName | ts.Expression): Resolved | undefined;
  isProjectCode(d: ts.Node): boolean;
}

/** A project structure whose members can be looked up by name. */
export type Shape =
  | { kind: 'object'; node: ts.ObjectLiteralExpression }
  | { kind: 'class'; cls: ts.ClassLikeDeclaration }
  | { kind: 'instance'; cls: ts.ClassLikeDeclaration }
  | { kind: 'members'; node: ts.InterfaceDeclaration | ts.TypeLiteralNode };

export type FunctionWithBody = ts.FunctionLikeDeclaration;

/** What `this` is at a node: the class instance (the class in static members), or an object literal. */
export function thisShape(node: ts.Node): Extract<Shape, { kind: 'object' | 'class' | 'instance' }> | undefined {
  let isStatic = false;
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) return undefined;
    if (
      (ts.isMethodDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n)) &&
      ts.isObjectLiteralExpression(n.parent)
    ) {
      return { kind: 'object', node: n.parent };
    }
    if (
      (ts.isClassElement(n) || ts.isClassStaticBlockDeclaration(n)) &&
      ts.canHaveModifiers(n) &&
      (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.StaticKeyword)
    ) {
      isStatic = true;
    }
    if (ts.isClassStaticBlockDeclaration(n)) isStatic = true;
    if (ts.isClassLike(n)) return { kind: isStatic ? 'class' : 'instance', cls: n };
  }
  return undefined;
}

/** Answers per node, and the nodes being answered now (a node asked again below itself is a cycle). */
export class Memo<T> {
  readonly done = new Map<ts.Node, T | null>();
  readonly active = new Set<ts.Node>();
}

export function globalOrigin(name: string): Resolved {
  return { module: GLOBAL_MODULE, path: [name], sites: [undefined] };
}

/** `globalThis.prisma`, `window.__store`: a name the project hangs on a global object, not a runtime API. */
export function isGlobalExpando(r: Resolved): boolean {
  return r.module === GLOBAL_MODULE && r.path.length >= 1 && !GLOBAL_NAMES.has(r.path[0]);
}

export function step(base: Resolved, name: string, site: ts.CallExpression | ts.NewExpression | undefined): Resolved {
  return { module: base.module, path: [...base.path, name], sites: [...base.sites, site] };
}

export function sameOrigin(a: Resolved, b: Resolved): boolean {
  return a.module === b.module && a.path.length === b.path.length && a.path.every((s, i) => s === b.path[i]);
}

/** A JavaScript assignment that the binder records as a declaration (`console.debug = …`, `exports.x = …`). */
export function isExpandoAssignment(d: ts.Node): boolean {
  return ts.isBinaryExpression(d) || ts.isPropertyAccessExpression(d) || ts.isElementAccessExpression(d) || ts.isIdentifier(d);
}

/** Inside a `declare` statement (`declare const gtag: ...`, `declare global { ... }`). */
export function hasDeclareAncestor(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n && !ts.isSourceFile(n); n = n.parent) {
    if (ts.canHaveModifiers(n) && ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) return true;
  }
  return false;
}

/** Where assignments to a variable can be: its block for `let`, its function (or file) for `var`. */
export function declarationScope(name: ts.Identifier): ts.Node {
  const decl = name.parent;
  const blockScoped = ts.isVariableDeclaration(decl) && (ts.getCombinedNodeFlags(decl) & ts.NodeFlags.BlockScoped) !== 0;
  const scope = ts.findAncestor(
    decl.parent,
    (n) => ts.isFunctionLike(n) || ts.isSourceFile(n) || (blockScoped && (ts.isBlock(n) || ts.isModuleBlock(n) || ts.isCaseBlock(n))),
  );
  return scope ?? name.getSourceFile();
}

export function isModuleExports(e: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(e) && e.name.text === 'exports' && ts.isIdentifier(e.expression) && e.expression.text === 'module';
}

export function isStoringOperator(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.EqualsToken || kind === ts.SyntaxKind.QuestionQuestionEqualsToken || kind === ts.SyntaxKind.BarBarEqualsToken
  );
}

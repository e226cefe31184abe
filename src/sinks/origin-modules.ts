import { ts } from '#ts-morph';
import { isBareSpecifier, normalizeModule, propertyNameText } from '../ts/syntax.js';
import { resolutionOf } from '../ts/module-resolution.js';
import { FILE_PREFIX, isModuleExports, type OriginContext, type Resolved } from './origin-model.js';

/** Modules: npm imports become origins; project modules are values whose members are their exports. */
export class ModuleOrigins {
  constructor(private readonly o: OriginContext) {}

  packageImport(decl: ts.Declaration): Resolved | undefined {
    let specifier: ts.Expression | undefined;
    let path: string[] = [];
    if (ts.isImportClause(decl)) {
      specifier = decl.parent.moduleSpecifier;
      path = ['default'];
    } else if (ts.isNamespaceImport(decl)) {
      specifier = decl.parent.parent.moduleSpecifier;
    } else if (ts.isImportSpecifier(decl)) {
      specifier = decl.parent.parent.parent.moduleSpecifier;
      path = [(decl.propertyName ?? decl.name).text];
    } else if (ts.isImportEqualsDeclaration(decl)) {
      const ref = decl.moduleReference;
      if (ts.isExternalModuleReference(ref)) specifier = ref.expression;
      else return this.o.entityName(ref);
    } else {
      return undefined;
    }
    if (!specifier || !ts.isStringLiteral(specifier)) return undefined;
    // A relative import of a generated client that is not in the repository (`../generated/prisma/client`).
    const module = isBareSpecifier(specifier.text)
      ? normalizeModule(specifier.text)
      : resolutionOf(this.o.program.getCompilerOptions())?.generatedPackage(specifier.text, decl.getSourceFile().fileName);
    return module ? { module, path, sites: path.map(() => undefined) } : undefined;
  }

  /** `require('x')` / `import('x')`: a package namespace, or the value of a project module. */
  moduleSpecifier(specifier: string, site: ts.CallExpression): Resolved | undefined {
    if (isBareSpecifier(specifier)) {
      const sf = this.resolveProjectModule(specifier, site.getSourceFile());
      if (!sf) return { module: normalizeModule(specifier), path: [], sites: [] };
      return this.moduleValue(sf);
    }
    const sf = this.resolveProjectModule(specifier, site.getSourceFile());
    return sf ? this.moduleValue(sf) : undefined;
  }

  private resolveProjectModule(specifier: string, from: ts.SourceFile): ts.SourceFile | undefined {
    const host: ts.ModuleResolutionHost = {
      fileExists: (f) => this.o.program.getSourceFile(f) !== undefined,
      readFile: () => undefined,
    };
    const res = ts.resolveModuleName(specifier, from.fileName, this.o.program.getCompilerOptions(), host);
    const file = res.resolvedModule?.resolvedFileName;
    const sf = file ? this.o.program.getSourceFile(file) : undefined;
    return sf && this.o.isProjectCode(sf) ? sf : undefined;
  }

  /** The value of a project module: its `module.exports = x` / `export = x`, else its exports by name. */
  moduleValue(sf: ts.SourceFile): Resolved | undefined {
    for (const st of sf.statements) {
      if (ts.isExportAssignment(st) && st.isExportEquals) return this.o.resolve(st.expression);
      if (
        ts.isExpressionStatement(st) &&
        ts.isBinaryExpression(st.expression) &&
        st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken
      ) {
        if (isModuleExports(st.expression.left)) return this.o.resolve(st.expression.right);
      }
    }
    return { module: FILE_PREFIX + sf.fileName, path: [], sites: [] };
  }

  fileExport(sf: ts.SourceFile, name: string): Resolved | undefined {
    const moduleSym = this.o.checker.getSymbolAtLocation(sf);
    const exp = moduleSym && this.o.checker.getExportsOfModule(moduleSym).find((s) => s.name === name);
    if (exp) {
      const r = this.o.symbol(exp, name);
      if (r) return r;
    }
    // CommonJS: exports.x = v, module.exports.x = v, module.exports = { x }
    for (const st of sf.statements) {
      if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression)) continue;
      const { left, right } = st.expression;
      if (
        ts.isPropertyAccessExpression(left) &&
        left.name.text === name &&
        (isModuleExports(left.expression) || (ts.isIdentifier(left.expression) && left.expression.text === 'exports'))
      ) {
        return this.o.resolve(right);
      }
      if (isModuleExports(left) && ts.isObjectLiteralExpression(right)) {
        for (const p of right.properties) {
          if (ts.isPropertyAssignment(p) && propertyNameText(p.name) === name) return this.o.resolve(p.initializer);
          if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return this.o.resolve(p.name);
        }
      }
    }
    return undefined;
  }
}

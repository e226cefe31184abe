import { createWrappedNode, ts } from '#ts-morph';
import type { Node, SourceFile } from 'ts-morph';
import type { NodeHandlers } from '../core/analyzer.js';
import type { Analyzer, SourceFileContext } from '../engine/analyzer.js';
import type { CustomAnalyzer, CustomContext, CustomFinding } from './api.js';

/** ts-morph's own (untyped) way from a compiler node to its wrapper, within one wrapped file. */
type Wrapping = SourceFile & { _getNodeFromCompilerNode(node: ts.Node): Node };

/**
 * A custom analyzer as the engine runs it: its handlers are registered by syntax kind in the one
 * walk of each file, and a node is wrapped for ts-morph only when a handler asks for its kind
 * (one ts-morph context per file, created on the first such node).
 */
export function adaptCustomAnalyzer(custom: CustomAnalyzer, cacheIdentity: string | null = null): Analyzer {
  const { name, rule, description } = custom.meta;
  const kinds = new Map<string, number>();
  return {
    meta: { id: rule, name, shortDescription: description, help: description },
    // Known only when loaded from a module file (load.ts); an analyzer of unknown code turns the cache off.
    cacheIdentity,
    create(ctx: SourceFileContext): NodeHandlers {
      let wrapped: Wrapping | undefined;
      const file = (): Wrapping => (wrapped ??= createWrappedNode(ctx.sourceFile, { typeChecker: ctx.checker }) as Wrapping);
      const wrap = (node: ts.Node): Node => file()._getNodeFromCompilerNode(node);
      const context: CustomContext = {
        file: ctx.file,
        get sourceFile() {
          return file();
        },
        personalData: (node) => {
          if (!node || !ts.isExpression(node.compilerNode)) return [];
          return ctx.flow.taintOf(node.compilerNode).sources.map((s) => ({ category: s.category, origin: s.origin }));
        },
        categoryOfName: (text) => ctx.classifier.classify(text)?.category,
        report: (finding: CustomFinding) => {
          const input = findingInput(finding, name);
          const unknown = input.categories.filter((c) => !ctx.taxonomy.has(c));
          if (unknown.length)
            throw new Error(
              `custom analyzer ${name}: unknown data category ${unknown.map((c) => `"${c}"`).join(', ')} (use a taxonomy key such as user.contact.email, or declare it under classifier.categories)`,
            );
          ctx.report(input);
        },
      };
      const handlers: NodeHandlers = {};
      for (const [kindName, handler] of Object.entries(custom.create(context))) {
        if (typeof handler !== 'function') continue;
        const kind = kindOf(kinds, kindName, name);
        handlers[kind] = (node) => handler(wrap(node));
      }
      return handlers;
    },
  };
}

function kindOf(cache: Map<string, number>, kindName: string, analyzer: string): number {
  let kind = cache.get(kindName);
  if (kind === undefined) {
    kind = (ts.SyntaxKind as unknown as Record<string, number>)[kindName];
    if (typeof kind !== 'number')
      throw new Error(
        `custom analyzer ${analyzer}: "${kindName}" is not a syntax kind (use ts-morph's SyntaxKind names, e.g. CallExpression)`,
      );
    cache.set(kindName, kind);
  }
  return kind;
}

function findingInput(f: CustomFinding, analyzer: string) {
  if (!f || typeof f.message !== 'string' || !Array.isArray(f.categories) || !f.node?.compilerNode) {
    throw new Error(`custom analyzer ${analyzer}: report() needs { node, categories, message }`);
  }
  return {
    at: f.node.compilerNode,
    categories: f.categories,
    message: `${f.message} (reported by ${analyzer})`,
    remediation:
      f.remediation ??
      'Declare it in the data-flow manifest, or suppress it with `// privacy-review-ignore <rule> -- <reason>` if it holds no personal data.',
    confidence: f.confidence ?? 'medium',
    ...(f.sink ? { sink: f.sink } : {}),
  };
}

import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { Project, ts } from 'ts-morph';
import { compilerOptionsFor } from '../../src/engine/compiler-options.js';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { createSinkResolver } from '../../src/sinks/resolver.js';

test('bench', () => {
  const files = execSync(`find node_modules/jest-runtime node_modules/jest-config node_modules/@jest node_modules/handlebars/lib node_modules/yaml/dist node_modules/commander node_modules/ajv/dist node_modules/tinyglobby node_modules/picomatch node_modules/ts-jest/dist -name "*.js"`, { encoding: 'utf8' }).trim().split('\n');
  const { options } = compilerOptionsFor('/nonexistent');
  const project = new Project({ compilerOptions: options, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  for (const f of files) project.createSourceFile('/work/main/' + f, readFileSync(f, 'utf8'), { overwrite: true });
  const program = project.getProgram().compilerObject;
  const raw = program.getTypeChecker();
  const stats = new Map<string, [number, number]>();
  let depth = 0;
  const checker = new Proxy(raw, { get(t, p, r) { const v = Reflect.get(t, p, r); if (typeof v !== 'function') return v; return (...a: unknown[]) => { const s0 = performance.now(); depth++; try { return (v as any).apply(t, a); } finally { depth--; if (depth === 0) { const key = String(p) + (p === 'getSymbolAtLocation' ? ':' + ts.SyntaxKind[(a[0] as ts.Node).parent.kind] : ''); const e = stats.get(key) ?? [0, 0]; e[0]++; e[1] += performance.now() - s0; stats.set(key, e); } } }; } });
  const t0 = performance.now();
  const resolver = createSinkResolver({ program, checker, config: DEFAULT_CONFIG });
  let nodes = 0, calls = 0;
  const found = new Map<string, string[]>();
  for (const sf of program.getSourceFiles()) {
    if (sf.fileName.includes('/node_modules/typescript/lib/lib.')) continue;
    const visit = (n: ts.Node): void => {
      nodes++;
      if (ts.isCallExpression(n) || ts.isNewExpression(n) || ts.isBinaryExpression(n) || ts.isTaggedTemplateExpression(n)) {
        calls++;
        for (const m of resolver.match(n)) {
          const k = m.sink.id + ' | ' + m.description;
          const l = found.get(k) ?? [];
          if (l.length < 2) l.push(sf.fileName.replace('/work/main/node_modules/', '') + ': ' + n.getText(sf).slice(0, 90).replace(/\s+/g, ' '));
          found.set(k, l);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  const ms = performance.now() - t0;
  console.log([...stats.entries()].map(([k, [n, t]]) => `${k}: ${n} calls ${Math.round(t)} ms`).join('\n'));
  console.log(`files ${files.length} nodes ${nodes} candidates ${calls} in ${Math.round(ms)} ms`);
  console.log([...found.entries()].map(([k, v]) => `${k}\n    ${v.join('\n    ')}`).join('\n'));
});

import { renderReview } from '../../src/render/index.js';
import { mermaidText } from '../../src/render/diagram.js';
import { finding, logFinding, review, richReview, undeclared } from './factory.js';
import { expectWellFormed } from './structure.js';

const mermaidOf = (md: string) => expectWellFormed(md).blocks.filter((b) => b.info === 'mermaid');

// GitHub renders ```mermaid blocks; a diagram that does not parse shows an error box instead of the PR's data flows.
test('category -> destination, grouped (data left, destinations right), with generated ids and new undeclared edges highlighted', () => {
  const [diagram, ...more] = mermaidOf(renderReview(richReview(), { format: 'markdown' }));
  expect(more).toHaveLength(0);
  const lines = diagram!.body.split('\n');
  expect(lines[0]).toBe('flowchart LR');
  // Node ids are ours, never text from code.
  const nodes = lines.filter((l) => /^ {4}\w+[[(>{]/.test(l));
  for (const n of nodes) expect(n).toMatch(/^ {4}(cat|code|sink)\d+[[(>{/]/);
  expect(lines).toContain('    cat1(["email address"])');
  expect(lines).toContain('    sink1>"Segment #40;segment#41;"]');
  // No file in between: the reviewer reads which data reaches which destination.
  expect(lines.some((l) => l.includes('src/services'))).toBe(false);
  const data = lines.indexOf('  subgraph data["Data"]');
  const destinations = lines.indexOf('  subgraph destinations["Destinations"]');
  expect(data).toBeGreaterThan(0);
  expect(lines.slice(data, destinations).every((l) => !l.includes('sink'))).toBe(true);
  expect(lines.slice(destinations).some((l) => l.startsWith('    sink1'))).toBe(true);
  expect(lines).toContain('  cat1 ==> sink1');
  // New undeclared: thick arrows, red link style and node class; removed: dotted.
  const edges = lines.filter((l) => /^ {2}\w+ (==>|-->|-\.->) \w+$/.test(l));
  const thick = edges.map((e, i) => (e.includes('==>') ? i : -1)).filter((i) => i >= 0);
  expect(thick.length).toBeGreaterThan(0);
  expect(lines).toContain(`  linkStyle ${thick.join(',')} stroke:#cf222e,stroke-width:3px`);
  expect(lines.some((l) => l.startsWith('  classDef undeclared '))).toBe(true);
  expect(lines.some((l) => /^ {2}class .*\bsink1\b.* undeclared$/.test(l))).toBe(true);
  expect(edges.some((e) => e.includes('-.->'))).toBe(true);
});

test('a hostile label cannot end its node, the diagram or the code block', () => {
  const evil = 'x"] --> pwned\n```\n<img src=x onerror=alert(1)> end; click sink0 call alert()';
  const r = review({
    findings: [
      undeclared(
        finding({ file: 'src/```evil.ts', categories: ['user.contact.email'], sink: { kind: 'third_party', id: 'evil', label: evil } }),
      ),
    ],
  });
  const md = renderReview(r, { format: 'markdown' });
  const [diagram] = mermaidOf(md);
  // Every quote is a label delimiter: exactly two per node line, and labels hold only inert characters.
  for (const line of diagram!.body.split('\n').filter((l) => l.includes('"'))) {
    expect(line.match(/"/g)).toHaveLength(2);
    expect(/"(.*)"/.exec(line)![1]).toMatch(/^[A-Za-z0-9 .,:_/#;-]*$/);
  }
  expect(diagram!.body).not.toMatch(/[`<]/);
  expect(diagram!.body).not.toContain('pwned\n');
  expect(diagram!.body).toContain('click sink0 call alert#40;#41;');
});

test('capped at 30 edges, with "and N more" below', () => {
  const findings = Array.from({ length: 40 }, (_, i) =>
    undeclared(
      finding({
        id: `${i}`.padStart(32, '0'),
        file: `src/f${i}.ts`,
        categories: ['user.contact.email'],
        sink: { kind: 'third_party', id: `vendor-${i}` },
      }),
    ),
  );
  const md = renderReview(review({ findings }), { format: 'markdown' });
  const [diagram] = mermaidOf(md);
  const edges = diagram!.body.split('\n').filter((l) => /^ {2}\w+ (==>|-->|-\.->) \w+$/.test(l));
  expect(edges).toHaveLength(30);
  // 40 findings x (category -> sink) = 40 edges.
  expect(md).toContain('… and 10 more edges not drawn.');
});

test('no diagram when the pull request changes no data flow', () => {
  const md = renderReview(
    review({ findings: [{ finding: logFinding(), declared: true, declaration: { kind: 'logging', id: 'logging' }, status: 'unchanged' }] }),
    { format: 'markdown' },
  );
  expect(md).not.toContain('```mermaid');
});

test('mermaidText keeps words and paths, encodes everything else as entity codes', () => {
  expect(mermaidText('src/a-b_c.ts: email, name')).toBe('src/a-b_c.ts: email, name');
  expect(mermaidText('"a"[b]`c`<d>#e;')).toBe('#34;a#34;#91;b#93;#96;c#96;#60;d#62;#35;e#59;');
  expect(mermaidText('x'.repeat(100))).toHaveLength(60 + '#8230;'.length - 1);
});

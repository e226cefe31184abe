import type { ScanResult } from '../../src/core/contract.js';
import { renderJson } from '../../src/report/json.js';
import { finding, richResult, scanResult } from './fixture.js';

// The JSON report is the contract other tools parse: the same data, byte-identical however it was built.
test('is the scan result as is, with 2-space indentation and a final newline', () => {
  const result = richResult();
  const text = renderJson(result);
  expect(JSON.parse(text)).toEqual(result);
  expect(text).toMatch(/^\{\n {2}"version": 1,\n {2}"tool": \{\n {4}"name": "privacy-review",/);
  expect(text.endsWith('}\n')).toBe(true);
});

test('key order follows the contract, not the order objects were built in', () => {
  const f = finding();
  const shuffled = Object.fromEntries(Object.entries(f).reverse()) as unknown as typeof f;
  const a = scanResult([f]);
  const b = Object.fromEntries(Object.entries(scanResult([shuffled])).reverse()) as unknown as ScanResult;
  expect(renderJson(b)).toBe(renderJson(a));
  expect(Object.keys(JSON.parse(renderJson(b)).findings[0])).toEqual([
    'id',
    'rule',
    'severity',
    'file',
    'line',
    'column',
    'endLine',
    'endColumn',
    'message',
    'categories',
    'symbol',
    'sink',
    'trace',
    'suppressed',
    'confidence',
    'remediation',
  ]);
});

test('fields added to the contract later are kept, after the known ones', () => {
  const f = { ...finding(), zeta: 1, alpha: 2 };
  const keys = Object.keys(JSON.parse(renderJson(scanResult([f]))).findings[0]);
  expect(keys.slice(-3)).toEqual(['remediation', 'alpha', 'zeta']);
});

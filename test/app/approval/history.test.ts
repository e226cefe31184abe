import { fingerprintAt, fingerprintOfCommit, resolvePrefix } from '../../../src/app/approval/history.js';

/** Which review a person saw at a moment, given GitHub's whole-second times. */
const records = [
  { sha: 's1', fingerprint: '1'.repeat(64), completedAt: '2024-05-01T10:00:00Z' },
  { sha: 's2', fingerprint: '2'.repeat(64), completedAt: '2024-05-01T11:00:00Z' },
  { sha: 's2', fingerprint: '3'.repeat(64), completedAt: '2024-05-01T11:05:00Z' },
];

test.each([
  ['2024-05-01T09:59:59Z', undefined],
  ['2024-05-01T10:00:00Z', '1'], // same second, nothing earlier: that one
  ['2024-05-01T10:30:00Z', '1'],
  ['2024-05-01T11:00:00Z', '1'], // same second as a newer one: the older is what can have been read
  ['2024-05-01T11:10:00Z', '3'],
])('fingerprint at %s', (at, digit) => {
  expect(fingerprintAt(at, records)).toBe(digit ? digit.repeat(64) : undefined);
});

test('the App’s milliseconds against GitHub’s seconds: the same second counts', () => {
  expect(fingerprintAt('2024-05-01T10:00:00Z', [{ sha: 's', fingerprint: '4'.repeat(64), completedAt: '2024-05-01T10:00:00.700Z' }])).toBe('4'.repeat(64));
});

test('a commit reviewed twice: the latest review', () => {
  expect(fingerprintOfCommit('s2', records)).toBe('3'.repeat(64));
  expect(fingerprintOfCommit('nope', records)).toBeUndefined();
});

test('a prefix names one fingerprint or none', () => {
  expect(resolvePrefix('2222222', records)).toBe('2'.repeat(64));
  expect(resolvePrefix('9999999', records)).toBeUndefined();
  expect(resolvePrefix('', [...records, { sha: 'x', fingerprint: '1'.repeat(64), completedAt: '2024-05-01T12:00:00Z' }])).toBeUndefined();
});

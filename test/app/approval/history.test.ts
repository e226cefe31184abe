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
  expect(fingerprintAt('2024-05-01T10:00:00Z', [{ sha: 's', fingerprint: '4'.repeat(64), completedAt: '2024-05-01T10:00:00.700Z' }])).toBe(
    '4'.repeat(64),
  );
});

test.each([
  ['2024-05-01T11:02:00Z', '2'], // reviewed before the commit's second review (a retargeted base): the first
  ['2024-05-01T11:06:00Z', '3'],
  ['2024-05-01T10:30:00Z', undefined], // before the commit had any review
])('a review of commit s2 submitted at %s covers what was on show for it then', (at, digit) => {
  expect(fingerprintOfCommit('s2', at, records)).toBe(digit ? digit.repeat(64) : undefined);
});

test('a review of a commit the App never reviewed covers nothing', () => {
  expect(fingerprintOfCommit('nope', '2024-05-01T12:00:00Z', records)).toBeUndefined();
});

test('a prefix names one fingerprint or none', () => {
  expect(resolvePrefix('2222222', records)).toBe('2'.repeat(64));
  expect(resolvePrefix('9999999', records)).toBeUndefined();
  expect(resolvePrefix('', [...records, { sha: 'x', fingerprint: '1'.repeat(64), completedAt: '2024-05-01T12:00:00Z' }])).toBeUndefined();
});

import { CheckRunWindow } from '../../../src/app/events/check-run-window.js';

/** A replayed delivery (fresh id, same payload) starts no second check run within the window. */
const slot = { pr: 'acme/shop#7', headSha: 'a'.repeat(40), baseSha: 'b'.repeat(40), event: 'pull_request.synchronize' };

function windowAt(start = 1_000_000) {
  let now = start;
  const window = new CheckRunWindow({ windowMs: 60_000, now: () => now });
  return { window, advance: (ms: number) => (now += ms) };
}

test('the first start takes the slot; replays within the window do not', () => {
  const { window, advance } = windowAt();
  expect(window.take(slot)).toBe(true);
  expect(window.take(slot)).toBe(false);
  advance(59_999);
  expect(window.take(slot)).toBe(false);
});

test('once the window has passed, one more start', () => {
  const { window, advance } = windowAt();
  expect(window.take(slot)).toBe(true);
  advance(60_000);
  expect(window.take(slot)).toBe(true);
  expect(window.take(slot)).toBe(false);
});

test.each([
  ['another pull request', { pr: 'acme/shop#8' }],
  ['another head', { headSha: 'c'.repeat(40) }],
  ['another base (a retarget)', { baseSha: 'd'.repeat(40) }],
  ['another event kind', { event: 'pull_request.reopened' }],
])('%s is another slot', (_, change) => {
  const { window } = windowAt();
  expect(window.take(slot)).toBe(true);
  expect(window.take({ ...slot, ...change })).toBe(true);
});

test('a slot without a base differs from one with a base', () => {
  const { window } = windowAt();
  const { baseSha: _, ...noBase } = slot;
  expect(window.take(noBase)).toBe(true);
  expect(window.take(slot)).toBe(true);
  expect(window.take(noBase)).toBe(false);
});

test('expired slots are dropped, so memory holds one window of slots', () => {
  const { window, advance } = windowAt();
  for (let i = 0; i < 1000; i++) window.take({ ...slot, pr: `acme/shop#${i}` });
  expect(window.size).toBe(1000);
  advance(60_000);
  window.take(slot);
  expect(window.size).toBe(1);
});

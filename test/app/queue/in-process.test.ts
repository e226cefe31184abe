import { InProcessQueue } from '../../../src/app/queue/in-process.js';
import { JobAborted } from '../../../src/app/queue/types.js';

/**
 * Queue semantics: a concurrency limit, one job per key, newer events folded into the waiting
 * job, a newer head aborting the running one, redeliveries dropped, a timeout aborting.
 */
interface P {
  sha: string;
  n: number;
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function queue(run: (p: P, s: AbortSignal) => Promise<void>, extra: { concurrency?: number; timeoutMs?: number } = {}) {
  return new InProcessQueue<P>({
    run,
    merge: (a, b) => ({ sha: b.sha, n: a.n + b.n }),
    covers: (r, i) => r.sha === i.sha && i.n === 0,
    supersedes: (r, i) => r.sha !== i.sha,
    ...extra,
  });
}

test('at most `concurrency` jobs at once, one per key', async () => {
  let active = 0;
  let peak = 0;
  const seen: string[] = [];
  const q = queue(
    async (p) => {
      active++;
      peak = Math.max(peak, active);
      seen.push(p.sha);
      await new Promise((r) => setTimeout(r, 20));
      active--;
    },
    { concurrency: 2 },
  );
  for (const key of ['a', 'b', 'c', 'd']) q.enqueue({ key, payload: { sha: key, n: 1 } });
  await q.idle();
  expect(peak).toBe(2);
  expect(seen.sort()).toEqual(['a', 'b', 'c', 'd']);
});

test('events for a waiting job are merged; the newer head wins', async () => {
  const gate = deferred();
  const runs: P[] = [];
  const q = queue(
    async (p) => {
      runs.push(p);
      if (p.sha === 'x') await gate.promise;
    },
    { concurrency: 1 },
  );
  q.enqueue({ key: 'other', payload: { sha: 'x', n: 1 } }); // occupies the only slot
  expect(q.enqueue({ key: 'pr', payload: { sha: 's1', n: 1 } })).toBe('queued');
  expect(q.enqueue({ key: 'pr', payload: { sha: 's2', n: 1 } })).toBe('merged');
  gate.resolve();
  await q.idle();
  expect(runs).toEqual([
    { sha: 'x', n: 1 },
    { sha: 's2', n: 2 },
  ]);
});

test('a newer head aborts the running job and runs after it', async () => {
  const reasons: string[] = [];
  const started = deferred();
  const q = queue(async (p, signal) => {
    if (p.sha === 'old') {
      started.resolve();
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      reasons.push((signal.reason as JobAborted).reason);
    } else reasons.push(`ran ${p.sha}`);
  });
  q.enqueue({ key: 'pr', payload: { sha: 'old', n: 1 } });
  await started.promise;
  expect(q.peek('pr').running?.sha).toBe('old');
  expect(q.enqueue({ key: 'pr', payload: { sha: 'new', n: 1 } })).toBe('deferred');
  await q.idle();
  expect(reasons).toEqual(['superseded', 'ran new']);
});

test('the running job already covers the same head: duplicate', async () => {
  const gate = deferred();
  let runs = 0;
  const q = queue(async () => {
    runs++;
    await gate.promise;
  });
  q.enqueue({ key: 'pr', payload: { sha: 's', n: 1 } });
  expect(q.enqueue({ key: 'pr', payload: { sha: 's', n: 0 } })).toBe('duplicate');
  gate.resolve();
  await q.idle();
  expect(runs).toBe(1);
});

test('a redelivered webhook is dropped', async () => {
  let runs = 0;
  const q = queue(async () => void runs++);
  expect(q.claimDelivery('d1')).toBe(true);
  expect(q.claimDelivery('d1')).toBe(false);
  expect(q.enqueue({ key: 'pr', payload: { sha: 's', n: 1 }, deliveryId: 'd2' })).toBe('queued');
  await q.idle();
  expect(q.enqueue({ key: 'pr', payload: { sha: 's', n: 1 }, deliveryId: 'd2' })).toBe('duplicate');
  await q.idle();
  expect(runs).toBe(1);
});

test('a job over the time limit is aborted with a timeout', async () => {
  let reason: unknown;
  const q = queue(
    (_p, signal) =>
      new Promise<void>((resolve) =>
        signal.addEventListener('abort', () => {
          reason = signal.reason;
          resolve();
        }),
      ),
    { timeoutMs: 30 },
  );
  q.enqueue({ key: 'pr', payload: { sha: 's', n: 1 } });
  await q.idle();
  expect(reason).toBeInstanceOf(JobAborted);
  expect((reason as JobAborted).reason).toBe('timeout');
});

test('a job that throws does not stop the queue', async () => {
  const errors: unknown[] = [];
  let ran = false;
  const q = new InProcessQueue<P>({
    run: async (p) => {
      if (p.sha === 'bad') throw new Error('boom');
      ran = true;
    },
    merge: (_a, b) => b,
    covers: () => false,
    supersedes: () => false,
    onError: (_p, e) => errors.push(e),
  });
  q.enqueue({ key: 'a', payload: { sha: 'bad', n: 1 } });
  q.enqueue({ key: 'b', payload: { sha: 'good', n: 1 } });
  await q.idle();
  expect(errors).toHaveLength(1);
  expect(ran).toBe(true);
});

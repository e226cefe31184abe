import v8 from 'node:v8';
import vm from 'node:vm';

let fullGc: (() => void) | undefined;
/**
 * A full garbage collection, between the parts of a split scan and after a review's summaries (early
 * cutoff). V8 frees an old program only at its next full collection, which comes late: the next part then grows on top of the previous one's
 * garbage (5,000 files in parts of 1,500: 650-820 MiB instead of 560). With little left alive
 * between parts, the collection takes a few tens of milliseconds.
 */
export async function collectGarbage(): Promise<void> {
  // A turn of the event loop first: V8's background compilation jobs hold the functions they
  // optimize (a checker's, hence its whole program) until then; without it, 2,000 files in parts of
  // 300 kept a finished part alive at 2 of 6 collections.
  await new Promise((resolve) => setTimeout(resolve, 10));
  fullGc ??= exposeGc();
  fullGc();
}

/** `gc()` without starting Node with --expose-gc: the flag, then a new context that has it (as jest's leak detector does). */
function exposeGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return gc as () => void;
  } catch {
    // A runtime without the flag: V8 collects when it chooses; only peak memory is higher.
  }
  return () => undefined;
}

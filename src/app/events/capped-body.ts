import type { IncomingMessage } from 'node:http';

/** Bytes of request bodies held at once, across requests: many bodies under the cap still add up. */
export class BodyBudget {
  #held = 0;
  constructor(readonly maxBytes: number) {}
  get held(): number {
    return this.#held;
  }
  take(bytes: number): boolean {
    if (this.#held + bytes > this.maxBytes) return false;
    this.#held += bytes;
    return true;
  }
  give(bytes: number): void {
    this.#held = Math.max(0, this.#held - bytes);
  }
}

export type CappedBody =
  | { kind: 'body'; bytes: Buffer; release: () => void }
  /** Over the cap: what was read is dropped, the rest is discarded as it arrives. */
  | { kind: 'too-large' }
  /** The budget is spent by other requests. */
  | { kind: 'busy' }
  /** The client went away, or the stream failed. */
  | { kind: 'aborted' };

/**
 * Read a request body of at most `maxBytes`, counting the bytes as they arrive (a missing or
 * false Content-Length does not help), and holding them against `budget` until `release`. A
 * declared length over the cap is refused before a byte is read.
 */
export function readCappedBody(req: IncomingMessage, maxBytes: number, budget: BodyBudget): Promise<CappedBody> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve({ kind: 'too-large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let done = false;
    const finish = (result: CappedBody) => {
      if (done) return;
      done = true;
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onClose);
      if (result.kind !== 'body') {
        budget.give(length);
        chunks.length = 0;
        // Keep the connection's bytes flowing to nowhere until the caller closes it.
        req.on('error', () => {}).resume();
      }
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      if (length + chunk.length > maxBytes) return finish({ kind: 'too-large' });
      if (!budget.take(chunk.length)) return finish({ kind: 'busy' });
      length += chunk.length;
      chunks.push(chunk);
    };
    const onEnd = () => {
      let released = false;
      finish({
        kind: 'body',
        bytes: Buffer.concat(chunks, length),
        release: () => {
          if (!released) budget.give(length);
          released = true;
        },
      });
    };
    const onAbort = () => finish({ kind: 'aborted' });
    // 'close' without 'end': the client went away mid-body.
    const onClose = () => finish({ kind: 'aborted' });
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onClose);
  });
}

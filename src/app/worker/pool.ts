import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Analysis, TreesInput } from '../pipeline/trees.js';
import { JobAborted } from '../queue/types.js';
import type { ResultMessage, TaskMessage } from './protocol.js';

export interface ReviewPoolOptions {
  /** Worker threads (default: one per core but one, at least one). */
  size?: number;
  /** The worker's entry (tests); default: review-worker next to this module. */
  url?: URL;
}

interface Task {
  id: number;
  input: TreesInput;
  resolve(analysis: Analysis): void;
  reject(error: unknown): void;
}

interface Slot {
  worker?: Worker;
  task?: Task;
}

/** The default pool size: the cores the process may use, less one for the webhook server, at least one. */
export function defaultPoolSize(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

/**
 * Long-lived worker threads that review downloaded trees (the CPU-bound part of a job), so that the
 * webhook server's thread stays free to answer GitHub. One task per worker at a time, the rest wait
 * in order. A worker is started on first use and reused; one that crashes (an uncaught exception,
 * out of memory) fails its task with the reason and is replaced for the next one. An aborted task
 * (superseded, timed out) stops its worker at once: a review cannot be interrupted otherwise, and a
 * stuck one must not hold the thread. `close()` stops every worker (App shutdown, tests).
 */
export class ReviewPool {
  readonly size: number;
  /** Workers started so far, replacements included. */
  started = 0;
  private readonly url: URL;
  private readonly slots: Slot[];
  private readonly waiting: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: ReviewPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
    this.url = options.url ?? defaultWorkerUrl();
    this.slots = Array.from({ length: this.size }, () => ({}));
  }

  /** Review the trees on a worker; rejects with the signal's reason as soon as it is aborted. */
  run(input: TreesInput, signal?: AbortSignal): Promise<Analysis> {
    if (this.closed) return Promise.reject(new JobAborted('shutdown'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<Analysis>((resolve, reject) => {
      const onAbort = () => this.abort(task, signal!.reason);
      const done = () => signal?.removeEventListener('abort', onAbort);
      const task: Task = {
        id: this.nextId++,
        input,
        resolve: (a) => (done(), resolve(a)),
        reject: (e) => (done(), reject(e)),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(task);
      this.dispatch();
    });
  }

  /** Start the first worker now, so that the first review does not wait for the engine to load. */
  warm(): void {
    if (!this.closed && !this.slots[0].worker) this.spawn(this.slots[0]);
  }

  /** Tasks running or waiting. */
  get pending(): number {
    return this.waiting.length + this.slots.filter((s) => s.task).length;
  }

  /** Stop every worker; running and waiting tasks fail with JobAborted('shutdown'). */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) task.reject(new JobAborted('shutdown'));
    await Promise.all(
      this.slots.map(async (slot) => {
        const { worker, task } = slot;
        slot.worker = undefined;
        slot.task = undefined;
        task?.reject(new JobAborted('shutdown'));
        await worker?.terminate();
      }),
    );
  }

  private abort(task: Task, reason: unknown): void {
    const index = this.waiting.indexOf(task);
    if (index >= 0) {
      this.waiting.splice(index, 1);
      task.reject(reason);
      return;
    }
    const slot = this.slots.find((s) => s.task === task);
    if (!slot) return;
    // The review cannot be interrupted: stop its thread; the next task gets a new one.
    const worker = slot.worker;
    slot.worker = undefined;
    slot.task = undefined;
    void worker?.terminate();
    task.reject(reason);
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      while (!slot.task && this.waiting.length && !this.closed) {
        const task = this.waiting.shift()!;
        const worker = slot.worker ?? this.spawn(slot);
        try {
          worker.postMessage({ id: task.id, input: task.input } satisfies TaskMessage);
        } catch (e) {
          // Not plain data (a DataCloneError): this task fails, the worker is fine.
          task.reject(e);
          continue;
        }
        slot.task = task;
        worker.ref(); // a running review keeps the process alive; an idle worker does not
      }
    }
  }

  private spawn(slot: Slot): Worker {
    const worker = startWorker(this.url);
    this.started++;
    slot.worker = worker;
    worker.unref();
    worker.on('message', (message: ResultMessage) => {
      if (slot.worker !== worker || slot.task?.id !== message.id) return;
      const task = slot.task;
      slot.task = undefined;
      worker.unref();
      if ('error' in message) task.reject(Object.assign(new Error(message.error.message), { name: message.error.name }));
      else task.resolve(message.analysis);
      this.dispatch();
    });
    worker.on('messageerror', (e) => this.lost(slot, worker, `the review worker's answer could not be read (${e.message})`));
    worker.on('error', (e) => this.lost(slot, worker, `the review worker failed: ${e.message}`));
    worker.on('exit', (code) => this.lost(slot, worker, `the review worker stopped (exit code ${code})`));
    return worker;
  }

  /** A worker that is gone or unusable: its task fails with the reason, the next task gets a new worker. */
  private lost(slot: Slot, worker: Worker, reason: string): void {
    if (slot.worker !== worker) return; // stopped on purpose, or already replaced
    const task = slot.task;
    slot.worker = undefined;
    slot.task = undefined;
    void worker.terminate();
    task?.reject(new Error(reason));
    this.dispatch();
  }
}

/**
 * review-worker next to this module, with this module's extension: `.js` from dist/ (`npm start`),
 * `.ts` when the App runs from source (tsx, jest).
 */
function defaultWorkerUrl(): URL {
  return new URL(`./review-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);
}

/**
 * A TypeScript entry (tests, tsx) is loaded through tsx's loader, registered in the worker itself:
 * Node 20 applies neither the parent's module hooks nor `--import` in `execArgv` to a worker.
 */
function startWorker(url: URL): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  const load = `import('tsx/esm/api').then((tsx) => tsx.register()).then(() => import(${JSON.stringify(url.href)}))`;
  return new Worker(load, { eval: true });
}

import { parentPort } from 'node:worker_threads';
import type { Analysis, TreesInput } from '../pipeline/trees.js';

/** Main thread → worker: review these trees. */
export interface TaskMessage {
  id: number;
  input: TreesInput;
}

/** Worker → main thread: the analysis, or why there is none (an Error does not survive the trip whole). */
export type ResultMessage = { id: number; analysis: Analysis } | { id: number; error: { name: string; message: string } };

/**
 * A worker's side of the protocol: one task at a time (the pool never sends another before the
 * answer), each answered with its analysis or its error. An exception outside `handle` ends the
 * worker; the pool reports it on the job and starts a new worker for the next one.
 */
export function serve(handle: (input: TreesInput) => Promise<Analysis>): void {
  const port = parentPort;
  if (!port) throw new Error('serve() runs in a worker thread');
  port.on('message', (task: TaskMessage) => {
    void handle(task.input).then(
      (analysis) => port.postMessage({ id: task.id, analysis } satisfies ResultMessage),
      (e: unknown) => {
        const error = e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
        port.postMessage({ id: task.id, error } satisfies ResultMessage);
      },
    );
  });
}

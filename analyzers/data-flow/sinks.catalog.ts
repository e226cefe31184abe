import type { SinkSpec } from '../../src/sinks/catalog-types.js';
import { HTTP } from './sinks/http.js';
import { ANALYTICS } from './sinks/analytics.js';
import { AI } from './sinks/ai.js';
import { MESSAGING } from './sinks/messaging.js';
import { BUSINESS } from './sinks/business.js';
import { STORES } from './sinks/stores.js';
import { QUEUES } from './sinks/queues.js';
import { STORAGE } from './sinks/storage.js';
import { CLIENT_SIDE } from './sinks/client-side.js';

/**
 * Where data leaves the process (family `egress`, rule data-flow). Format and matching rule:
 * src/sinks/catalog-types.ts. In short: `packages` must contain the callee's module, each `path` must
 * equal the end of the callee's API path once `new`/`default` steps are dropped (`^` anchors it at
 * the start, `*` is any one name, `x()` is the result of calling x), `args` are the data-carrying
 * arguments, `command` entries match AWS SDK v3 `client.send(new XCommand(input))`.
 * One file per family under sinks/; rows.ts has the builders they share.
 */
export const EGRESS_SINKS: readonly SinkSpec[] = [
  ...HTTP,
  ...ANALYTICS,
  ...AI,
  ...MESSAGING,
  ...BUSINESS,
  ...STORES,
  ...QUEUES,
  ...STORAGE,
  ...CLIENT_SIDE,
];

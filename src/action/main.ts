#!/usr/bin/env node
import { workflowLog } from './log.js';
import { runAction } from './run.js';

/** The GitHub Action's entry (action.yml runs `node dist/src/action/main.js`). */
const log = workflowLog();
runAction(process.env, { log, now: () => new Date() }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Fails closed, with one line: the reason, never a stack trace or a payload.
    log.error(`privacy-review failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    process.exitCode = 1;
  },
);

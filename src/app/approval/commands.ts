import type { Command } from './types.js';

const COMMAND = /^\s*\/privacy(?:\s+(\S+))?(?:\s+(\S+))?/i;
const FINGERPRINT_PREFIX = /^[0-9a-f]{7,64}$/i;

/**
 * The `/privacy` command of a comment: the last command line counts. Lines in code blocks and
 * quotes are not commands (quoting someone's `/privacy approve` must not approve).
 * `/privacy approve 1a2b3c4d` approves that fingerprint (a prefix of at least 7 hex digits).
 */
export function parseCommand(body: string | null | undefined): Command | undefined {
  if (!body) return undefined;
  let found: Command | undefined;
  let fence: string | undefined;
  for (const line of body.split(/\r?\n/)) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1][0]!;
      else if (f[1][0] === fence) fence = undefined;
      continue;
    }
    if (fence || /^\s{0,3}>/.test(line)) continue;
    const m = COMMAND.exec(line);
    if (!m || !/^\s*\/privacy(\s|$)/i.test(line)) continue;
    const verb = (m[1] ?? '').toLowerCase();
    const arg = m[2];
    if (verb === 'approve')
      found = arg && FINGERPRINT_PREFIX.test(arg) ? { verb: 'approve', fingerprint: arg.toLowerCase() } : { verb: 'approve' };
    else if (verb === 'revoke') found = { verb: 'revoke' };
    else found = { verb: 'unknown', text: line.trim().slice(0, 80) };
  }
  return found;
}

/** Whether a comment body holds a `/privacy` command line at all (cheap filter for webhooks). */
export function hasCommand(body: string | null | undefined): boolean {
  return parseCommand(body) !== undefined;
}

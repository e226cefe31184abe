/**
 * The action's inputs (`with:` in the workflow). A composite action's steps do not get INPUT_*
 * variables by themselves: action.yml passes each one on as `INPUT_<NAME>` (upper case, dashes as
 * underscores: a shell cannot name a variable with a dash); GitHub's own spelling, dash kept, is read too.
 */
export type FailOn = 'review' | 'fail' | 'none';

export interface ActionInputs {
  /** Directory to review, relative to the workspace (a package of a monorepo). */
  path: string;
  /** Data-flow manifest relative to `path`; undefined: the repository configuration's (default `.privacy/manifest.yml`). */
  manifest?: string;
  /** Scan configuration file relative to the workspace, read from the base side; undefined: `.privacy-review.yml` there. */
  config?: string;
  failOn: FailOn;
  comment: boolean;
  /** Where to write SARIF for github/codeql-action/upload-sarif; undefined: none. */
  sarif?: string;
  summary: boolean;
}

/** An input that cannot be used: what to write instead (the job fails with this line, no stack trace). */
export class InputError extends Error {
  override readonly name = 'InputError';
}

const FAIL_ON = new Set<FailOn>(['review', 'fail', 'none']);

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const get = (name: string) =>
    (env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? env[`INPUT_${name.toUpperCase()}`])?.trim() || undefined;
  const failOn = (get('fail-on') ?? 'review').toLowerCase() as FailOn;
  if (!FAIL_ON.has(failOn)) throw new InputError(`input fail-on must be review, fail or none (it is "${failOn.slice(0, 20)}")`);
  const relative = (name: string) => {
    const v = get(name);
    if (v && (v.startsWith('/') || v.split(/[\\/]/).includes('..')))
      throw new InputError(`input ${name} must be a path inside the repository, relative to its root (it is "${v.slice(0, 80)}")`);
    return v;
  };
  const path = relative('path') ?? '.';
  const manifest = relative('manifest');
  const config = relative('config');
  const sarif = get('sarif');
  return {
    path,
    ...(manifest ? { manifest } : {}),
    ...(config ? { config } : {}),
    failOn,
    comment: flag(get('comment'), 'comment', true),
    ...(sarif ? { sarif } : {}),
    summary: flag(get('summary'), 'summary', true),
  };
}

function flag(value: string | undefined, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  const v = value.toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new InputError(`input ${name} must be true or false (it is "${value.slice(0, 20)}")`);
}

/** One thing wrong with a configuration file, at a 1-based position in it. */
export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  /** What to do about it. */
  hint?: string;
}

/** `file:line:column: message — hint`, the format editors and terminals turn into links. */
export function formatProblem(p: ConfigProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}${p.hint ? ` — ${p.hint}` : ''}`;
}

/** A configuration file that cannot be used. The CLI prints `problems` one a line and exits with 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

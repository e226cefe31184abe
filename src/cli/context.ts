/** State a command hands back to `run`, which owns the process's exit code. */
export interface CliContext {
  exitCode: number;
}

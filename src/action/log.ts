/**
 * The action's log: plain lines on stdout, with GitHub's workflow commands for warnings and errors
 * (they show as annotations on the run). Messages carry reasons and counts, never payloads,
 * comment text or file contents.
 */
export interface ActionLog {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
}

export function workflowLog(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): ActionLog {
  return {
    info: (m) => write(escapeCommand(m)),
    warning: (m) => write(`::warning::${escapeData(m)}`),
    error: (m) => write(`::error::${escapeData(m)}`),
  };
}

/** Workflow command data: `%`, CR and LF escaped as the runner expects. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A plain line that happens to start with `::` must not be taken for a command. */
function escapeCommand(s: string): string {
  return s.startsWith('::') ? ` ${s}` : s;
}

/** Colour only for a terminal, and never when NO_COLOR is set to anything (https://no-color.org) or TERM is dumb. */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
}

/** Below this many files a scan is over before a bar is worth drawing. */
export const PROGRESS_MIN_FILES = 50;

export interface Progress {
  update: (done: number, total: number, file: string) => void;
  stop(): void;
}

/**
 * A progress bar on stderr, only for a terminal (CI logs and pipes stay clean) and only for scans of
 * more than PROGRESS_MIN_FILES files. cli-progress is loaded only when a bar may be drawn.
 */
export async function createProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Promise<Progress | undefined> {
  if (!enabled || !stream.isTTY) return undefined;
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  let bar: InstanceType<typeof SingleBar> | undefined;
  return {
    update(done, total, file) {
      if (total <= PROGRESS_MIN_FILES) return;
      if (!bar) {
        bar = new SingleBar(
          { stream, format: 'Scanning {bar} {value}/{total} files  {file}', hideCursor: true, clearOnComplete: true, etaBuffer: 50 },
          Presets.shades_classic,
        );
        bar.start(total, 0, { file: '' });
      }
      bar.update(done, { file: file.length > 50 ? `…${file.slice(-49)}` : file });
    },
    stop() {
      bar?.stop();
    },
  };
}

import path from 'node:path';
import type { ScanConfig } from '../config/types.js';
import type { Analyzer } from '../engine/analyzer.js';
import { UsageError } from './errors.js';

export interface CustomAnalyzerSources {
  /** `--analyzer` values, resolved from the working directory. */
  flags: readonly string[];
  /** The configuration in effect and the file it came from when the user named it with --config. */
  config: ScanConfig;
  explicitConfigFile?: string;
  cwd: string;
}

/**
 * The built-in analyzers plus the custom ones the user asked for: on the command line, or in a
 * configuration they passed with --config. A configuration found in the scanned directory is the
 * analyzed code's own: its `analyzers:` would run that code, so they are refused with what to do.
 */
export async function withCustomAnalyzers(builtins: readonly Analyzer[], sources: CustomAnalyzerSources): Promise<readonly Analyzer[]> {
  const named = sources.config.analyzers ?? [];
  if (named.length && !sources.explicitConfigFile) {
    throw new UsageError(
      `the configuration in the scanned directory names analyzers (${named.join(', ')}); custom analyzers are code, and a file of the code under analysis does not choose what runs: pass the configuration with --config, or name them with --analyzer`,
    );
  }
  if (!named.length && !sources.flags.length) return builtins;
  const { loadCustomAnalyzers, CustomAnalyzerError } = await import('../custom/load.js');
  try {
    const fromConfig = sources.explicitConfigFile
      ? await loadCustomAnalyzers(named, path.dirname(path.resolve(sources.cwd, sources.explicitConfigFile)))
      : [];
    const fromFlags = await loadCustomAnalyzers(sources.flags, sources.cwd);
    return [...builtins, ...fromConfig, ...fromFlags];
  } catch (e) {
    if (e instanceof CustomAnalyzerError) throw new UsageError(e.message);
    throw e;
  }
}

/** Commander's collector for a repeatable option. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

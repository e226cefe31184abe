import type { Analyzer } from '../engine/analyzer.js';

/**
 * The custom analyzers the App's operator installed with it: PRIVACY_REVIEW_ANALYZERS, a comma-
 * separated list of paths or package names resolved from the App's working directory. The
 * repositories under review never choose analyzers (their configuration's `analyzers:` is not read).
 */
export function operatorAnalyzerSpecifiers(env: NodeJS.ProcessEnv): string[] {
  return (env.PRIVACY_REVIEW_ANALYZERS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function operatorAnalyzers(env: NodeJS.ProcessEnv, cwd = process.cwd()): Promise<Analyzer[]> {
  const specifiers = operatorAnalyzerSpecifiers(env);
  if (!specifiers.length) return [];
  const { loadCustomAnalyzers } = await import('../custom/load.js');
  return loadCustomAnalyzers(specifiers, cwd);
}

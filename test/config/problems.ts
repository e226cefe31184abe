import { ConfigError, formatProblem } from '../../src/config/errors.js';
import { parseConfig } from '../../src/config/load.js';

/** The formatted problems of a configuration text, one `file:line:column: message — hint` each; [] when valid. */
export function problemsOf(yaml: string): string[] {
  try {
    parseConfig(yaml, 'cfg.yml');
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.problems.map(formatProblem);
  }
}

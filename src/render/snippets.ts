import type { Finding } from '../core/contract.js';
import { declarationFor } from '../manifest/snippets.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';

export interface Snippet {
  /** Top-level manifest section the entry goes under: `flows`, `datasets`, `logging`. */
  section: string;
  yaml: string;
}

/**
 * The manifest entry that would declare a finding. A finding the manifest module cannot express gets
 * no snippet rather than failing the whole comment: the checklist item still says what is undeclared.
 */
export function snippetFor(finding: Finding, taxonomy?: Taxonomy): Snippet | undefined {
  try {
    const d = declarationFor(finding, taxonomy ? { taxonomy } : {});
    return d && typeof d.yaml === 'string' && d.yaml.trim() ? { section: d.section, yaml: d.yaml } : undefined;
  } catch {
    return undefined;
  }
}

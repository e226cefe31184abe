import type { Finding } from '../core/contract.js';
import { Taxonomy } from '../taxonomy/taxonomy.js';
import { DEFAULT_STYLE, emitMap, toPlain, type YMap } from './emit.js';
import { datasetIdFor, declarable, fieldEntry, flowEntry, neverComment, ownerOf } from './entries.js';

export interface Declaration {
  /** Top-level manifest section the entry goes under. */
  section: 'flows' | 'datasets' | 'logging';
  /** The list item of `flows`/`datasets`, or the content of `logging`. */
  entry: Record<string, unknown>;
  /** Pasteable YAML: the section key and the entry. */
  yaml: string;
  /** Categories left out because they can never be declared there (PCI sensitive authentication data stored or logged). */
  never?: string[];
}

/**
 * The manifest entry that would declare a finding: a flow for `data-flow`, a dataset field for
 * `pii-field`, `logging.allowedCategories` for `pii-logging`. Pure and deterministic: the PR
 * checklist shows it, so the same finding always gives the same text.
 *
 * A data-flow finding is only declared once a purpose lists the flow too; the YAML says so in a
 * comment rather than inventing a purpose.
 */
export function declarationFor(finding: Finding, options: { taxonomy?: Taxonomy } = {}): Declaration {
  const taxonomy = options.taxonomy ?? Taxonomy.default();
  switch (finding.rule) {
    case 'data-flow': {
      const sink = finding.sink ?? { kind: 'http' as const, id: 'http:unknown' };
      const { ok, never } = declarable(finding.categories, sink.kind, taxonomy);
      const entry = flowEntry(sink, ok);
      const tail = [`# and list "${sink.id}" under the flows of the purpose it serves (purposes[].flows)`];
      return result('flows', entry, { key: 'flows', items: [entry] }, never, neverLines(never, sink.kind, taxonomy), tail);
    }
    case 'pii-field': {
      const { ok, never } = declarable(finding.categories, 'dataset', taxonomy);
      const dataset: YMap = [
        { key: 'id', value: datasetIdFor(ownerOf(finding.symbol)) },
        { key: 'fields', value: ok.length ? [fieldEntry(finding.symbol, ok)] : [] },
      ];
      if (!ok.length) return commentOnly('datasets', dataset, never, neverComment(never, 'dataset', taxonomy));
      return result('datasets', dataset, { key: 'datasets', items: [dataset] }, never, neverLines(never, 'dataset', taxonomy));
    }
    case 'pii-logging': {
      const { ok, never } = declarable(finding.categories, 'logging', taxonomy);
      const logging: YMap = [{ key: 'allowedCategories', value: ok }];
      if (!ok.length) return commentOnly('logging', logging, never, neverComment(never, 'logging', taxonomy));
      return result('logging', logging, { key: 'logging', map: logging }, never, neverLines(never, 'logging', taxonomy));
    }
  }
}

type Body = { key: string; items: YMap[] } | { key: string; map: YMap };

function result(
  section: Declaration['section'],
  entry: YMap,
  body: Body,
  never: string[],
  before: string[],
  after: string[] = [],
): Declaration {
  const lines = emitMap([{ key: body.key, value: 'items' in body ? body.items : body.map }], DEFAULT_STYLE);
  return {
    section,
    entry: toPlain(entry),
    yaml: [...before, ...lines, ...after].join('\n') + '\n',
    ...(never.length ? { never } : {}),
  };
}

/** Nothing can be declared: the YAML is only the explanation. */
function commentOnly(section: Declaration['section'], entry: YMap, never: string[], why: string): Declaration {
  return { section, entry: toPlain(entry), yaml: `# not declarable: ${why}\n`, never };
}

function neverLines(never: string[], where: Parameters<typeof neverComment>[1], taxonomy: Taxonomy): string[] {
  return never.length ? [`# left out: ${neverComment(never, where, taxonomy)}`] : [];
}

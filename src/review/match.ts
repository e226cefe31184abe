import picomatch from 'picomatch';
import type { Finding } from '../core/contract.js';
import type { Dataset, DatasetField, LoadedManifest, Manifest, ManifestException } from '../manifest/types.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { Declaration, MatchedFinding, MatchResult, StaleDeclaration } from './types.js';
import { uncovered } from './coverage.js';
import { flowMatchesSink } from '../manifest/sink-match.js';

export interface MatchOptions {
  taxonomy: Taxonomy;
  /** `YYYY-MM-DD`; exceptions expiring before it no longer apply. Defaults to today (UTC). */
  today?: string;
}

/**
 * Judge every finding against the manifest: a `data-flow` finding is declared when a flow matches its
 * sink, covers its categories, and purposes linked to that flow cover them too; a `pii-field` finding
 * when a dataset field entry covers it; `pii-logging` only when the logging policy allows its
 * categories. A live exception or a suppression with a reason also accepts a finding. Declarations
 * that nothing in the code uses are reported as stale.
 */
export function matchFindings(findings: readonly Finding[], loaded: LoadedManifest | undefined, options: MatchOptions): MatchResult {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const manifest = loaded?.manifest;
  const usedFlows = new Set<string>();
  const usedFields = new Set<DatasetField>();
  const matched = findings.map((finding): MatchedFinding => {
    if (finding.suppressed) {
      return { finding, declared: true, declaration: { kind: 'suppression', id: finding.suppression?.reason ?? 'suppressed' } };
    }
    if (!manifest) return { finding, declared: false, reason: 'there is no data-flow manifest yet' };
    const exception = manifest.exceptions.find((e) => exceptionApplies(e, finding, options.taxonomy, today));
    const judged = judge(finding, manifest, options.taxonomy, usedFlows, usedFields);
    if (judged.declared || !exception) return judged;
    return {
      finding,
      declared: true,
      declaration: { kind: 'exception', id: exception.id, location: loaded.locate(['exceptions', manifest.exceptions.indexOf(exception)]) },
    };
  });
  const withLocations = matched.map((m) =>
    m.declaration && !m.declaration.location && loaded ? { ...m, declaration: locateDeclaration(m.declaration, loaded) } : m,
  );
  return { findings: withLocations, stale: loaded ? staleDeclarations(loaded, usedFlows, usedFields) : [] };
}

function judge(
  finding: Finding,
  manifest: Manifest,
  taxonomy: Taxonomy,
  usedFlows: Set<string>,
  usedFields: Set<DatasetField>,
): MatchedFinding {
  switch (finding.rule) {
    case 'data-flow':
      return judgeFlow(finding, manifest, taxonomy, usedFlows);
    case 'pii-field':
      return judgeField(finding, manifest, taxonomy, usedFields);
    case 'pii-logging': {
      const missing = uncovered(finding.categories, manifest.logging.allowedCategories, taxonomy);
      if (missing.length === 0) return { finding, declared: true, declaration: { kind: 'logging', id: 'logging' } };
      return { finding, declared: false, reason: `the logging policy does not allow ${missing.join(', ')} in logs` };
    }
  }
}

function judgeFlow(finding: Finding, manifest: Manifest, taxonomy: Taxonomy, usedFlows: Set<string>): MatchedFinding {
  const sink = finding.sink;
  if (!sink) return { finding, declared: false, reason: 'the finding names no destination' };
  const flows = manifest.flows.filter((f) => flowMatchesSink(f, sink));
  if (flows.length === 0) return { finding, declared: false, reason: `no flow in the manifest matches \`${sink.id}\`` };
  for (const f of flows) usedFlows.add(f.id);
  const flowCategories = flows.flatMap((f) => f.categories);
  const notInFlow = uncovered(finding.categories, flowCategories, taxonomy);
  const ids = flows.map((f) => `\`${f.id}\``).join(', ');
  if (notInFlow.length) return { finding, declared: false, reason: `flow ${ids} is declared, but not for ${notInFlow.join(', ')}` };
  const purposes = manifest.purposes.filter((p) => flows.some((f) => p.flows.includes(f.id)));
  if (purposes.length === 0) return { finding, declared: false, reason: `flow ${ids} is declared, but no purpose lists it` };
  const notInPurpose = uncovered(
    finding.categories,
    purposes.flatMap((p) => p.categories),
    taxonomy,
  );
  if (notInPurpose.length) {
    return { finding, declared: false, reason: `no purpose of flow ${ids} covers ${notInPurpose.join(', ')}` };
  }
  return { finding, declared: true, declaration: { kind: 'flow', id: flows[0].id, purposes: purposes.map((p) => p.id) } };
}

function judgeField(finding: Finding, manifest: Manifest, taxonomy: Taxonomy, usedFields: Set<DatasetField>): MatchedFinding {
  const candidates: { dataset: Dataset; field: DatasetField }[] = [];
  for (const dataset of manifest.datasets) {
    for (const field of dataset.fields) if (fieldCovers(field, finding)) candidates.push({ dataset, field });
  }
  if (candidates.length === 0) return { finding, declared: false, reason: `no dataset declares \`${finding.symbol}\`` };
  for (const c of candidates) usedFields.add(c.field);
  const missing = uncovered(
    finding.categories,
    candidates.flatMap((c) => c.field.categories),
    taxonomy,
  );
  if (missing.length) {
    return {
      finding,
      declared: false,
      reason: `dataset \`${candidates[0].dataset.id}\` declares \`${finding.symbol}\`, but not as ${missing.join(', ')}`,
    };
  }
  return { finding, declared: true, declaration: { kind: 'dataset', id: candidates[0].dataset.id } };
}

/** `User.email` covers itself; `User.*` every field of User (nested too); `path` globs cover files. */
function fieldCovers(field: DatasetField, finding: Finding): boolean {
  if (field.symbol) {
    if (field.symbol === finding.symbol) return true;
    if (field.symbol.endsWith('.*') && finding.symbol.startsWith(field.symbol.slice(0, -1))) return true;
    if (!field.path) return false;
  }
  return field.path ? globMatch(field.path, finding.file) : false;
}

function exceptionApplies(e: ManifestException, finding: Finding, taxonomy: Taxonomy, today: string): boolean {
  if (e.expires < today) return false;
  if (e.rule && e.rule !== finding.rule) return false;
  if (e.sink && finding.sink?.id !== e.sink && !finding.sink?.id.startsWith(`${e.sink}:`)) return false;
  if (e.paths?.length && !e.paths.some((p) => globMatch(p, finding.file))) return false;
  if (e.categories?.length && uncovered(finding.categories, e.categories, taxonomy).length) return false;
  return true;
}

const globs = new Map<string, (file: string) => boolean>();
function globMatch(pattern: string, file: string): boolean {
  let m = globs.get(pattern);
  if (!m) {
    m = picomatch(pattern, { dot: true });
    globs.set(pattern, m);
  }
  return m(file);
}

function locateDeclaration(d: Declaration, loaded: LoadedManifest): Declaration {
  const m = loaded.manifest;
  const path: (string | number)[] | undefined =
    d.kind === 'flow'
      ? ['flows', m.flows.findIndex((f) => f.id === d.id)]
      : d.kind === 'dataset'
        ? ['datasets', m.datasets.findIndex((x) => x.id === d.id)]
        : d.kind === 'logging'
          ? ['logging']
          : undefined;
  if (!path || path[1] === -1) return d;
  return { ...d, location: loaded.locate(path) };
}

function staleDeclarations(loaded: LoadedManifest, usedFlows: Set<string>, usedFields: Set<DatasetField>): StaleDeclaration[] {
  const stale: StaleDeclaration[] = [];
  const m = loaded.manifest;
  m.flows.forEach((f, i) => {
    if (usedFlows.has(f.id)) return;
    stale.push({
      kind: 'flow',
      id: f.id,
      location: loaded.locate(['flows', i]),
      message: `Flow \`${f.id}\` is declared, but no code sends personal data to it: remove it, or check that its id matches the sink the code uses.`,
    });
  });
  m.datasets.forEach((d, i) => {
    d.fields.forEach((field, j) => {
      if (usedFields.has(field)) return;
      const name = field.symbol ?? field.path ?? '(field)';
      stale.push({
        kind: 'dataset-field',
        id: `${d.id}:${name}`,
        location: loaded.locate(['datasets', i, 'fields', j]),
        message: `Dataset \`${d.id}\` declares \`${name}\`, but no such personal-data field is in the code: remove it or fix the symbol.`,
      });
    });
  });
  return stale;
}

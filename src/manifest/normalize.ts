import type {
  Dataset,
  DatasetField,
  Flow,
  FlowKind,
  LoggingPolicy,
  Manifest,
  ManifestException,
  ManifestSystem,
  Purpose,
} from './types.js';

/**
 * Best-effort manifest from whatever the YAML held: values of the wrong type are dropped, missing
 * lists become `[]`, missing strings `''`. List entries that are not mappings stay as empty entries so
 * that `manifest.flows[i]` is always `locate(['flows', i])`. The schema problems say what was wrong.
 */
export function normalize(data: unknown): Manifest {
  const root = obj(data);
  const logging = obj(root.logging);
  return {
    version: 1,
    system: system(obj(root.system)),
    datasets: list(root.datasets).map(dataset),
    flows: list(root.flows).map(flow),
    purposes: list(root.purposes).map(purpose),
    logging: { allowedCategories: strings(logging.allowedCategories), redactors: strings(logging.redactors) } satisfies LoggingPolicy,
    exceptions: list(root.exceptions).map(exception),
  };
}

export function emptyManifest(): Manifest {
  return normalize(undefined);
}

function system(o: Record<string, unknown>): ManifestSystem {
  const responsibility = str(o.responsibility);
  return {
    name: str(o.name) ?? '',
    ...opt('description', o.description),
    ...opt('owner', o.owner),
    ...(responsibility === 'controller' || responsibility === 'processor' || responsibility === 'joint_controller'
      ? { responsibility }
      : {}),
    ...opt('dpo', o.dpo),
  };
}

function dataset(v: unknown): Dataset {
  const o = obj(v);
  return { id: str(o.id) ?? '', ...opt('description', o.description), ...opt('retention', o.retention), fields: list(o.fields).map(field) };
}

function field(v: unknown): DatasetField {
  const o = obj(v);
  return {
    ...opt('symbol', o.symbol),
    ...opt('path', o.path),
    categories: strings(o.categories),
    ...opt('retention', o.retention),
    ...opt('description', o.description),
  };
}

function flow(v: unknown): Flow {
  const o = obj(v);
  const match = obj(o.match);
  const m: NonNullable<Flow['match']> = {};
  for (const k of ['sinks', 'packages', 'hosts', 'topics'] as const) if (Array.isArray(match[k])) m[k] = strings(match[k]);
  return {
    id: str(o.id) ?? '',
    // An unknown kind is kept as written (the schema reports it); matching does not depend on it.
    kind: (str(o.kind) ?? '') as FlowKind,
    ...opt('description', o.description),
    ...(Object.keys(m).length ? { match: m } : {}),
    categories: strings(o.categories),
    ...(Array.isArray(o.countries) ? { countries: strings(o.countries) } : {}),
    ...opt('transferMechanism', o.transferMechanism),
    ...opt('processor', o.processor),
    ...opt('dpa', o.dpa),
    ...opt('retention', o.retention),
  };
}

function purpose(v: unknown): Purpose {
  const o = obj(v);
  return {
    id: str(o.id) ?? '',
    dataUse: str(o.dataUse) ?? '',
    ...opt('description', o.description),
    dataSubjects: strings(o.dataSubjects),
    categories: strings(o.categories),
    legalBasis: str(o.legalBasis) ?? '',
    ...opt('specialCategoryCondition', o.specialCategoryCondition),
    ...opt('retention', o.retention),
    flows: strings(o.flows),
    datasets: strings(o.datasets),
  };
}

function exception(v: unknown): ManifestException {
  const o = obj(v);
  const rule = str(o.rule);
  return {
    id: str(o.id) ?? '',
    ...(rule === 'pii-field' || rule === 'pii-logging' || rule === 'data-flow' ? { rule: rule } : {}),
    ...(Array.isArray(o.paths) ? { paths: strings(o.paths) } : {}),
    ...opt('sink', o.sink),
    ...(Array.isArray(o.categories) ? { categories: strings(o.categories) } : {}),
    reason: str(o.reason) ?? '',
    expires: str(o.expires) ?? '',
    ...opt('approvedBy', o.approvedBy),
  };
}

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/**
 * Strings of a list. Other values become `''` (the schema reports them) so that indexes stay those of
 * the document; validators skip empty strings.
 */
function strings(v: unknown): string[] {
  return list(v).map((x) => (typeof x === 'string' ? x : ''));
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

function opt<K extends string>(key: K, v: unknown): { [k in K]?: string } {
  const s = str(v);
  return (s !== undefined ? { [key]: s } : {}) as { [k in K]?: string };
}

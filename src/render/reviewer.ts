import type { Finding } from '../core/contract.js';
import type { Review } from '../review/types.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { ReviewDigest } from './digest.js';

/**
 * The privacy reviewer's checklist: each item is asked only when a fact of this pull request makes it
 * relevant (a new vendor, special-category data, new stored data, a log call, ...), and says which
 * fact, so the list stays short enough to be read rather than ticked blindly. Only purpose and data
 * minimisation is asked whenever the pull request touches personal data.
 */
export interface ReviewerItem {
  id: ReviewerItemId;
  /** Short bold lead, plain text. */
  title: string;
  /** The question, plain text. */
  text: string;
  /** What in this PR makes the item relevant; plain text quoting code in backticks. */
  context?: string;
  core: boolean;
}

export type ReviewerItemId =
  | 'purpose-minimisation'
  | 'purpose-limitation'
  | 'legal-basis'
  | 'sensitive-uses'
  | 'vendors'
  | 'transfers'
  | 'retention'
  | 'logs'
  | 'security'
  | 'data-subject-rights'
  | 'dpia';

/** Services whose data use is advertising, profiling or model training rather than the service itself. */
const PROFILING_SERVICES = new Set(['advertising', 'analytics', 'marketing', 'ai']);
const EXTERNAL_KINDS = new Set(['third_party', 'http']);
const STORING_KINDS = new Set(['datastore', 'storage', 'file', 'queue']);

export function reviewerChecklist(review: Review, d: ReviewDigest, taxonomy: Taxonomy): ReviewerItem[] {
  // What this PR changes: new findings (declared or not) and manifest changes.
  const changed: Finding[] = [...d.actionable, ...d.newDeclared].map((r) => r.finding);
  const categories = [...new Set(changed.flatMap((f) => f.categories))].sort();
  const special = categories.filter((c) => taxonomy.isSpecial(c));
  const children = categories.filter((c) => taxonomy.isWithin(c, 'user.childrens'));
  const pci = categories.filter((c) => taxonomy.tags(c).some((t) => t === 'pci_chd' || t === 'pci_sad'));
  const sensitive = [...new Set([...special, ...children, ...pci])].sort();
  const flows = changed.filter((f) => f.rule === 'data-flow' && f.sink);
  const external = uniqueSinks(flows.filter((f) => EXTERNAL_KINDS.has(f.sink!.kind)));
  const profiling = uniqueSinks(flows.filter((f) => f.sink!.service && PROFILING_SERVICES.has(f.sink!.service)));
  // Automated decisions, large-scale profiling and new technology are DPIA criteria (EDPB WP248); analytics alone is not.
  const aiOrAds = flows.filter((f) => f.sink!.service === 'ai' || f.sink!.service === 'advertising');
  const flowChanges = review.manifest.changes.filter(
    (c) => c.entity === 'flow' && (c.change === 'added' || c.change === 'widened' || c.change === 'modified'),
  );
  const transferChanges = review.manifest.changes.filter(
    (c) => c.entity === 'flow' && c.fields?.some((f) => f === 'countries' || f === 'transferMechanism'),
  );
  const purposeChanges = review.manifest.changes.filter((c) => c.entity === 'purpose');
  const stored = changed.filter((f) => f.rule === 'pii-field' || (f.sink && STORING_KINDS.has(f.sink.kind)));
  const datasetChanges = review.manifest.changes.filter(
    (c) => (c.entity === 'dataset' || c.entity === 'dataset-field') && c.change !== 'removed',
  );
  const logging = changed.filter((f) => f.rule === 'pii-logging');
  const keys = (list: string[]) => list.map((c) => `${taxonomy.label(c)} (\`${c}\`)`).join(', ');

  const items: ReviewerItem[] = [];
  items.push({
    id: 'purpose-minimisation',
    title: 'Purpose and data minimisation',
    text: 'Every new field and flow serves a stated purpose, and only the data that purpose needs is collected or sent.',
    ...(categories.length
      ? {
          context: `Data in this PR: ${cap(
            categories.map((c) => `\`${c}\``),
            8,
          )}.`,
        }
      : {}),
    core: true,
  });
  if (review.drift.length || flows.length || purposeChanges.length) {
    items.push({
      id: 'purpose-limitation',
      title: 'Purpose limitation',
      text: 'Data collected for one purpose is not put to a new, incompatible one.',
      ...(review.drift.length
        ? { context: `Existing data goes to a new destination: ${cap(unique(review.drift.map((x) => `\`${x.sink}\``)), 5)}.` }
        : {}),
      core: false,
    });
  }
  if (special.length || purposeChanges.length || d.actionable.length)
    items.push({
      id: 'legal-basis',
      title: 'Legal basis',
      text: special.length
        ? 'Each purpose names its GDPR Art. 6 legal basis, and the special-category data an Art. 9(2) condition (Art. 10 authority for criminal data).'
        : 'Each purpose names its GDPR Art. 6 legal basis (consent is recorded and can be withdrawn where it is the basis).',
      ...(special.length ? { context: `Special categories: ${keys(special)}.` } : {}),
      core: true,
    });
  if (sensitive.length) {
    items.push({
      id: 'sensitive-uses',
      title: 'Sensitive data out of advertising, profiling and AI training',
      text: "Special-category, children's and payment-card data is not used for advertising, profiling or training AI models, and card data stays in the PCI scope.",
      context: `Sensitive data: ${keys(sensitive)}${profiling.length ? `; profiling or AI services in this PR: ${cap(profiling, 5)}` : ''}.`,
      core: false,
    });
  }
  if (external.length || flowChanges.length) {
    const vendors = external.length ? external : unique(flowChanges.map((c) => `\`${c.id}\``));
    items.push({
      id: 'vendors',
      title: 'Vendors',
      text: 'Every new vendor or external service has a data processing agreement and receives only the data it needs.',
      context: `New or changed destinations: ${cap(vendors, 6)}.`,
      core: false,
    });
    items.push({
      id: 'transfers',
      title: 'International transfers',
      text: 'The countries where each vendor processes the data are declared, with a transfer mechanism (adequacy, SCCs, BCRs) for any outside the EEA.',
      ...(transferChanges.length
        ? { context: `Countries or transfer mechanism changed for: ${cap(unique(transferChanges.map((c) => `\`${c.id}\``)), 6)}.` }
        : {}),
      core: false,
    });
  }
  const kept = unique(stored.map((f) => (f.rule === 'pii-field' ? `\`${f.symbol}\`` : `\`${f.sink!.id}\``)));
  if (stored.length || datasetChanges.length || external.length) {
    items.push({
      id: 'retention',
      title: 'Retention and deletion',
      text: 'New data has a retention period and is deleted when it ends, also at the vendors and in backups.',
      context: kept.length
        ? `Kept by this PR: ${cap(kept, 6)}.`
        : `Sent to: ${cap(external.length ? external : unique(datasetChanges.map((c) => `\`${c.id}\``)), 6)}.`,
      core: false,
    });
  }
  if (logging.length)
    items.push({
      id: 'logs',
      title: 'Nothing personal in logs, traces and analytics',
      text: 'Logs, error reports, traces and analytics events carry ids, not personal data.',
      context: `${logging.length === 1 ? '1 new log call' : `${logging.length} new log calls`} with personal data in this PR.`,
      core: false,
    });
  if (sensitive.length || stored.some((f) => f.severity === 'high')) {
    items.push({
      id: 'security',
      title: 'Security',
      text: 'The data is encrypted in transit and at rest, and access is limited to who needs it.',
      context: `High-severity or sensitive data kept or sent: ${cap(unique([...sensitive.map((c) => `\`${c}\``), ...stored.filter((f) => f.severity === 'high').map((f) => (f.rule === 'pii-field' ? `\`${f.symbol}\`` : `\`${f.sink!.id}\``))]), 6)}.`,
      core: false,
    });
  }
  if (stored.length || datasetChanges.length) {
    const where = unique(stored.map((f) => (f.rule === 'pii-field' ? `\`${f.symbol}\`` : `\`${f.sink!.id}\``)));
    items.push({
      id: 'data-subject-rights',
      title: 'Data-subject rights',
      text: 'Access, deletion and export requests still cover the new data.',
      ...(where.length ? { context: `New stored data: ${cap(where, 6)}.` } : {}),
      core: false,
    });
  }
  const dpiaTriggers = [
    ...(special.length ? ['special-category data'] : []),
    ...(children.length ? ["children's data"] : []),
    ...(aiOrAds.length ? ['advertising or AI services'] : []),
  ];
  if (dpiaTriggers.length) {
    items.push({
      id: 'dpia',
      title: 'DPIA',
      text: 'Decide whether a data protection impact assessment is needed, or an existing one must be updated.',
      context: `Likely needed: ${dpiaTriggers.join(', ')}.`,
      core: false,
    });
  }
  return items;
}

/** "Segment (`segment`)", or just "`http:api.example.com`" when the label is the id. */
function uniqueSinks(findings: Finding[]): string[] {
  return unique(
    findings.map(({ sink }) => (sink!.label && sink!.label !== sink!.id ? `${sink!.label} (\`${sink!.id}\`)` : `\`${sink!.id}\``)),
  );
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

function cap(items: string[], max: number): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

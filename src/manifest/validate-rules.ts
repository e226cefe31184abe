import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { categoryLists } from './categories.js';
import { countryName, needsTransferMechanism } from './data/countries.js';
import { LEGAL_BASES, SPECIAL_CATEGORY_CONDITIONS, TODO, TRANSFER_MECHANISMS, oneOf } from './data/legal.js';
import { entity, type Problems } from './problems.js';
import { inline } from '../yaml/quote.js';
import type { FlowKind, Manifest } from './types.js';

/** Flow kinds that keep data at rest: PCI DSS 3.3.1 forbids keeping sensitive authentication data there. */
export const AT_REST_KINDS: ReadonlySet<FlowKind> = new Set<FlowKind>([
  'storage',
  'datastore',
  'file',
  'logger',
  'error_reporter',
  'browser_storage',
]);

/** Warn this many days before an exception expires. */
const EXPIRY_NOTICE_DAYS = 14;

export interface RuleOptions {
  /** `YYYY-MM-DD`; exceptions that expired before it are errors. */
  today: string;
}

/** What a privacy reviewer would insist on, beyond the shape of the file. */
export function validateRules(m: Manifest, taxonomy: Taxonomy, options: RuleOptions, problems: Problems): void {
  specialCategories(m, taxonomy, problems);
  thirdParties(m, problems);
  pciSad(m, taxonomy, problems);
  sensitiveLogs(m, taxonomy, problems);
  exceptions(m, options.today, problems);
  fieldsNeedSymbolOrPath(m, problems);
  todos(m, problems);
}

/** GDPR Art. 9 / 10 data needs an Art. 9(2) condition (or Art. 10 basis) on the purpose that processes it. */
function specialCategories(m: Manifest, taxonomy: Taxonomy, problems: Problems): void {
  const topSpecial = taxonomy.keys().filter((k) => taxonomy.isSpecial(k) && !taxonomy.isSpecial(taxonomy.get(k)?.parent ?? ''));
  const coveredBy = memo((c: string) => topSpecial.filter((k) => k !== c && taxonomy.isWithin(k, c)));
  m.purposes.forEach((p, i) => {
    if (p.specialCategoryCondition) return;
    const special = p.categories.map((c, j) => ({ c, j })).filter(({ c }) => c && taxonomy.isSpecial(c));
    if (special.length) {
      const labels = [...new Set(special.map(({ c }) => inline(taxonomy.label(c))))].join(', ');
      problems.error(
        'special-needs-condition',
        ['purposes', i, 'categories', special[0].j],
        `${entity('purpose', p.id, i)} processes special-category data (${labels}) but has no specialCategoryCondition`,
        `add specialCategoryCondition: ${oneOf(Object.keys(SPECIAL_CATEGORY_CONDITIONS).slice(0, 3))}, ... (GDPR Art. 9(2); Art. 10 for criminal data)`,
      );
      return;
    }
    // A broad key (`user`, `user.demographic`) covers special categories without naming them.
    p.categories.forEach((c, j) => {
      if (!c) return;
      const covered = coveredBy(c);
      if (!covered.length) return;
      problems.warning(
        'broad-special-category',
        ['purposes', i, 'categories', j],
        `${entity('purpose', p.id, i)} lists ${c}, which covers special-category data (${covered.map((k) => inline(taxonomy.label(k))).join(', ')})`,
        'list the narrower categories the purpose really processes, or add a specialCategoryCondition if it processes special categories',
      );
    });
  });
}

/** Third parties need the countries where they process data; transfers outside the EEA/adequacy list a mechanism. */
function thirdParties(m: Manifest, problems: Problems): void {
  m.flows.forEach((f, i) => {
    const countries = (f.countries ?? []).filter(Boolean);
    if (f.kind === 'third_party' && !countries.length) {
      problems.error(
        'third-party-needs-countries',
        f.countries ? ['flows', i, 'countries'] : ['flows', i],
        `third-party ${entity('flow', f.id, i)} does not say where the data is processed`,
        'add countries: [US] (ISO 3166-1 alpha-2 codes of where the vendor processes it; check its DPA or sub-processor list)',
      );
    }
    if (f.transferMechanism) return;
    const outside = countries.filter((c) => c !== TODO && /^[A-Z]{2}$/.test(c) && needsTransferMechanism(c));
    if (!outside.length) return;
    problems.warning(
      'transfer-needs-mechanism',
      ['flows', i, 'countries', (f.countries ?? []).indexOf(outside[0])],
      `${entity('flow', f.id, i)} transfers data to ${outside.map(countryName).join(', ')}, outside the EEA and countries with an adequacy decision, without a transferMechanism`,
      `add transferMechanism: ${oneOf(
        Object.keys(TRANSFER_MECHANISMS)
          .filter((k) => k !== 'adequacy')
          .slice(0, 3),
      )}, ... (GDPR Chapter V)`,
    );
  });
}

/** PCI DSS 3.3.1: sensitive authentication data (CVV, PIN, track data) is never stored or logged, so it cannot be declared there. */
function pciSad(m: Manifest, taxonomy: Taxonomy, problems: Problems): void {
  const sadKeys = taxonomy.keys().filter((k) => taxonomy.isPciSad(k) && !taxonomy.isPciSad(taxonomy.get(k)?.parent ?? ''));
  const coveredBy = memo((c: string) => sadKeys.filter((k) => k !== c && taxonomy.isWithin(k, c)));
  for (const { path, list, where, index } of categoryLists(m)) {
    const place =
      where === 'dataset'
        ? 'a dataset'
        : where === 'logging'
          ? 'logging.allowedCategories'
          : where === 'flow' && AT_REST_KINDS.has(m.flows[index].kind)
            ? `a ${m.flows[index].kind} flow`
            : undefined;
    if (!place) continue;
    const verb =
      where === 'logging' || m.flows[index]?.kind === 'logger' || m.flows[index]?.kind === 'error_reporter' ? 'logged' : 'stored';
    list.forEach((c, j) => {
      if (!c) return;
      if (taxonomy.isPciSad(c)) {
        problems.error(
          'pci-sad-declared',
          [...path, j],
          `${inline(taxonomy.label(c))} (${c}) is PCI sensitive authentication data: it may never be ${verb}, so ${place} cannot declare it`,
          `remove it from the manifest and stop ${verb === 'logged' ? 'logging' : 'storing'} it in the code (PCI DSS 3.3.1)`,
        );
        return;
      }
      const covered = coveredBy(c);
      if (covered.length) {
        problems.warning(
          'broad-pci-sad',
          [...path, j],
          `${c} covers ${covered.map((k) => `${inline(taxonomy.label(k))} (${k})`).join(', ')}, which may never be ${verb}`,
          'list the narrower categories really meant; PCI sensitive authentication data must not be covered',
        );
      }
    });
  }
}

/** High-severity data allowed in logs (credentials, government ids, card numbers, special categories) is worth a second look. */
function sensitiveLogs(m: Manifest, taxonomy: Taxonomy, problems: Problems): void {
  m.logging.allowedCategories.forEach((c, i) => {
    if (!c || !taxonomy.has(c) || taxonomy.isPciSad(c) || taxonomy.severity([c]) !== 'high') return;
    problems.warning(
      'sensitive-in-logs',
      ['logging', 'allowedCategories', i],
      `logging.allowedCategories allows ${inline(taxonomy.label(c))} (${c}), high-severity data, in logs and error reports`,
      'redact it in the code instead (mask/redact helpers, logger redact paths), unless a log of it is really required',
    );
  });
}

function exceptions(m: Manifest, today: string, problems: Problems): void {
  m.exceptions.forEach((e, i) => {
    if (!e.rule && !e.paths?.length && !e.sink && !e.categories?.length) {
      problems.error(
        'exception-too-broad',
        ['exceptions', i],
        `${entity('exception', e.id, i)} applies to every finding`,
        'narrow it with rule, paths, sink or categories',
      );
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(e.expires)) return; // missing or malformed: the schema reports it
    const days = daysBetween(today, e.expires);
    if (days === undefined) {
      problems.error(
        'invalid-date',
        ['exceptions', i, 'expires'],
        `${entity('exception', e.id, i)} expires on ${e.expires}, which is not a date`,
        'write a real date as YYYY-MM-DD',
      );
    } else if (days < 0) {
      problems.error(
        'exception-expired',
        ['exceptions', i, 'expires'],
        `${entity('exception', e.id, i)} expired on ${e.expires}, renew or remove it`,
        'fix the code it excused, or set a new expires date with a reason that still holds',
      );
    } else if (days <= EXPIRY_NOTICE_DAYS) {
      problems.warning(
        'exception-expiring',
        ['exceptions', i, 'expires'],
        `${entity('exception', e.id, i)} expires on ${e.expires}, in ${days} day${days === 1 ? '' : 's'}`,
        'fix what it excuses or renew it',
      );
    }
  });
}

function fieldsNeedSymbolOrPath(m: Manifest, problems: Problems): void {
  m.datasets.forEach((d, i) =>
    d.fields.forEach((f, j) => {
      if (f.symbol === undefined && f.path === undefined) {
        problems.error(
          'missing-field',
          ['datasets', i, 'fields', j],
          `datasets[${i}].fields[${j}] needs a symbol or a path`,
          'e.g. symbol: User.email (or User.*), or path: "src/models/**"',
        );
      }
    }),
  );
}

/** TODO placeholders written by `manifest init`/`suggest`: valid, but a person still has to decide. */
function todos(m: Manifest, problems: Problems): void {
  const todo = (path: (string | number)[], what: string, hint: string) => problems.warning('todo', path, `${what} is still TODO`, hint);
  m.flows.forEach((f, i) => {
    f.countries?.forEach(
      (c, j) =>
        c === TODO &&
        todo(
          ['flows', i, 'countries', j],
          `${entity('flow', f.id, i)} countries`,
          'write the ISO 3166-1 codes of where the vendor processes the data, e.g. [US, IE]',
        ),
    );
    if (f.transferMechanism === TODO)
      todo(
        ['flows', i, 'transferMechanism'],
        `${entity('flow', f.id, i)} transferMechanism`,
        `use one of ${oneOf(Object.keys(TRANSFER_MECHANISMS))}`,
      );
  });
  m.purposes.forEach((p, i) => {
    if (p.dataUse === TODO)
      todo(
        ['purposes', i, 'dataUse'],
        `${entity('purpose', p.id, i)} dataUse`,
        'write a fideslang data use, e.g. essential.service, analytics.reporting, marketing.communications.email',
      );
    if (p.legalBasis === TODO)
      todo(['purposes', i, 'legalBasis'], `${entity('purpose', p.id, i)} legalBasis`, `use one of ${oneOf(Object.keys(LEGAL_BASES))}`);
    if (p.specialCategoryCondition === TODO) {
      todo(
        ['purposes', i, 'specialCategoryCondition'],
        `${entity('purpose', p.id, i)} specialCategoryCondition`,
        `use one of ${oneOf(Object.keys(SPECIAL_CATEGORY_CONDITIONS))}`,
      );
    }
    p.dataSubjects.forEach(
      (s, j) =>
        s === TODO &&
        todo(
          ['purposes', i, 'dataSubjects', j],
          `${entity('purpose', p.id, i)} dataSubjects`,
          'write whose data it is, e.g. [customer] or [employee]',
        ),
    );
  });
}

function memo<T>(fn: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, fn(key));
    return cache.get(key)!;
  };
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); undefined when `to` is not a real date. */
function daysBetween(from: string, to: string): number | undefined {
  const parse = (s: string) => {
    const [y, mo, d] = s.split('-').map(Number) as [number, number, number];
    const t = Date.UTC(y, mo - 1, d);
    const back = new Date(t);
    return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? t : undefined;
  };
  const a = parse(from);
  const b = parse(to);
  return a === undefined || b === undefined ? undefined : Math.round((b - a) / 86_400_000);
}

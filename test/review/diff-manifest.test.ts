import type { Manifest } from '../../src/manifest/types.js';
import { diffManifest, setDiff } from '../../src/review/diff-manifest.js';
import type { ManifestChange } from '../../src/review/types.js';

function manifest(): Manifest {
  return {
    version: 1,
    system: { name: 'shop', owner: '@acme/shop' },
    datasets: [
      {
        id: 'users',
        retention: 'P2Y',
        fields: [
          { symbol: 'User.email', categories: ['user.contact.email'] },
          { symbol: 'User.firstName', categories: ['user.name.first'] },
        ],
      },
    ],
    flows: [
      {
        id: 'segment',
        kind: 'third_party',
        categories: ['user.contact.email', 'user.unique_id'],
        countries: ['US'],
        processor: 'Segment',
        match: { packages: ['@segment/analytics-node'] },
      },
      { id: 'stripe', kind: 'third_party', categories: ['user.contact.email', 'user.name'] },
    ],
    purposes: [
      {
        id: 'analytics',
        dataUse: 'analytics.reporting',
        dataSubjects: ['customer'],
        categories: ['user.contact.email', 'user.unique_id'],
        legalBasis: 'consent',
        flows: ['segment'],
        datasets: [],
      },
    ],
    logging: { allowedCategories: ['user.unique_id'], redactors: ['maskEmail'] },
    exceptions: [{ id: 'legacy-export', rule: 'pii-logging', paths: ['src/legacy/**'], reason: 'being removed', expires: '2030-01-01' }],
  };
}

/** A copy of the manifest with `edit` applied. */
function edited(edit: (m: Manifest) => void): Manifest {
  const m = structuredClone(manifest());
  edit(m);
  return m;
}

const brief = (changes: ManifestChange[]) =>
  changes.map(
    (c) =>
      `${c.change} ${c.entity} ${c.id}${c.fields ? ` [${c.fields.join(',')}]` : ''}${c.added ? ` +${c.added.join(',')}` : ''}${c.removed ? ` -${c.removed.join(',')}` : ''}`,
  );

test.each<[string, (m: Manifest) => void, string[]]>([
  ['nothing', () => {}, []],
  [
    'every list and entry reordered',
    (m) => {
      m.flows.reverse();
      m.flows[1]!.categories.reverse();
      m.datasets[0]!.fields.reverse();
      m.purposes[0]!.categories.reverse();
      m.flows[1]!.match = { packages: ['@segment/analytics-node'] };
    },
    [],
  ],
  ['whitespace of a text field', (m) => (m.flows[0]!.processor = 'Segment \n'), []],
  ['flow added', (m) => m.flows.push({ id: 'openai', kind: 'third_party', categories: ['user.contact.email'] }), ['added flow openai']],
  ['flow removed', (m) => m.flows.splice(1, 1), ['removed flow stripe']],
  [
    'flow gets a category',
    (m) => m.flows[0]!.categories.push('user.contact.phone_number'),
    ['widened flow segment [categories] +user.contact.phone_number'],
  ],
  ['flow loses a category', (m) => m.flows[0]!.categories.splice(1, 1), ['narrowed flow segment [categories] -user.unique_id']],
  [
    'a category replaced by its parent widens',
    (m) => (m.flows[0]!.categories[0] = 'user.contact'),
    ['widened flow segment [categories] +user.contact'],
  ],
  [
    'a category replaced by its child narrows',
    (m) => (m.flows[1]!.categories[1] = 'user.name.first'),
    ['narrowed flow stripe [categories] -user.name'],
  ],
  ['a child added under a declared parent changes nothing', (m) => m.flows[1]!.categories.push('user.name.last'), []],
  [
    'a category swapped for another',
    (m) => (m.flows[0]!.categories[1] = 'user.device.ip_address'),
    ['widened flow segment [categories] +user.device.ip_address -user.unique_id'],
  ],
  ['flow gets a country', (m) => m.flows[0]!.countries!.push('in'), ['widened flow segment [countries] +IN']],
  ['flow loses its countries', (m) => delete m.flows[0]!.countries, ['narrowed flow segment [countries] -US']],
  ['flow matches more', (m) => (m.flows[1]!.match = { hosts: ['api.stripe.com'] }), ['widened flow stripe [match] +hosts:api.stripe.com']],
  [
    'flow fields modified',
    (m) => Object.assign(m.flows[0]!, { processor: 'Twilio', dpa: 'https://x/dpa' }),
    ['modified flow segment [processor,dpa]'],
  ],
  [
    'purpose added',
    (m) =>
      m.purposes.push({
        id: 'billing',
        dataUse: 'essential.service.payment_processing',
        dataSubjects: ['customer'],
        categories: ['user.name'],
        legalBasis: 'contract',
        flows: ['stripe'],
        datasets: [],
      }),
    ['added purpose billing'],
  ],
  ['purpose removed', (m) => (m.purposes = []), ['removed purpose analytics']],
  ['purpose uses another flow', (m) => m.purposes[0]!.flows.push('stripe'), ['widened purpose analytics [flows] +stripe']],
  ['purpose covers more', (m) => m.purposes[0]!.categories.push('user.name'), ['widened purpose analytics [categories] +user.name']],
  [
    'purpose concerns more subjects',
    (m) => m.purposes[0]!.dataSubjects.push('employee'),
    ['widened purpose analytics [dataSubjects] +employee'],
  ],
  ['purpose legal basis changed', (m) => (m.purposes[0]!.legalBasis = 'legitimate_interests'), ['modified purpose analytics [legalBasis]']],
  [
    'dataset added',
    (m) => m.datasets.push({ id: 'orders', fields: [{ symbol: 'Order.address', categories: ['user.contact.address'] }] }),
    ['added dataset orders'],
  ],
  ['dataset removed', (m) => (m.datasets = []), ['removed dataset users']],
  ['dataset retention', (m) => (m.datasets[0]!.retention = 'P5Y'), ['modified dataset users [retention]']],
  [
    'dataset field added',
    (m) => m.datasets[0]!.fields.push({ symbol: 'User.phone', categories: ['user.contact.phone_number'] }),
    ['added dataset-field users:User.phone +user.contact.phone_number'],
  ],
  ['dataset field removed', (m) => m.datasets[0]!.fields.pop(), ['removed dataset-field users:User.firstName -user.name.first']],
  [
    'dataset field widened to a parent',
    (m) => (m.datasets[0]!.fields[1]!.categories = ['user.name']),
    ['widened dataset-field users:User.firstName [categories] +user.name'],
  ],
  [
    'logging allows more',
    (m) => m.logging.allowedCategories.push('user.device.ip_address'),
    ['widened logging logging [allowedCategories] +user.device.ip_address'],
  ],
  ['logging allows less', (m) => (m.logging.allowedCategories = []), ['narrowed logging logging [allowedCategories] -user.unique_id']],
  ['a new redactor lets more through', (m) => m.logging.redactors.push('scrub'), ['widened logging logging [redactors] +scrub']],
  ['exception added', (m) => m.exceptions.push({ id: 'x', reason: 'r', expires: '2031-01-01' }), ['added exception x']],
  ['exception removed', (m) => (m.exceptions = []), ['removed exception legacy-export']],
  ['exception extended', (m) => (m.exceptions[0]!.expires = '2031-06-01'), ['widened exception legacy-export [expires]']],
  ['exception shortened', (m) => (m.exceptions[0]!.expires = '2029-06-01'), ['narrowed exception legacy-export [expires]']],
  [
    'exception loses its path filter: applies everywhere',
    (m) => delete m.exceptions[0]!.paths,
    ['widened exception legacy-export [paths] -src/legacy/**'],
  ],
  [
    'exception gets a category filter: applies to less',
    (m) => (m.exceptions[0]!.categories = ['user.contact']),
    ['narrowed exception legacy-export [categories] +user.contact'],
  ],
  [
    'exception covers another path',
    (m) => m.exceptions[0]!.paths!.push('src/old/**'),
    ['widened exception legacy-export [paths] +src/old/**'],
  ],
  ['exception rule dropped', (m) => delete m.exceptions[0]!.rule, ['widened exception legacy-export [rule] -pii-logging']],
  [
    'exception rule switched',
    (m) => (m.exceptions[0]!.rule = 'data-flow'),
    ['modified exception legacy-export [rule] +data-flow -pii-logging'],
  ],
  ['system owner', (m) => (m.system.owner = '@acme/platform'), ['modified system shop [owner]']],
])('%s', (_name, edit, expected) => {
  expect(brief(diffManifest(manifest(), edited(edit)))).toEqual(expected);
});

test('summaries are one line and name the entity and what changed', () => {
  const changes = diffManifest(
    manifest(),
    edited((m) => {
      m.flows[0]!.categories.push('user.contact.phone_number');
      m.flows[0]!.processor = 'Twilio';
      m.exceptions[0]!.expires = '2031-06-01';
    }),
  );
  expect(changes.map((c) => c.summary)).toEqual([
    'flow `segment`: may now receive user.contact.phone_number',
    'flow `segment` changed processor "Segment" -> "Twilio"',
    'exception `legacy-export` extended to 2031-06-01 (was 2030-01-01)',
  ]);
  for (const c of diffManifest(undefined, manifest())) expect(c.summary).not.toContain('\n');
});

test('a manifest added in the pull request lists everything it declares', () => {
  expect(brief(diffManifest(undefined, manifest()))).toEqual([
    'added system shop',
    'added dataset users',
    'added flow segment',
    'added flow stripe',
    'added purpose analytics',
    'widened logging logging [allowedCategories] +user.unique_id',
    'widened logging logging [redactors] +maskEmail',
    'added exception legacy-export',
  ]);
  expect(diffManifest(undefined, manifest())[0]!.summary).toBe('data-flow manifest added (system `shop`)');
});

test('a manifest removed in the pull request', () => {
  const changes = diffManifest(manifest(), undefined);
  expect(changes[0]).toMatchObject({ change: 'removed', entity: 'system' });
  expect(brief(changes)).toContain('removed flow segment');
  expect(diffManifest(undefined, undefined)).toEqual([]);
});

test('duplicate ids: the first entry counts on both sides', () => {
  const base = edited((m) => m.flows.push({ id: 'segment', kind: 'http', categories: [] }));
  const head = edited((m) => m.flows.push({ id: 'segment', kind: 'file', categories: ['user'] }));
  expect(diffManifest(base, head)).toEqual([]);
});

test.each<[string[], string[], boolean, { added: string[]; removed: string[] }]>([
  [['a.b'], ['a'], true, { added: ['a'], removed: [] }],
  [['a'], ['a.b'], true, { added: [], removed: ['a'] }],
  [['a.b'], ['a.b.c', 'a.b'], true, { added: [], removed: [] }],
  [['ab'], ['a'], true, { added: ['a'], removed: ['ab'] }],
  [['a.b'], ['a'], false, { added: ['a'], removed: ['a.b'] }],
  [['x', 'x'], [], false, { added: [], removed: ['x'] }],
])('setDiff(%j, %j, hierarchical %s)', (base, head, hierarchical, expected) => {
  expect(setDiff(base, head, hierarchical)).toEqual(expected);
});

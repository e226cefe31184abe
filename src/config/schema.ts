import { APP_KEYS } from './app-keys.js';
import { SENSITIVITY_TAGS } from '../taxonomy/tags.js';

/**
 * JSON Schema (draft-07) of `.privacy-review.yml`. The source of truth: `schemas/privacy-review-config.schema.json`
 * is this object written out (`npm run schema`; a test keeps them equal) so that editors can validate
 * the file too. `x-hint` says what to do when a value is wrong; the loader appends it to the message.
 */

const RULES = ['pii-field', 'pii-logging', 'data-flow'];
const SEVERITIES = ['high', 'medium', 'low'];
const SINK_KINDS = ['logger', 'error_reporter', 'third_party', 'http', 'datastore', 'queue', 'storage', 'file', 'browser_storage', 'token'];
/** The taxonomy's key syntax (src/taxonomy/taxonomy.ts); whether a key exists is checked after the schema. */
const CATEGORY_KEY = '^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$';

const globList = (what: string, example: string) => ({
  type: 'array',
  items: { type: 'string', minLength: 1, 'x-hint': `write each glob as a non-empty string, e.g. "${example}"` },
  description: what,
  'x-hint': `write a list of globs, e.g. [${JSON.stringify(example)}]`,
});

const nameList = (what: string, example: string) => ({
  type: 'array',
  items: { type: 'string', minLength: 1 },
  description: what,
  'x-hint': `write a list of strings, e.g. [${JSON.stringify(example)}]`,
});

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'privacy-review configuration (.privacy-review.yml)',
  type: 'object',
  additionalProperties: false,
  'x-hint': 'the file must be a mapping of settings, e.g. "failOn: medium"',
  properties: {
    ...Object.fromEntries(
      APP_KEYS.map((key) => [
        key,
        { description: 'GitHub App setting (see the README, "GitHub App"); validated by the App, ignored by the CLI.' },
      ]),
    ),
    include: globList(
      'Globs (relative to the scan root) of files to analyze. Replaces the default (all TS/JS files and .prisma schemas).',
      'src/**/*.ts',
    ),
    exclude: globList('Globs never analyzed, on top of node_modules, build output and .gitignore.', 'src/generated/**'),
    ignore: {
      type: 'array',
      description: 'Findings to keep but mark as suppressed, each with the reason they are acceptable.',
      'x-hint': 'write a list of entries like {paths: ["test/**"], reason: "test data only"}',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['paths', 'reason'],
        'x-hint': 'each entry needs paths (a list of globs) and a reason, e.g. {paths: ["test/**"], reason: "fixtures hold fake data"}',
        properties: {
          paths: { ...globList('Globs of files whose findings are suppressed.', 'test/**'), minItems: 1 },
          rules: {
            type: 'array',
            minItems: 1,
            description: 'Only these rules (default: all).',
            'x-hint': `list rule ids: ${RULES.join(', ')}`,
            items: { type: 'string', enum: RULES },
          },
          reason: {
            type: 'string',
            minLength: 1,
            pattern: '\\S',
            description: 'Why these findings are acceptable; shown in reports and SARIF suppressions.',
            'x-hint': 'say why these findings are acceptable, e.g. reason: "fixtures hold fake data"',
          },
        },
      },
    },
    failOn: {
      type: 'string',
      enum: SEVERITIES,
      description: 'Lowest severity of an unsuppressed finding that makes the CLI exit with 1 (default: high).',
      'x-hint': `use one of ${SEVERITIES.join(', ')} (use --fail-on none on the command line to never fail)`,
    },
    maxFileBytes: {
      type: 'integer',
      minimum: 1,
      description: 'Files larger than this are skipped with a reason (default: 1000000).',
      'x-hint': 'write a whole number of bytes, e.g. maxFileBytes: 2000000',
    },
    gitignore: {
      type: 'boolean',
      description: 'Honour .gitignore files (default: true).',
      'x-hint': 'write true or false',
    },
    includeTests: {
      type: 'boolean',
      description:
        'Analyze tests, end-to-end suites, fixtures, mocks, storybook stories, seed data, examples, one-off migrations and vendored code too (default: false: they carry fake data or run once by hand, and do not ship; a file there that analyzed code imports is analyzed anyway).',
      'x-hint': 'write true or false',
    },
    classifier: {
      type: 'object',
      additionalProperties: false,
      description: 'Extensions of the personal-data classifier.',
      'x-hint': 'write a mapping with any of categories, names, patterns, ignore',
      properties: {
        categories: {
          type: 'array',
          description: 'New data categories, added to the taxonomy.',
          'x-hint': 'write a list of entries like {key: "user.unique_id.loyalty_id", parent: "user.unique_id", severity: medium}',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['key'],
            'x-hint': 'each category needs a key, e.g. {key: "user.unique_id.loyalty_id"}',
            properties: {
              key: {
                type: 'string',
                pattern: CATEGORY_KEY,
                description: 'Dotted key under its parent, e.g. user.unique_id.loyalty_id.',
                'x-hint': 'use a dotted key, e.g. user.unique_id.loyalty_id',
              },
              parent: {
                type: 'string',
                pattern: CATEGORY_KEY,
                description: 'Existing category it refines (default: the key without its last segment).',
                'x-hint': 'use an existing dotted category key, e.g. user.unique_id',
              },
              name: { type: 'string', minLength: 1 },
              label: { type: 'string', minLength: 1, description: 'Human label shown in reports.' },
              tags: {
                type: 'array',
                items: { type: 'string', enum: SENSITIVITY_TAGS },
                description: 'Legal sensitivity tags; gdpr9, gdpr10, cpra_spi, pci_chd and pci_sad make the category high severity.',
                'x-hint': `list tags from ${SENSITIVITY_TAGS.join(', ')}`,
              },
              severity: { type: 'string', enum: SEVERITIES, 'x-hint': `use one of ${SEVERITIES.join(', ')}` },
            },
          },
        },
        names: {
          type: 'object',
          description: 'Extra identifier names per category key, e.g. {"user.contact.email": [courriel_pro]}.',
          'x-hint': 'map a category key to a list of names, e.g. user.contact.email: [courriel_pro]',
          propertyNames: { pattern: CATEGORY_KEY, 'x-hint': 'use a dotted category key, e.g. user.contact.email' },
          additionalProperties: nameList('Identifier names.', 'courriel_pro'),
        },
        patterns: {
          type: 'object',
          description: 'Regular expressions on identifier names (normalised to snake_case: customer_email_address) per category key.',
          'x-hint': 'map a category key to a list of regular expressions, e.g. user.government_id: ["^nir$"]',
          propertyNames: { pattern: CATEGORY_KEY, 'x-hint': 'use a dotted category key, e.g. user.government_id' },
          additionalProperties: nameList('Regular expressions (JavaScript syntax).', '^nir$'),
        },
        ignore: nameList('Identifier names that are never personal data in this project.', 'emailTemplate'),
      },
    },
    sinks: {
      type: 'array',
      description: 'Project-specific places where data leaves the process (in-house SDKs and wrappers).',
      'x-hint': 'write a list of entries like {id: acme, kind: third_party, package: "@acme/sdk", call: track}',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'kind', 'package', 'call'],
        'x-hint': 'each sink needs id, kind, package and call, e.g. {id: acme, kind: third_party, package: "@acme/sdk", call: track}',
        properties: {
          id: { type: 'string', minLength: 1, description: 'Stable id used in findings and manifests.' },
          kind: { type: 'string', enum: SINK_KINDS, 'x-hint': `use one of ${SINK_KINDS.join(', ')}` },
          package: { type: 'string', minLength: 1, description: 'npm package the sink is imported from.' },
          call: {
            type: 'string',
            pattern: '^[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*$',
            description: 'Member path suffix, dot separated: track, chat.completions.create.',
            'x-hint': 'write a dotted member path such as track or chat.completions.create',
          },
          args: {
            type: 'array',
            items: { type: 'integer', minimum: 0, 'x-hint': 'argument positions are whole numbers from 0, e.g. [0, 1]' },
            description: 'Data-carrying argument positions, 0-based (default: all).',
            'x-hint': 'write a list of 0-based argument positions, e.g. [0, 1]',
          },
          label: { type: 'string' },
          service: { type: 'string', description: 'Kind of service: analytics, ai, email, sms, payments, crm, ...' },
        },
      },
    },
    analyzers: {
      ...nameList(
        'Custom analyzers (ES modules exporting { meta, create }), as paths relative to this file or package names. Loaded by the CLI only when this file is passed with --config; the GitHub App never loads them from a repository.',
        './tools/privacy/acme-telemetry.mjs',
      ),
    },
    redactors: {
      ...nameList('Extra function or method names that redact personal data (in addition to mask, redact, anonymize, ...).', 'scrubPii'),
      items: { type: 'string', pattern: '^[A-Za-z_$][\\w$]*$', 'x-hint': 'write a function or method name, e.g. scrubPii' },
    },
  },
} as const;

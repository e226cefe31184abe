import { Taxonomy } from '../taxonomy/taxonomy.js';
import { DATA_SUBJECTS, DATA_USES } from './data/fideslang.js';
import { FLOW_KINDS, LEGAL_BASES, RESPONSIBILITIES, SPECIAL_CATEGORY_CONDITIONS, TODO, TRANSFER_MECHANISMS, oneOf } from './data/legal.js';

/**
 * JSON Schema (draft-07) of the data-flow manifest (`.privacy/manifest.yml`). The source of truth:
 * `schemas/manifest.schema.json` is this object written out (a test keeps them equal; regenerate with
 * `UPDATE_SCHEMA=1 npx jest test/manifest/schema-file.test.ts`) so that editors validate and
 * autocomplete the file. `x-hint` says what to do when a value is wrong.
 *
 * The schema checks shape only. Whether keys exist in the taxonomy, references resolve and the
 * reviewer rules hold is checked after it (validate-*.ts), with positions and "did you mean".
 */

const RULES = ['pii-field', 'pii-logging', 'data-flow'];
/** The taxonomy's key syntax (src/taxonomy/taxonomy.ts). */
const KEY = '^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$';
const NOT_BLANK = '\\S';

const described = (values: Readonly<Record<string, string>>) =>
  Object.entries(values)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');

/** An enum that also takes the TODO placeholder (a warning until someone decides). */
const enumOrTodo = (values: Readonly<Record<string, string>>, what: string, example: string) => ({
  type: 'string',
  enum: [...Object.keys(values), TODO],
  description: `${what} One of: ${described(values)}. ${TODO} is a placeholder that \`manifest check\` reports as a warning.`,
  'x-hint': `use one of ${oneOf(Object.keys(values))}, e.g. ${example}`,
});

const text = (description: string, hint?: string) => ({
  type: 'string',
  minLength: 1,
  pattern: NOT_BLANK,
  description,
  ...(hint ? { 'x-hint': hint } : {}),
});

const stringList = (description: string, example: string) => ({
  type: 'array',
  items: { type: 'string', minLength: 1, pattern: NOT_BLANK, 'x-hint': `write each entry as a non-empty string, e.g. ${example}` },
  description,
  'x-hint': `write a list, e.g. [${example}]`,
});

const id = (what: string, example: string) => ({
  type: 'string',
  pattern: '^\\S+$',
  description: `Unique id of this ${what}, e.g. ${example}.`,
  'x-hint': `write an id without spaces, e.g. ${example}`,
});

const retention = text(
  'How long the data is kept: an ISO 8601 duration (P30D, P2Y) or words ("until account deletion").',
  'e.g. retention: P2Y',
);

const categories = (description: string) => ({
  type: 'array',
  items: { $ref: '#/definitions/category' },
  description,
  'x-hint': 'write a list of data category keys, e.g. [user.contact.email, user.name]',
});

export const MANIFEST_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'privacy-review data-flow manifest (.privacy/manifest.yml)',
  description:
    'What a system declares about the personal data its code holds (datasets), where it sends it (flows), why (purposes), what may appear in logs, and time-limited exceptions. Data categories are fideslang keys; a key covers its descendants.',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'system'],
  'x-hint': 'the manifest is a mapping that starts with "version: 1" and "system: {name: ...}"',
  properties: {
    version: { type: 'integer', enum: [1], description: 'Manifest format version. Always 1.', 'x-hint': 'write version: 1' },
    system: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      description: 'The system (service, app) this manifest describes.',
      'x-hint': 'write a mapping, e.g. system: {name: shop, owner: "@acme/shop"}',
      properties: {
        name: text('Name of the system, e.g. shop.', 'e.g. name: shop'),
        description: text('What the system does.'),
        owner: text('Owning team, e.g. @acme/payments.'),
        responsibility: {
          type: 'string',
          enum: Object.keys(RESPONSIBILITIES),
          description: `The organisation's GDPR role for this system. ${described(RESPONSIBILITIES)}.`,
          'x-hint': `use one of ${oneOf(Object.keys(RESPONSIBILITIES))}`,
        },
        dpo: text('Data protection officer or privacy contact (e-mail or team).'),
      },
    },
    datasets: {
      type: 'array',
      description: 'Where personal data is held: models, tables, schemas. Declares pii-field findings.',
      'x-hint': 'write a list of datasets, e.g. - {id: users, fields: [{symbol: "User.email", categories: [user.contact.email]}]}',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'fields'],
        'x-hint':
          'each dataset needs an id and fields, e.g. {id: users, fields: [{symbol: "User.email", categories: [user.contact.email]}]}',
        properties: {
          id: id('dataset', 'users'),
          description: text('What the dataset holds.'),
          retention,
          fields: {
            type: 'array',
            description: 'The personal fields of the dataset, by code symbol or file glob.',
            'x-hint': 'write a list, e.g. - {symbol: "User.email", categories: [user.contact.email]}',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['categories'],
              'x-hint': 'each field needs a symbol (or path) and categories, e.g. {symbol: "User.email", categories: [user.contact.email]}',
              properties: {
                symbol: text('Code symbol: User.email, User.* (every field of User), users.email (a table).', 'e.g. symbol: User.email'),
                path: text('Glob of files whose fields this entry covers, e.g. src/models/**.', 'e.g. path: "src/models/**"'),
                categories: { ...categories('Data categories of the field(s).'), minItems: 1 },
                retention,
                description: text('What the field holds.'),
              },
            },
          },
        },
      },
    },
    flows: {
      type: 'array',
      description: 'Egress destinations: where personal data leaves the process. Declares data-flow findings by sink id.',
      'x-hint': 'write a list of flows, e.g. - {id: segment, kind: third_party, categories: [user.contact.email], countries: [US]}',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'kind', 'categories'],
        'x-hint': 'each flow needs id, kind and categories, e.g. {id: segment, kind: third_party, categories: [user.contact.email]}',
        properties: {
          id: id('flow: normally the sink id the scan reports (segment, kafka:user-events, http:api.example.com)', 'segment'),
          kind: {
            type: 'string',
            enum: Object.keys(FLOW_KINDS),
            description: `Kind of destination. ${described(FLOW_KINDS)}.`,
            'x-hint': `use one of ${oneOf(Object.keys(FLOW_KINDS))}`,
          },
          description: text('What is sent and why.'),
          match: {
            type: 'object',
            additionalProperties: false,
            description: 'Further sink ids, packages, hosts or topics this flow stands for (besides its own id).',
            'x-hint': 'write a mapping with any of sinks, packages, hosts, topics, e.g. {hosts: [api.example.com]}',
            properties: {
              sinks: stringList('Sink ids.', 'segment'),
              packages: stringList('npm packages.', '"@segment/analytics-node"'),
              hosts: stringList('HTTP hosts.', 'api.example.com'),
              topics: stringList('Queue topics or names.', 'user-events'),
            },
          },
          categories: categories('Data categories this destination may receive (may be empty for a vendor that receives none).'),
          countries: {
            type: 'array',
            items: {
              type: 'string',
              pattern: `^([A-Z]{2}|${TODO})$`,
              'x-hint': 'write ISO 3166-1 alpha-2 codes in capitals, e.g. US, DE, GB',
            },
            description: `ISO 3166-1 alpha-2 countries where the data is processed; required for third parties. ${TODO} is a placeholder (warning).`,
            'x-hint': 'write a list of country codes, e.g. [US, IE]',
          },
          transferMechanism: enumOrTodo(
            TRANSFER_MECHANISMS,
            'How a transfer outside the EEA and adequate countries is made lawful.',
            'scc',
          ),
          processor: text('Legal name of the processor or vendor.'),
          dpa: text('Reference to the data processing agreement (URL or document id).'),
          retention,
        },
      },
    },
    purposes: {
      type: 'array',
      description: 'Privacy declarations: why data is processed, on which legal basis, by which flows and datasets.',
      'x-hint':
        'write a list of purposes, e.g. - {id: analytics, dataUse: analytics.reporting, dataSubjects: [customer], categories: [user.contact.email], legalBasis: consent, flows: [segment]}',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'dataUse', 'dataSubjects', 'categories', 'legalBasis'],
        'x-hint': 'each purpose needs id, dataUse, dataSubjects, categories and legalBasis',
        properties: {
          id: id('purpose', 'product-analytics'),
          dataUse: {
            type: 'string',
            pattern: KEY,
            examples: DATA_USES.map((u) => u.key),
            description: `fideslang data use key, e.g. essential.service.payment_processing, analytics.reporting. ${TODO} is a placeholder (warning).`,
            'x-hint': 'write a dotted data use key, e.g. analytics.reporting',
          },
          description: text('The purpose in plain words.'),
          dataSubjects: {
            type: 'array',
            items: {
              type: 'string',
              pattern: KEY,
              examples: DATA_SUBJECTS.map((s) => s.key),
              'x-hint': 'write a data subject key, e.g. customer',
            },
            description: `fideslang data subject keys: whose data this is, e.g. customer, employee. ${TODO} is a placeholder (warning).`,
            'x-hint': 'write a list, e.g. [customer]',
          },
          categories: categories('Data categories processed for this purpose.'),
          legalBasis: enumOrTodo(LEGAL_BASES, 'GDPR Art. 6(1) legal basis.', 'consent'),
          specialCategoryCondition: enumOrTodo(
            SPECIAL_CATEGORY_CONDITIONS,
            'Required when the purpose processes special categories (GDPR Art. 9 health, biometric, ... or Art. 10 criminal data).',
            'explicit_consent',
          ),
          retention,
          flows: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            description: 'Ids of the flows that serve this purpose.',
            'x-hint': 'write a list of flow ids, e.g. [segment]',
          },
          datasets: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            description: 'Ids of the datasets that serve this purpose.',
            'x-hint': 'write a list of dataset ids, e.g. [users]',
          },
        },
      },
    },
    logging: {
      type: 'object',
      additionalProperties: false,
      description: 'What may appear in logs and error reports. Declares pii-logging findings.',
      'x-hint': 'write a mapping, e.g. logging: {allowedCategories: [user.device.ip_address], redactors: [maskEmail]}',
      properties: {
        allowedCategories: categories(
          'Categories that may appear in logs and error reports, e.g. user.device.ip_address for security logs.',
        ),
        redactors: {
          type: 'array',
          items: { type: 'string', pattern: '^[A-Za-z_$][\\w$]*$', 'x-hint': 'write a function or method name, e.g. maskEmail' },
          description: 'Redaction helpers the project uses (function names).',
          'x-hint': 'write a list of function names, e.g. [maskEmail]',
        },
      },
    },
    exceptions: {
      type: 'array',
      description: 'Time-limited acceptances of otherwise undeclared findings, each with a reason and an expiry date.',
      'x-hint': 'write a list, e.g. - {id: legacy-export, rule: pii-logging, paths: ["scripts/**"], reason: "...", expires: 2025-12-31}',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'reason', 'expires'],
        'x-hint':
          'each exception needs id, reason and expires, e.g. {id: legacy-export, reason: "migration until Q3", expires: 2025-09-30}',
        properties: {
          id: id('exception', 'legacy-export'),
          rule: { type: 'string', enum: RULES, description: 'Only findings of this rule.', 'x-hint': `use one of ${oneOf(RULES)}` },
          paths: { ...stringList('Globs of files it applies to.', '"scripts/**"'), minItems: 1 },
          sink: text('Sink id it applies to, e.g. openai.', 'e.g. sink: openai'),
          categories: { ...categories('Only these data categories (a key covers its descendants).'), minItems: 1 },
          reason: text(
            'Why the finding is acceptable for now; shown in reviews.',
            'say why, e.g. reason: "export script is removed in #123"',
          ),
          expires: {
            type: 'string',
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
            description: 'YYYY-MM-DD. After this date the exception no longer applies and `manifest check` reports it.',
            'x-hint': 'write a date as YYYY-MM-DD, e.g. expires: 2025-12-31',
          },
          approvedBy: text('Who approved it.'),
        },
      },
    },
  },
  definitions: {
    category: {
      type: 'string',
      pattern: KEY,
      description: 'A fideslang data category key (or a project key declared in the scan configuration); it covers its descendants.',
      examples: Taxonomy.default().keys(),
      'x-hint': 'write a dotted data category key, e.g. user.contact.email',
    },
  },
} as const;

import { ts } from '#ts-morph';
import type { TypeHint } from '../../src/classifier/classifier.js';
import { dictionary } from '../../src/shared/dictionary.js';

/**
 * Column and validator type names of the ORMs and schema libraries we read, reduced to the coarse
 * TypeHint the classifier understands. Keys are normalised: lower case, letters and digits only, so
 * `DataTypes.DATEONLY`, `'timestamp with time zone'`, `doublePrecision` and Prisma `DateTime` all
 * land here. A name that is not listed gives no hint (the field is classified by its name alone).
 */
const HINTS = Object.create(null) as Record<string, TypeHint | undefined>;
const groups: [TypeHint, string[]][] = [
  [
    'string',
    [
      'string',
      'str',
      'text',
      'varchar',
      'char',
      'character',
      'charactervarying',
      'nvarchar',
      'nchar',
      'citext',
      'tinytext',
      'mediumtext',
      'longtext',
      'uuid',
      'id',
      'objectid',
      'inet',
      'cidr',
      'macaddr',
      'email',
      'url',
      'uri',
      'bpchar',
    ],
  ],
  [
    'number',
    [
      'number',
      'int',
      'integer',
      'int2',
      'int4',
      'int8',
      'int32',
      'int64',
      'smallint',
      'tinyint',
      'mediumint',
      'float',
      'float4',
      'float8',
      'double',
      'doubleprecision',
      'decimal',
      'decimal128',
      'numeric',
      'real',
      'serial',
      'smallserial',
      'bigserial',
      'increments',
      'bigincrements',
      'biginteger',
      'tinyinteger',
      'smallinteger',
      'mediuminteger',
      'money',
      'smallmoney',
      'year',
      'long',
      'float32',
      'float64',
      'version',
      'versioncolumn',
      'positive',
      'negative',
      'min',
      'max',
    ],
  ],
  ['bigint', ['bigint']],
  ['boolean', ['boolean', 'bool', 'bit']],
  [
    'date',
    [
      'date',
      'datetime',
      'datetime2',
      'timestamp',
      'timestamptz',
      'timestampwithtimezone',
      'timestampwithouttimezone',
      'time',
      'timetz',
      'dateonly',
      'smalldatetime',
      'datetimeoffset',
      'isodate',
      'isodatetime',
      'graphqlisodatetime',
      'createdatecolumn',
      'updatedatecolumn',
      'deletedatecolumn',
      'datestring',
      'iso8601',
    ],
  ],
  ['enum', ['enum', 'enu', 'simpleenum', 'nativeenum', 'literal', 'in', 'valid', 'oneof']],
  ['object', ['json', 'jsonb', 'simplejson', 'mixed', 'object', 'map', 'hstore', 'record']],
  ['array', ['array', 'simplearray']],
];
for (const [hint, names] of groups) for (const n of names) HINTS[n] = hint;

function normaliseTypeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** TypeHint of an ORM / validator type name (`String`, `DataTypes.BOOLEAN`, `'timestamptz'`, `z.boolean`). */
export function hintOfTypeName(name: string | undefined): TypeHint | undefined {
  if (!name) return undefined;
  return HINTS[normaliseTypeName(name)];
}

/** `Boolean`, `Int`, `[String]` (a list of X is X), `DataType.DATE`, `DataType.STRING(50)`. */
export function hintOfTypeExpression(e: ts.Expression): TypeHint | undefined {
  if (ts.isArrayLiteralExpression(e)) return e.elements[0] ? hintOfTypeExpression(e.elements[0]) : 'array';
  if (ts.isCallExpression(e)) return hintOfTypeExpression(e.expression);
  if (ts.isIdentifier(e)) return hintOfTypeName(e.text);
  if (ts.isPropertyAccessExpression(e)) return hintOfTypeName(e.name.text);
  if (ts.isStringLiteral(e)) return hintOfTypeName(e.text);
  return undefined;
}

/**
 * Declarations that say what a value is whatever the field is called (`z.string().email()`,
 * `@IsEmail()`): the canonical field name the classifier knows for that kind of value. Classifying
 * the canonical name keeps the category key in the classifier's (possibly customised) taxonomy.
 */
const SIGNALS = dictionary<string>({
  email: 'email',
  ip: 'ip_address',
  ipv4: 'ip_address',
  ipv6: 'ip_address',
  phonenumber: 'phone_number',
  mobilephone: 'phone_number',
  creditcard: 'credit_card_number',
  iban: 'iban',
  postalcode: 'postal_code',
});

/** Canonical field name for a validator method (`email`) or validation decorator (`IsEmail`), if it names a kind of personal data. */
export function signalName(methodOrDecorator: string): string | undefined {
  return SIGNALS[normaliseTypeName(methodOrDecorator).replace(/^is(?=[a-z])/, '')];
}

/** Hint of a class-validator / GraphQL / ORM decorator name: `IsBoolean`, `IsDateString`, `CreateDateColumn`. */
export function hintOfDecoratorName(name: string): TypeHint | undefined {
  return hintOfTypeName(name) ?? hintOfTypeName(name.replace(/^Is(?=[A-Z])/, ''));
}

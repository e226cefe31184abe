import { ts } from '#ts-morph';
import type { TypeHint } from '../../src/classifier/classifier.js';
import { hintOfDecoratorName, hintOfTypeExpression, hintOfTypeName, signalName } from './column-hints.js';
import { propertyValue } from './syntax.js';

/**
 * What ORM, GraphQL and validation decorators say about a class and its fields: TypeORM `@Entity` /
 * `@Column({ type: 'boolean' })`, sequelize-typescript `@Table` / `@Column(DataType.DATE)`, NestJS
 * `@ObjectType` / `@Field(() => Int)`, `@nestjs/mongoose` `@Schema` / `@Prop({ type: Boolean })`,
 * class-validator `@IsEmail()` / `@IsBoolean()`. Read by decorator name only: imports are unresolved.
 */

/** Class decorators that make a class a data model (entity, DTO, GraphQL type, mongoose schema). */
const MODEL_CLASS = new Set([
  'Entity',
  'ViewEntity',
  'ChildEntity',
  'Table',
  'ObjectType',
  'InputType',
  'ArgsType',
  'InterfaceType',
  'Schema',
  'modelOptions',
  'Embeddable',
  'Document',
  'Collection',
  'Model',
]);

/** Field decorators that mark a stored or validated field (besides every `...Column` and class-validator `Is...`). */
const MODEL_FIELD = new Set([
  'Field',
  'Prop',
  'prop',
  'Property',
  'PrimaryKey',
  'ApiProperty',
  'ApiPropertyOptional',
  'Expose',
  'ValidateNested',
  'Length',
  'MinLength',
  'MaxLength',
  'Min',
  'Max',
  'Matches',
  'AllowNull',
  'Unique',
  'Default',
  'Attribute',
  'Enum',
]);

/** Base classes of ORM models: sequelize `Model`, TypeORM active-record `BaseEntity`, mongoose `Document`. */
const MODEL_BASE = new Set(['Model', 'BaseEntity', 'Document']);

interface DecoratorRef {
  name: string;
  args: readonly ts.Expression[];
}

export function decoratorsOf(node: ts.Node): DecoratorRef[] {
  if (!ts.canHaveDecorators(node)) return [];
  const out: DecoratorRef[] = [];
  for (const d of ts.getDecorators(node) ?? []) {
    const e = d.expression;
    const callee = ts.isCallExpression(e) ? e.expression : e;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (name) out.push({ name, args: ts.isCallExpression(e) ? e.arguments : [] });
  }
  return out;
}

/** True when the class is an ORM entity/model, DTO or GraphQL type rather than a plain class. */
export function isModelClass(node: ts.ClassLikeDeclaration): boolean {
  if (decoratorsOf(node).some((d) => MODEL_CLASS.has(d.name))) return true;
  for (const clause of node.heritageClauses ?? []) {
    if (clause.token !== ts.SyntaxKind.ExtendsKeyword) continue;
    for (const t of clause.types) {
      const e = t.expression;
      const name = ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : undefined;
      if (name && MODEL_BASE.has(name)) return true;
    }
  }
  return node.members.some((m) => decoratorsOf(m).some((d) => isFieldMark(d.name)));
}

function isFieldMark(name: string): boolean {
  return MODEL_FIELD.has(name) || name.endsWith('Column') || /^Is[A-Z]/.test(name);
}

export interface FieldFacts {
  hint?: TypeHint;
  signal?: string;
  column?: string;
}

/** Type hint, validator signal and column name from a field's decorators. */
export function fieldFacts(member: ts.Node): FieldFacts {
  const facts: FieldFacts = {};
  for (const d of decoratorsOf(member)) {
    facts.signal ??= signalName(d.name);
    facts.hint ??= hintOfArgs(d) ?? hintOfDecoratorName(d.name);
    facts.column ??= columnName(d);
  }
  return facts;
}

/** `@Column('boolean')`, `@Column({ type: 'date' })`, `@Prop({ type: Boolean })`, `@Field(() => Int)`, `@Column(DataType.DATE)`. */
function hintOfArgs(d: DecoratorRef): TypeHint | undefined {
  const first = d.args[0];
  if (!first) return undefined;
  if (ts.isStringLiteral(first)) return d.name.endsWith('Column') ? hintOfTypeName(first.text) : undefined;
  if (ts.isArrowFunction(first) && ts.isExpression(first.body)) return hintOfTypeExpression(first.body);
  if (ts.isPropertyAccessExpression(first)) return hintOfTypeExpression(first);
  for (const arg of d.args) {
    if (!ts.isObjectLiteralExpression(arg)) continue;
    const type = propertyValue(arg, 'type');
    if (type) return ts.isStringLiteral(type) ? hintOfTypeName(type.text) : hintOfTypeExpression(type);
  }
  return undefined;
}

/** `@Column({ name: 'email_address' })` (TypeORM), `@Column({ field: 'email_address' })` (sequelize-typescript). */
function columnName(d: DecoratorRef): string | undefined {
  for (const arg of d.args) {
    if (!ts.isObjectLiteralExpression(arg)) continue;
    const v = propertyValue(arg, 'name') ?? propertyValue(arg, 'field');
    if (v && ts.isStringLiteral(v)) return v.text;
  }
  return undefined;
}

import { ts } from '#ts-morph';
import type { SinkMatch } from '../sinks/types.js';
import { propertyNameText, skipOuter } from '../ts/syntax.js';

/**
 * What an argument of a messaging SDK means by the parameter it is passed as: `to`, `cc`,
 * `registrationTokens` are the recipient's e-mail address, phone number or device token, whatever
 * the value is called (`to: address`). Data rows, as CodeQL framework models: property names
 * (matched case-insensitively, at any depth of an object-literal argument, so SendGrid's
 * `personalizations[].to[].email` and SES's `Destination.ToAddresses` are found) and positional
 * parameters of the SDKs that take the recipient as a plain argument.
 */

export const EMAIL = 'user.contact.email';
export const PHONE = 'user.contact.phone_number';
export const DEVICE_TOKEN = 'user.device.device_id';
export const USER_ID = 'user.unique_id';

/** `recipient`: what the service delivers to (an address for e-mail, a number for SMS, a token for push). */
type Role = 'recipient' | typeof EMAIL | typeof PHONE | typeof DEVICE_TOKEN | typeof USER_ID;

/** Recipient parameters, lower-cased. */
const RECIPIENT_PROPERTIES: ReadonlyMap<string, Role> = new Map<string, Role>([
  // generic: the service decides what the recipient is
  ...[
    'to',
    'cc',
    'bcc',
    'recipient',
    'recipients',
    'destination',
    'destinations',
    'target',
    'targets',
    'dst',
    'toaddresses',
    'ccaddresses',
    'bccaddresses',
    'replyto',
    'reply_to',
    'replytoaddresses',
  ].map((k) => [k, 'recipient'] as [string, Role]),
  // explicit kinds
  ...['phonenumber', 'phone_number', 'msisdn', 'include_phone_numbers'].map((k) => [k, PHONE] as [string, Role]),
  ...['include_email_tokens'].map((k) => [k, EMAIL] as [string, Role]),
  ...[
    'registrationtokens',
    'registration_ids',
    'registrationids',
    'tokens',
    'token',
    'devicetoken',
    'devicetokens',
    'pushtoken',
    'pushtokens',
    'include_player_ids',
    'include_subscription_ids',
    'targetarn',
  ].map((k) => [k, DEVICE_TOKEN] as [string, Role]),
  ...['include_external_user_ids', 'include_aliases', 'external_id'].map((k) => [k, USER_ID] as [string, Role]),
]);

/** Positional recipient parameters of SDKs that take the recipient as a plain argument. */
interface PositionalRole {
  /** Packages (prefix `@scope/` allowed as `@scope/*`). */
  packages: readonly string[];
  /** Last step of the called path. */
  method: string;
  index: number;
  role: Role;
}

const POSITIONAL: readonly PositionalRole[] = [
  // vonage.message.sendSms(from, to, text) (nexmo, @vonage/server-sdk v2)
  { packages: ['nexmo', '@vonage/server-sdk'], method: 'sendSms', index: 1, role: PHONE },
  // plivo client.messages.create(src, dst, text)
  { packages: ['plivo'], method: 'create', index: 1, role: PHONE },
  // firebase-admin messaging().sendToDevice(token, payload), subscribeToTopic(tokens, topic)
  { packages: ['firebase-admin', 'firebase-admin/*'], method: 'sendToDevice', index: 0, role: DEVICE_TOKEN },
  { packages: ['firebase-admin', 'firebase-admin/*'], method: 'subscribeToTopic', index: 0, role: DEVICE_TOKEN },
  // apn / @parse/node-apn provider.send(notification, deviceTokens)
  { packages: ['apn', '@parse/node-apn', 'node-apn'], method: 'send', index: 1, role: DEVICE_TOKEN },
  // Pusher Beams publishToUsers(userIds, body)
  { packages: ['@pusher/push-notifications-server'], method: 'publishToUsers', index: 0, role: USER_ID },
];

/** Services whose generic recipient is a person's address, number or device. */
const SERVICE_RECIPIENT: Readonly<Record<string, string>> = { email: EMAIL, sms: PHONE, push: DEVICE_TOKEN };

/** A recipient configured by the application itself (`to: process.env.SUPPORT_EMAIL`) is not a person's data. */
const SYSTEM_RECIPIENT = /process\.env|admin|support|no-?reply|site_?contact|sender|system|\bops\b|alerts?\b/i;
/** `to: ADMIN_EMAIL`, `to: config.SUPPORT_ADDRESS`: a constant of the application. */
const CONSTANT_NAME = /(^|[._])[A-Z][A-Z0-9_]{2,}$/;

const MAX_DEPTH = 5;

export interface RoleHit {
  category: string;
  /** The recipient parameter (`to`, `argument 2`). */
  role: string;
  value: ts.Expression;
}

/** Recipients at a messaging sink: each value passed as a recipient parameter, with its category. */
export function recipientsAt(match: SinkMatch, checker: ts.TypeChecker): RoleHit[] {
  const service = match.sink.service;
  const generic = service ? SERVICE_RECIPIENT[service] : undefined;
  const positional = positionalRoles(match);
  if (!generic && positional.length === 0 && !isRecipientCarrier(match)) return [];
  const out: RoleHit[] = [];
  const add = (role: Role, name: string, value: ts.Expression) => {
    const category = role === 'recipient' ? generic : role;
    if (category && isPersonValue(value)) out.push({ category, role: name, value });
  };
  for (const p of positional) {
    const arg = ts.isCallExpression(match.node) || ts.isNewExpression(match.node) ? match.node.arguments?.[p.index] : undefined;
    if (arg) forEachLeaf(arg, (leaf) => add(p.role, `argument ${p.index + 1}`, leaf), checker);
  }
  for (const arg of match.dataArgs) walk(arg, undefined, 0, add, checker, new Set());
  return out;
}

/** Recipients named in a message that a library builds locally (nodemailer's stream transport: the MIME text holds them). */
export function recipientsIn(expr: ts.Expression, category: string, checker: ts.TypeChecker): RoleHit[] {
  const out: RoleHit[] = [];
  const add = (role: Role, name: string, value: ts.Expression) => {
    if (isPersonValue(value)) out.push({ category: role === 'recipient' ? category : role, role: name, value });
  };
  walk(expr, undefined, 0, add, checker, new Set());
  return out;
}

/** Sinks with no messaging service whose inputs still name recipients (SNS `PhoneNumber`, `TargetArn`). */
function isRecipientCarrier(match: SinkMatch): boolean {
  return match.sink.id === 'sns' || match.sink.id === 'aws-sns-sms';
}

function positionalRoles(match: SinkMatch): PositionalRole[] {
  const origin = match.origin;
  if (!origin) return [];
  const last = origin.path.filter((s) => s !== 'new' && s !== 'default' && s !== '()').pop();
  return POSITIONAL.filter(
    (p) =>
      p.method === last &&
      p.packages.some((pkg) => pkg === origin.module || (pkg.endsWith('/*') && origin.module.startsWith(pkg.slice(0, -1)))),
  );
}

/**
 * Walks an argument's object and array literals (also ones a `const` holds): a property named as a
 * recipient gives its role to every value under it.
 */
function walk(
  expr: ts.Expression,
  role: Role | undefined,
  depth: number,
  add: (role: Role, name: string, value: ts.Expression) => void,
  checker: ts.TypeChecker,
  seen: Set<ts.Node>,
): void {
  if (depth > MAX_DEPTH) return;
  const e = literalOf(expr, checker);
  if (seen.has(e)) return;
  seen.add(e);
  if (ts.isObjectLiteralExpression(e)) {
    for (const p of e.properties) {
      if (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) {
        const key = propertyNameText(p.name);
        const own = key !== undefined ? RECIPIENT_PROPERTIES.get(key.toLowerCase()) : undefined;
        const value = ts.isPropertyAssignment(p) ? p.initializer : p.name;
        // Inside a recipient (`to: [{ email, name }]`) the display name is a name, not an address.
        if (role && key !== undefined && /name/i.test(key)) continue;
        const next = role ?? own;
        if (next && !isContainer(value, checker)) add(next, key ?? 'recipient', value);
        else walk(value, next, depth + 1, add, checker, seen);
      } else if (ts.isSpreadAssignment(p)) walk(p.expression, role, depth + 1, add, checker, seen);
    }
    return;
  }
  if (ts.isArrayLiteralExpression(e)) {
    for (const el of e.elements) {
      const item = ts.isSpreadElement(el) ? el.expression : el;
      if (role && !isContainer(item, checker)) add(role, 'recipient', item);
      else walk(item, role, depth + 1, add, checker, seen);
    }
    return;
  }
  // An options object of a declared type (`...mailOptions: SendMailOptions`): its recipient members.
  if (role === undefined) {
    const typed = typedRecipient(e, checker) ?? annotatedMessage(e, checker);
    if (typed) add(typed.role, `${typed.key} of ${shortName(e)}`, e);
  }
}

/**
 * A package's message type named where the value is declared, when the scan has no declarations for
 * it (`...mailOptions }: nodemailer.SendMailOptions & {...}`, `msg: MailDataRequired`): the message
 * to send, whose recipient (`to`) the type requires.
 */
const MESSAGE_TYPE =
  /(?:^|\.)(?:Send|Create)?(?:E?[Mm]ail|Message)(?:Options|Data|DataRequired|Params|Payload|Request|Input)?$|^Mail\.Options$/;

function annotatedMessage(e: ts.Expression, checker: ts.TypeChecker): { key: string; role: Role } | undefined {
  if (!ts.isIdentifier(e) || !(checker.getTypeAtLocation(e).flags & ts.TypeFlags.Any)) return undefined;
  let decl: ts.Node | undefined = checker.getSymbolAtLocation(e)?.valueDeclaration;
  // `{ templatePath, ...mailOptions }: T`: the rest of the parameter's declared type.
  while (decl && ts.isBindingElement(decl)) decl = decl.parent.parent;
  const annotation = decl && (ts.isParameter(decl) || ts.isVariableDeclaration(decl)) ? decl.type : undefined;
  return annotation && namesMessageType(annotation) ? { key: 'to', role: 'recipient' } : undefined;
}

function namesMessageType(type: ts.TypeNode): boolean {
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) return type.types.some(namesMessageType);
  if (ts.isParenthesizedTypeNode(type)) return namesMessageType(type.type);
  return ts.isTypeReferenceNode(type) && MESSAGE_TYPE.test(type.typeName.getText());
}

/** The first recipient member of an expression's declared type (`SendMailOptions.to`). */
function typedRecipient(e: ts.Expression, checker: ts.TypeChecker): { key: string; role: Role } | undefined {
  if (!(ts.isIdentifier(e) || ts.isPropertyAccessExpression(e))) return undefined;
  const type = checker.getTypeAtLocation(e);
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown) || !(type.flags & ts.TypeFlags.Object || type.isUnionOrIntersection()))
    return undefined;
  for (const p of type.getProperties()) {
    const role = RECIPIENT_PROPERTIES.get(p.name.toLowerCase());
    if (role) return { key: p.name, role };
  }
  return undefined;
}

function shortName(e: ts.Expression): string {
  return ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : 'argument';
}

/** Leaves of a positional argument: array elements, or the value itself. */
function forEachLeaf(expr: ts.Expression, f: (leaf: ts.Expression) => void, checker: ts.TypeChecker): void {
  const e = literalOf(expr, checker);
  if (ts.isArrayLiteralExpression(e)) for (const el of e.elements) f(ts.isSpreadElement(el) ? el.expression : el);
  else f(expr);
}

function isContainer(expr: ts.Expression, checker: ts.TypeChecker): boolean {
  const e = literalOf(expr, checker);
  return ts.isObjectLiteralExpression(e) || ts.isArrayLiteralExpression(e);
}

/** The object or array literal an expression stands for: itself, or the initializer of the `const` it names. */
function literalOf(expr: ts.Expression, checker: ts.TypeChecker): ts.Expression {
  const e = skipOuter(expr);
  if (!ts.isIdentifier(e)) return e;
  const decl = checker.getSymbolAtLocation(e)?.valueDeclaration;
  if (decl && ts.isVariableDeclaration(decl) && decl.initializer && (ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) !== 0) {
    const init = skipOuter(decl.initializer);
    if (ts.isObjectLiteralExpression(init) || ts.isArrayLiteralExpression(init)) return init;
  }
  return e;
}

/** A value computed at run time that is not the application's own configured address. */
function isPersonValue(value: ts.Expression): boolean {
  const e = skipOuter(value);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isNumericLiteral(e)) return false;
  if (e.kind === ts.SyntaxKind.NullKeyword || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isIdentifier(e) && e.text === 'undefined') return false;
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return false;
  const text = e.getText();
  return !SYSTEM_RECIPIENT.test(text) && !CONSTANT_NAME.test(text);
}

import { ts } from '#ts-morph';
import { skipOuter } from '../ts/syntax.js';

/**
 * Billing and payment vendors whose SDK types are the vendor's own records: the id of a
 * `Stripe.Checkout.Session` is a checkout session at Stripe, not the visitor's session cookie, and a
 * `Stripe.Customer`'s id is the vendor's account record. Package names (a trailing `/*` is a scope).
 */
const VENDOR_RECORD_PACKAGES = [
  'stripe',
  '@paddle/paddle-node-sdk',
  '@lemonsqueezy/lemonsqueezy.js',
  'braintree',
  '@paypal/checkout-server-sdk',
  'razorpay',
  '@mollie/api-client',
];

/** Categories that an id's name gives and a vendor's record id is not. */
const ID_CATEGORIES = ['user.unique_id', 'user.device.cookie_id'];

/** Whether `category` is an id category that `value` (`session.id` of `session: Stripe.Checkout.Session`) is a vendor's record id for. */
export function isVendorRecordId(category: string, value: ts.Expression, checker: ts.TypeChecker): boolean {
  if (!ID_CATEGORIES.some((c) => category === c || category.startsWith(`${c}.`))) return false;
  const e = skipOuter(value);
  if (!ts.isPropertyAccessExpression(e) || !/^id$|Id$/.test(e.name.text)) return false;
  const owner = skipOuter(e.expression);
  if (!ts.isIdentifier(owner)) return false;
  const decl = checker.getSymbolAtLocation(owner)?.valueDeclaration;
  const type = decl && (ts.isParameter(decl) || ts.isVariableDeclaration(decl) || ts.isPropertyDeclaration(decl)) ? decl.type : undefined;
  if (!type || !ts.isTypeReferenceNode(type)) return false;
  let root: ts.EntityName = type.typeName;
  while (ts.isQualifiedName(root)) root = root.left;
  const module = importedFrom(root, checker);
  return (
    module !== undefined && VENDOR_RECORD_PACKAGES.some((p) => module === p || (p.endsWith('/*') && module.startsWith(p.slice(0, -1))))
  );
}

/** The module an imported name comes from (`import Stripe from 'stripe'`). */
function importedFrom(id: ts.Identifier, checker: ts.TypeChecker): string | undefined {
  const symbol = checker.getSymbolAtLocation(id);
  for (const d of symbol?.declarations ?? []) {
    let n: ts.Node | undefined = d;
    while (n && !ts.isImportDeclaration(n)) n = n.parent;
    if (n && ts.isStringLiteral(n.moduleSpecifier)) return n.moduleSpecifier.text;
  }
  return undefined;
}

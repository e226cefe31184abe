import { calls, type SinkSpec } from '../../../src/sinks/catalog-types.js';
import { thirdParty } from './rows.js';

// ---- Payments, search, CRM (egress, rule data-flow) ----

export const BUSINESS: readonly SinkSpec[] = [
  thirdParty('stripe', 'Stripe', 'payments', ['stripe'], calls([
    'customers.create', 'customers.update', 'customers.createSource', 'customers.createTaxId', 'paymentIntents.create', 'paymentIntents.update',
    'paymentIntents.confirm', 'setupIntents.create', 'setupIntents.update', 'checkout.sessions.create', 'billingPortal.sessions.create',
    'subscriptions.create', 'subscriptions.update', 'invoices.create', 'invoices.update', 'invoiceItems.create', 'charges.create', 'charges.update',
    'paymentMethods.create', 'paymentMethods.attach', 'paymentMethods.update', 'accounts.create', 'accounts.update', 'accounts.createPerson',
    'accounts.updatePerson', 'tokens.create', 'paymentLinks.create', 'quotes.create', 'identity.verificationSessions.create',
  ])),
  thirdParty('stripe', 'Stripe.js', 'payments', ['@stripe/stripe-js', '@stripe/react-stripe-js'], calls([
    'confirmCardPayment', 'confirmPayment', 'confirmSetup', 'createPaymentMethod', 'createToken', 'confirmCardSetup',
  ])),
  thirdParty('braintree', 'Braintree', 'payments', ['braintree'], calls([
    'customer.create', 'customer.update', 'transaction.sale', 'paymentMethod.create', 'paymentMethod.update', 'creditCard.create',
    'creditCard.update', 'address.create', 'address.update', 'subscription.create', 'merchantAccount.create',
  ])),
  thirdParty('square', 'Square', 'payments', ['square'], calls([
    'customersApi.createCustomer', 'customersApi.updateCustomer', 'paymentsApi.createPayment', 'ordersApi.createOrder', 'invoicesApi.createInvoice',
    'customers.create', 'customers.update', 'payments.create', 'orders.create', 'invoices.create',
  ])),
  thirdParty('plaid', 'Plaid', 'payments', ['plaid'], calls(['linkTokenCreate', 'processorTokenCreate', 'transferAuthorizationCreate', 'transferCreate', 'userCreate', 'identityMatch'], [0])),
  thirdParty('adyen', 'Adyen', 'payments', ['@adyen/api-library'], calls(['payments', 'sessions', 'paymentLinks', 'storeDetail', 'authorise'])),
  thirdParty('paypal', 'PayPal', 'payments', ['@paypal/checkout-server-sdk', '@paypal/payouts-sdk'], calls(['requestBody'], [0])),
  thirdParty('paypal', 'PayPal', 'payments', ['@paypal/paypal-server-sdk'], calls(['createOrder', 'ordersCreate', 'patchOrder', 'createSubscription'], [0])),
  thirdParty('algolia', 'Algolia', 'search', ['algoliasearch', 'algoliasearch/*', '@algolia/client-search'], calls([
    'saveObject', 'saveObjects', 'partialUpdateObject', 'partialUpdateObjects', 'replaceAllObjects', 'addOrUpdateObject', 'batch',
  ])),
  thirdParty('meilisearch', 'Meilisearch', 'search', ['meilisearch'], calls(['addDocuments', 'updateDocuments', 'addDocumentsInBatches'], [0])),
  thirdParty('typesense', 'Typesense', 'search', ['typesense'], calls(['documents().create', 'documents().upsert', 'documents().update', 'documents().import'], [0])),
  thirdParty('salesforce', 'Salesforce', 'crm', ['jsforce', '@jsforce/jsforce-node'], calls(['create', 'insert', 'update', 'upsert'])),
  thirdParty('hubspot', 'HubSpot', 'crm', ['@hubspot/api-client'], calls(['basicApi.create', 'basicApi.update', 'batchApi.create', 'batchApi.update', 'batchApi.upsert', 'basicApi.merge'])),
  thirdParty('intercom', 'Intercom', 'support', ['intercom-client'], calls([
    'contacts.create', 'contacts.update', 'users.create', 'users.update', 'leads.create', 'events.create', 'companies.create',
    'messages.create', 'conversations.create', 'conversations.reply', 'notes.create',
  ])),
  // Print and mail: a letter or postcard carries the recipient's name and postal address.
  thirdParty('lob', 'Lob', 'print-mail', ['@lob/lob-typescript-sdk'], calls(['LettersApi.create', 'PostcardsApi.create', 'SelfMailersApi.create', 'ChecksApi.create', 'AddressesApi.create', 'UsVerificationsApi.verifySingle', 'IntlVerificationsApi.verifySingle'], [0])),
  thirdParty('lob', 'Lob', 'print-mail', ['lob'], calls(['letters.create', 'postcards.create', 'selfMailers.create', 'checks.create', 'addresses.create', 'usVerifications.verify'], [0])),
  // Spreadsheets and tables the application writes rows into.
  thirdParty('google-sheets', 'Google Sheets', 'spreadsheet', ['googleapis', '@googleapis/sheets'], calls(['spreadsheets.values.append', 'spreadsheets.values.update', 'spreadsheets.values.batchUpdate', 'spreadsheets.batchUpdate'], [0])),
  thirdParty('airtable', 'Airtable', 'spreadsheet', ['airtable'], calls(['base().create', 'base().update', 'base().replace', 'table().create', 'table().update', 'create', 'update', 'replace'], [0])),
  thirdParty('zendesk', 'Zendesk', 'support', ['node-zendesk'], calls(['tickets.create', 'tickets.update', 'users.create', 'users.update', 'users.createOrUpdate', 'requests.create'])),
];

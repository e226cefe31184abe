import { sinkOf, type Summary } from './helpers.js';

type Expected = Partial<Summary> & { id: string };

/** E-mail, SMS and push providers, older SDK generations and error-reporter init config. [name, source with one marked call, expected sink] */
const CASES: [string, string, Expected][] = [
  [
    'SparkPost transmissions.send',
    `import SparkPost from 'sparkpost';\nconst c = new SparkPost('k');\ndeclare const a: string;\n/*sink*/c.transmissions.send({ recipients: [{ address: a }] });`,
    { id: 'sparkpost', service: 'email' },
  ],
  [
    'Mailjet post().request',
    `import Mailjet from 'node-mailjet';\nconst m = Mailjet.apiConnect('k', 's');\n/*sink*/m.post('send', { version: 'v3.1' }).request({ Messages: [] });`,
    { id: 'mailjet', service: 'email' },
  ],
  [
    'MailerSend email.send',
    `import { MailerSend } from 'mailersend';\ndeclare const p: any;\n/*sink*/new MailerSend({ apiKey: 'k' }).email.send(p);`,
    { id: 'mailersend', service: 'email', data: ['p'] },
  ],
  [
    'Brevo sendTransacEmail',
    `import * as Brevo from '@getbrevo/brevo';\nconst api = new Brevo.TransactionalEmailsApi();\ndeclare const m: any;\n/*sink*/api.sendTransacEmail(m);`,
    { id: 'brevo', service: 'email' },
  ],
  [
    'Plivo messages.create(src, dst, text)',
    `import plivo from 'plivo';\nconst c = new plivo.Client('a', 'b');\ndeclare const dst: string;\n/*sink*/c.messages.create('+1', dst, 'hi');`,
    { id: 'plivo', service: 'sms' },
  ],
  [
    'Telnyx messages.create',
    `import Telnyx from 'telnyx';\nconst t = Telnyx('k');\ndeclare const to: string;\n/*sink*/t.messages.create({ from: '+1', to, text: 'x' });`,
    { id: 'telnyx', service: 'sms' },
  ],
  [
    'MessageBird messages.create',
    `import messagebird from 'messagebird';\nconst mb = messagebird('k');\ndeclare const r: string;\n/*sink*/mb.messages.create({ originator: 'x', recipients: [r], body: 'x' });`,
    { id: 'messagebird', service: 'sms' },
  ],
  [
    'Infobip channels.sms.send',
    `import { Infobip } from '@infobip-api/sdk';\nconst ib = new Infobip({ baseUrl: 'x', apiKey: 'k' });\ndeclare const m: any;\n/*sink*/ib.channels.sms.send(m);`,
    { id: 'infobip', service: 'sms' },
  ],
  [
    'FCM admin.messaging().send',
    `import admin from 'firebase-admin';\ndeclare const token: string;\n/*sink*/admin.messaging().send({ token });`,
    { id: 'fcm', service: 'push' },
  ],
  [
    'FCM getMessaging().sendEachForMulticast',
    `import { getMessaging } from 'firebase-admin/messaging';\ndeclare const tokens: string[];\n/*sink*/getMessaging().sendEachForMulticast({ tokens });`,
    { id: 'fcm', service: 'push' },
  ],
  [
    'APNs Provider.send',
    `import apn from '@parse/node-apn';\nconst p = new apn.Provider({});\ndeclare const n: any, t: string;\n/*sink*/p.send(n, t);`,
    { id: 'apns', service: 'push' },
  ],
  [
    'Expo sendPushNotificationsAsync',
    `import { Expo } from 'expo-server-sdk';\ndeclare const msgs: any[];\n/*sink*/new Expo().sendPushNotificationsAsync(msgs);`,
    { id: 'expo-push', service: 'push' },
  ],
  [
    'OneSignal createNotification',
    `import * as OneSignal from '@onesignal/node-onesignal';\nconst c = new OneSignal.DefaultApi({} as any);\ndeclare const n: any;\n/*sink*/c.createNotification(n);`,
    { id: 'onesignal', service: 'push' },
  ],
  [
    'Pusher Beams publishToUsers',
    `import PushNotifications from '@pusher/push-notifications-server';\nconst b = new PushNotifications({ instanceId: 'i', secretKey: 's' });\ndeclare const ids: string[];\n/*sink*/b.publishToUsers(ids, {});`,
    { id: 'pusher-beams', service: 'push' },
  ],
  [
    'openai v3 createChatCompletion',
    `import { Configuration, OpenAIApi } from 'openai';\nconst o = new OpenAIApi(new Configuration({}));\ndeclare const messages: any[];\n/*sink*/o.createChatCompletion({ model: 'x', messages });`,
    { id: 'openai', service: 'ai' },
  ],
  [
    'Bugsnag.start({ user })',
    `import Bugsnag from '@bugsnag/js';\ndeclare const u: any;\n/*sink*/Bugsnag.start({ apiKey: 'k', user: u });`,
    { id: 'bugsnag', family: 'log', data: ['u'] },
  ],
  [
    'Sentry.init({ initialScope })',
    `import * as Sentry from '@sentry/node';\ndeclare const u: any;\n/*sink*/Sentry.init({ dsn: 'x', initialScope: { user: u } });`,
    { id: 'sentry', family: 'log', data: ['{ user: u }'] },
  ],
  [
    'Sentry.configureScope callback',
    `import * as Sentry from '@sentry/browser';\ndeclare const u: any;\nSentry.configureScope((scope) => { /*sink*/scope.setUser(u); });`,
    { id: 'sentry', family: 'log' },
  ],
  [
    'pino logger behind a Proxy',
    `import pino from 'pino';\nconst logger = new Proxy({} as pino.Logger, {});\ndeclare const u: any;\n/*sink*/logger.info(u);`,
    { id: 'pino', family: 'log' },
  ],
];

describe('messaging providers and init config', () => {
  test.each(CASES)('%s', (_name, source, expected) => {
    expect(sinkOf(source)).toMatchObject(expected);
  });
});

test('Bugsnag.start without user or metadata logs no data', () => {
  expect(sinkOf(`import Bugsnag from '@bugsnag/js';\n/*sink*/Bugsnag.start({ apiKey: 'k' });`)).toMatchObject({ id: 'bugsnag', data: [] });
});

import { calls, type SinkSpec } from '../../../src/sinks/catalog-types.js';
import { props, thirdParty, aws, awsCommands } from './rows.js';

// ---- Email, SMS, chat (egress, rule data-flow) ----

export const MESSAGING: readonly SinkSpec[] = [
  thirdParty('sendgrid', 'SendGrid', 'email', ['@sendgrid/mail'], calls(['send', 'sendMultiple'], [0])),
  thirdParty('sendgrid', 'SendGrid', 'email', ['@sendgrid/client'], calls(['request'], props(0, 'body'))),
  thirdParty('nodemailer', 'nodemailer (SMTP)', 'email', ['nodemailer'], calls(['sendMail'], [0])),
  thirdParty('mailgun', 'Mailgun', 'email', ['mailgun.js'], calls(['messages.create'], [1])),
  thirdParty('mailgun', 'Mailgun', 'email', ['mailgun-js'], calls(['messages().send'], [0])),
  thirdParty('postmark', 'Postmark', 'email', ['postmark'], calls(['sendEmail', 'sendEmailWithTemplate', 'sendEmailBatch', 'sendEmailBatchWithTemplates'], [0])),
  thirdParty('resend', 'Resend', 'email', ['resend'], calls(['emails.send', 'emails.create', 'batch.send', 'batch.create', 'contacts.create', 'contacts.update'], [0])),
  ...aws('ses', 'third_party', 'AWS SES', 'email', 'SES', '@aws-sdk/client-ses', {
    SendEmailCommand: [0],
    SendRawEmailCommand: [0],
    SendTemplatedEmailCommand: [0],
    SendBulkTemplatedEmailCommand: [0],
  }, { sendEmail: [0], sendRawEmail: [0], sendTemplatedEmail: [0], sendBulkTemplatedEmail: [0] }),
  thirdParty('ses', 'AWS SES', 'email', ['@aws-sdk/client-sesv2'], [...awsCommands({ SendEmailCommand: [0], SendBulkEmailCommand: [0], CreateContactCommand: [0] }), ...calls(['SESv2.sendEmail', 'SESv2.sendBulkEmail'], [0])]),
  thirdParty('mailchimp', 'Mailchimp', 'email', ['@mailchimp/mailchimp_marketing'], calls(['lists.addListMember', 'lists.setListMember', 'lists.updateListMember', 'lists.batchListMembers', 'lists.createListMemberEvent'])),
  thirdParty('mailchimp', 'Mailchimp Transactional', 'email', ['@mailchimp/mailchimp_transactional', '@mailchimp/mailchimp_transactional/*'], calls(['messages.send', 'messages.sendTemplate'], [0])),
  thirdParty('twilio', 'Twilio', 'sms', ['twilio'], calls(['messages.create', 'calls.create', 'verifications.create', 'notifications.create', 'participants.create'], [0])),
  thirdParty('vonage', 'Vonage', 'sms', ['@vonage/server-sdk', '@vonage/sms', '@vonage/messages', '@vonage/voice', '@vonage/verify', 'nexmo'], calls(['sms.send', 'messages.send', 'voice.createOutboundCall', 'verify.start', 'message.sendSms', 'send'])),
  thirdParty('aws-sns-sms', 'AWS SNS', 'sms', ['@aws-sdk/client-pinpoint'], awsCommands({ SendMessagesCommand: [0], SendUsersMessagesCommand: [0] })),
  thirdParty('slack', 'Slack', 'chat', ['@slack/web-api', '@slack/bolt'], calls(['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'chat.scheduleMessage', 'chat.meMessage', 'files.uploadV2', 'files.upload', 'users.lookupByEmail', 'conversations.setTopic'], [0])),
  thirdParty('slack', 'Slack', 'chat', ['@slack/webhook'], calls(['IncomingWebhook.send'], [0])),
  thirdParty('telegram', 'Telegram', 'chat', ['node-telegram-bot-api'], calls(['sendMessage', 'sendDocument', 'sendPhoto'], ['1..'])),
  thirdParty('discord', 'Discord', 'chat', ['discord.js'], calls(['WebhookClient.send'], [0])),
  // More e-mail providers; the recipient parameters (`to`, `recipients`, `Messages[].To`) are read by src/flow/recipient-roles.ts.
  thirdParty('sparkpost', 'SparkPost', 'email', ['sparkpost'], calls(['transmissions.send', 'recipientLists.create', 'recipientLists.update'], [0])),
  // mailjet.post('send', { version: 'v3.1' }).request({ Messages: [...] })
  thirdParty('mailjet', 'Mailjet', 'email', ['node-mailjet'], calls(['post().request', 'put().request'], [0])),
  thirdParty('mailersend', 'MailerSend', 'email', ['mailersend'], calls(['email.send', 'email.sendBulk'], [0])),
  thirdParty('mailersend', 'MailerSend', 'sms', ['mailersend'], calls(['sms.send'], [0])),
  thirdParty('brevo', 'Brevo', 'email', ['@getbrevo/brevo', 'sib-api-v3-sdk', '@sendinblue/client'], calls(['sendTransacEmail', 'createContact', 'updateContact', 'createDoiContact'], [0])),
  thirdParty('brevo', 'Brevo', 'sms', ['@getbrevo/brevo', 'sib-api-v3-sdk', '@sendinblue/client'], calls(['sendTransacSms'], [0])),
  // More SMS and voice providers
  thirdParty('plivo', 'Plivo', 'sms', ['plivo'], calls(['messages.create', 'calls.create'], 'all')),
  thirdParty('telnyx', 'Telnyx', 'sms', ['telnyx'], calls(['messages.create', 'calls.create', 'numberLookup.retrieve'], [0])),
  thirdParty('messagebird', 'MessageBird', 'sms', ['messagebird'], calls(['messages.create', 'voice_messages.create', 'verify.create', 'conversations.send', 'conversations.start'], [0])),
  thirdParty('infobip', 'Infobip', 'sms', ['@infobip-api/sdk'], calls(['channels.sms.send', 'channels.whatsapp.send', 'channels.viber.send'], [0])),
  thirdParty('infobip', 'Infobip', 'email', ['@infobip-api/sdk'], calls(['channels.email.send'], [0])),
  // Push: the device token is the recipient (`token`, `tokens`, `registrationTokens`, `to`)
  thirdParty('fcm', 'Firebase Cloud Messaging', 'push', ['firebase-admin', 'firebase-admin/*'], calls(
    ['send', 'sendEach', 'sendEachForMulticast', 'sendMulticast', 'sendAll', 'sendToDevice', 'sendToDeviceGroup', 'subscribeToTopic', 'unsubscribeFromTopic'].map((m) => `messaging().${m}`),
  )),
  thirdParty('fcm', 'Firebase Cloud Messaging', 'push', ['firebase-admin/messaging'], calls(['send', 'sendEach', 'sendEachForMulticast', 'sendMulticast', 'sendAll', 'sendToDevice', 'subscribeToTopic'].map((m) => `getMessaging().${m}`))),
  thirdParty('fcm', 'Firebase Cloud Messaging', 'push', ['node-gcm', 'fcm-node', 'fcm-notification'], calls(['Sender.send', 'send', 'sendToMultipleToken'])),
  thirdParty('apns', 'Apple Push Notification service', 'push', ['apn', '@parse/node-apn', 'node-apn'], calls(['Provider.send'])),
  thirdParty('apns', 'Apple Push Notification service', 'push', ['@parse/node-apn', 'apns2'], calls(['ApnsClient.send', 'ApnsClient.sendMany'], [0])),
  thirdParty('expo-push', 'Expo push notifications', 'push', ['expo-server-sdk'], calls(['sendPushNotificationsAsync', 'chunkPushNotifications'], [0])),
  thirdParty('onesignal', 'OneSignal', 'push', ['@onesignal/node-onesignal', 'onesignal-node', '@onesignal/onesignal-node-api'], calls(['createNotification', 'createUser', 'updateUser', 'createSubscription'], 'all')),
  thirdParty('pusher-beams', 'Pusher Beams', 'push', ['@pusher/push-notifications-server'], calls(['publishToUsers', 'publishToInterests', 'generateToken'])),
];

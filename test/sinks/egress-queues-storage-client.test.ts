import { fixture, only, sinkOf, type Summary } from './helpers.js';

type Expected = Partial<Summary> & { id: string };

const QUEUES: [string, string, Expected][] = [
  [
    'kafkajs producer.send with a literal topic',
    `import { Kafka } from 'kafkajs';\nconst producer = new Kafka({ brokers: [] }).producer();\ndeclare const u: any;\n/*sink*/producer.send({ topic: 'user-events', messages: [{ value: JSON.stringify(u) }] });`,
    { id: 'kafka:user-events', kind: 'queue', package: 'kafkajs', data: ['[{ value: JSON.stringify(u) }]'] },
  ],
  [
    'kafkajs topic from an enum',
    `import { Kafka } from 'kafkajs';\nenum Topics { Users = 'users.v1' }\nconst producer = new Kafka({ brokers: [] }).producer();\n/*sink*/producer.send({ topic: Topics.Users, messages: [] });`,
    { id: 'kafka:users.v1' },
  ],
  [
    'kafkajs dynamic topic',
    `import { Kafka } from 'kafkajs';\nconst producer = new Kafka({ brokers: [] }).producer();\ndeclare const t: string;\n/*sink*/producer.send({ topic: t, messages: [] });`,
    { id: 'kafka' },
  ],
  [
    'kafkajs typed Producer',
    `import type { Producer } from 'kafkajs';\nclass P { constructor(private p: Producer) {} run() { /*sink*/this.p.send({ topic: 'x', messages: [] }); } }`,
    { id: 'kafka:x' },
  ],
  [
    'node-rdkafka produce',
    `import Kafka from 'node-rdkafka';\nconst p = new Kafka.Producer({});\ndeclare const buf: any;\n/*sink*/p.produce('orders', null, buf, 'key');`,
    { id: 'kafka:orders', data: ['buf', "'key'"] },
  ],
  [
    'amqplib sendToQueue',
    `import amqp from 'amqplib';\nconst conn = await amqp.connect('amqp://x');\nconst ch = await conn.createChannel();\ndeclare const msg: any;\n/*sink*/ch.sendToQueue('emails', Buffer.from(JSON.stringify(msg)));`,
    { id: 'rabbitmq:emails', data: ['Buffer.from(JSON.stringify(msg))'] },
  ],
  [
    'amqplib publish to the default exchange uses the routing key',
    `import amqp from 'amqplib';\nconst ch = await (await amqp.connect('x')).createChannel();\n/*sink*/ch.publish('', 'audit', Buffer.from('x'));`,
    { id: 'rabbitmq:audit' },
  ],
  [
    'amqplib publish to a named exchange',
    `import amqp from 'amqplib';\nconst ch = await (await amqp.connect('x')).createChannel();\n/*sink*/ch.publish('events', 'k', Buffer.from('x'));`,
    { id: 'rabbitmq:events' },
  ],
  [
    'rocketmq',
    `import { Producer } from 'apache-rocketmq';\nconst p = new Producer({});\n/*sink*/p.send({ topic: 'orders', body: 'x' });`,
    { id: 'rocketmq:orders' },
  ],
  [
    'nats publish',
    `import { connect } from 'nats';\nconst nc = await connect();\n/*sink*/nc.publish('users.created', 'x');`,
    { id: 'nats:users.created', data: ["'x'"] },
  ],
  [
    'mqtt publish',
    `import mqtt from 'mqtt';\nconst client = mqtt.connect('mqtt://x');\n/*sink*/client.publish('devices/1', 'payload');`,
    { id: 'mqtt:devices/1' },
  ],
  [
    'SQS SendMessageCommand',
    `import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';\nconst sqs = new SQSClient({});\ndeclare const body: string;\n/*sink*/sqs.send(new SendMessageCommand({ QueueUrl: 'u', MessageBody: body }));`,
    { id: 'sqs', kind: 'queue', data: ['body'] },
  ],
  [
    'SNS PublishCommand',
    `import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';\nconst sns = new SNSClient({});\n/*sink*/sns.send(new PublishCommand({ PhoneNumber: 'x', Message: 'code' }));`,
    { id: 'sns' },
  ],
  [
    'Kinesis PutRecordCommand names the stream',
    `import { KinesisClient, PutRecordCommand } from '@aws-sdk/client-kinesis';\nconst k = new KinesisClient({});\ndeclare const data: any;\n/*sink*/k.send(new PutRecordCommand({ StreamName: 'clicks', Data: data, PartitionKey: 'p' }));`,
    { id: 'kinesis:clicks', data: ['data', "'p'"] },
  ],
  [
    'EventBridge PutEventsCommand',
    `import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';\nconst eb = new EventBridgeClient({});\ndeclare const entries: any[];\n/*sink*/eb.send(new PutEventsCommand({ Entries: entries }));`,
    { id: 'eventbridge', data: ['entries'] },
  ],
  [
    'AWS SDK v2 SQS sendMessage',
    `import AWS from 'aws-sdk';\nconst sqs = new AWS.SQS();\n/*sink*/sqs.sendMessage({ QueueUrl: 'u', MessageBody: 'x' });`,
    { id: 'sqs', package: 'aws-sdk' },
  ],
  [
    'pubsub topic().publishMessage',
    `import { PubSub } from '@google-cloud/pubsub';\nconst pubsub = new PubSub();\ndeclare const u: any;\n/*sink*/pubsub.topic('signups').publishMessage({ json: u });`,
    { id: 'pubsub:signups' },
  ],
  [
    'azure service bus',
    `import { ServiceBusClient } from '@azure/service-bus';\nconst sender = new ServiceBusClient('c').createSender('orders');\n/*sink*/sender.sendMessages({ body: 'x' });`,
    { id: 'servicebus:orders' },
  ],
  [
    'bullmq queue.add names the queue',
    `import { Queue } from 'bullmq';\nconst q = new Queue('emails');\ndeclare const u: any;\n/*sink*/q.add('welcome', { to: u.email });`,
    { id: 'bullmq:emails', data: ['{ to: u.email }'] },
  ],
  [
    'bullmq queue name from a const',
    `import { Queue } from 'bullmq';\nconst NAME = 'reports';\nclass S { private q = new Queue(NAME); run() { /*sink*/this.q.add('x', {}); } }`,
    { id: 'bullmq:reports' },
  ],
  ['bull default import', `import Queue from 'bull';\nconst q = new Queue('video');\n/*sink*/q.add({ file: 'x' });`, { id: 'bull:video' }],
  [
    'bee-queue createJob',
    `import Queue from 'bee-queue';\nconst q = new Queue('jobs');\nconst job = /*sink*/q.createJob({ a: 1 });\njob.save();`,
    { id: 'bee-queue:jobs' },
  ],
  [
    'agenda now',
    `import { Agenda } from 'agenda';\nconst agenda = new Agenda({});\n/*sink*/agenda.now('send email', { to: 'x' });`,
    { id: 'agenda', data: ["{ to: 'x' }"] },
  ],
];

const STORAGE: [string, string, Expected][] = [
  [
    'S3 PutObjectCommand',
    `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({});\ndeclare const csv: string;\n/*sink*/s3.send(new PutObjectCommand({ Bucket: 'exports', Key: 'k.csv', Body: csv }));`,
    { id: 's3:exports', kind: 'storage', data: ['csv', "'k.csv'"] },
  ],
  [
    'lib-storage new Upload',
    `import { Upload } from '@aws-sdk/lib-storage';\ndeclare const client: any, stream: any;\n/*sink*/new Upload({ client, params: { Bucket: 'b', Key: 'k', Body: stream } });`,
    { id: 's3:b', data: ['stream', "'k'"] },
  ],
  [
    'S3 aggregated client putObject',
    `import { S3 } from '@aws-sdk/client-s3';\nconst s3 = new S3({});\n/*sink*/s3.putObject({ Bucket: 'b', Key: 'k', Body: 'x' });`,
    { id: 's3:b' },
  ],
  [
    'GCS file.save',
    `import { Storage } from '@google-cloud/storage';\nconst storage = new Storage();\ndeclare const data: string;\n/*sink*/storage.bucket('uploads').file('a.json').save(data);`,
    { id: 'gcs:uploads', data: ['data'] },
  ],
  [
    'Azure blockBlobClient.upload',
    `import { BlobServiceClient } from '@azure/storage-blob';\nconst c = BlobServiceClient.fromConnectionString('x').getContainerClient('c').getBlockBlobClient('b');\n/*sink*/c.upload('data', 4);`,
    { id: 'azure-blob', data: ["'data'"] },
  ],
  [
    'fs.writeFileSync',
    `import fs from 'fs';\ndeclare const u: any;\n/*sink*/fs.writeFileSync('/tmp/u.json', JSON.stringify(u));`,
    { id: 'fs', kind: 'file', data: ['JSON.stringify(u)'] },
  ],
  [
    'fs/promises writeFile',
    `import { writeFile } from 'node:fs/promises';\n/*sink*/writeFile('out.txt', 'x');`,
    { id: 'fs', package: 'fs/promises' },
  ],
  ['fs.promises.appendFile', `import { promises as fsp } from 'fs';\n/*sink*/fsp.appendFile('log.txt', 'x');`, { id: 'fs' }],
  ['fs.appendFileSync via require', `const fs = require('fs');\n/*sink*/fs.appendFileSync('a', 'b');`, { id: 'fs' }],
  // storage handed to a library: every upload lands in the bucket, no data at the call itself
  [
    'multer-s3 storage',
    `import multer from 'multer';\nimport multerS3 from 'multer-s3';\ndeclare const s3: any;\nmulter({ storage: /*sink*/multerS3({ s3, bucket: 'avatars' }) });`,
    { id: 's3:avatars', kind: 'storage', data: [] },
  ],
  [
    'createWriteStream().write',
    `import { createWriteStream } from 'fs';\nconst out = createWriteStream('export.csv');\ndeclare const line: string;\n/*sink*/out.write(line);`,
    { id: 'fs', data: ['line'], description: 'fs createWriteStream().write' },
  ],
];

const CLIENT: [string, string, Expected][] = [
  [
    'localStorage.setItem',
    `declare const u: any;\n/*sink*/localStorage.setItem('user', JSON.stringify(u));`,
    { id: 'localStorage', kind: 'browser_storage', data: ['JSON.stringify(u)'] },
  ],
  [
    'window.sessionStorage.setItem',
    `declare const window: any;\n/*sink*/window.sessionStorage.setItem('k', 'v');`,
    { id: 'sessionStorage' },
  ],
  [
    'usehooks-ts useLocalStorage setter',
    `import { useLocalStorage } from 'usehooks-ts';\ndeclare const draft: string;\nconst [value, setValue] = useLocalStorage('draft', '');\n/*sink*/setValue(draft);`,
    { id: 'localStorage', kind: 'browser_storage', package: 'usehooks-ts', data: ['draft'] },
  ],
  [
    'React Query persister to localStorage',
    `import { createSyncStoragePersister } from '@tanstack/query-sync-storage-persister';\n/*sink*/createSyncStoragePersister({ storage: window.localStorage });`,
    { id: 'localStorage', kind: 'browser_storage', data: [] },
  ],
  [
    'document.cookie assignment',
    `declare const email: string;\n/*sink*/document.cookie = \`email=\${email}\`;`,
    { id: 'cookie', kind: 'browser_storage', data: ['`email=${email}`'], description: 'document.cookie =' },
  ],
  [
    'js-cookie set',
    `import Cookies from 'js-cookie';\n/*sink*/Cookies.set('email', 'x', { expires: 7 });`,
    { id: 'cookie', data: ["'x'"] },
  ],
  ['cookies-next setCookie', `import { setCookie } from 'cookies-next';\n/*sink*/setCookie('k', 'v');`, { id: 'cookie', data: ["'v'"] }],
  [
    'express res.cookie (inline handler)',
    `import express from 'express';\nconst app = express();\napp.post('/login', (req, res) => { /*sink*/res.cookie('uid', req.body.email, { httpOnly: true }); });`,
    { id: 'cookie', package: 'express', data: ['req.body.email'] },
  ],
  [
    'express res.cookie (typed Response)',
    `import type { Response } from 'express';\nexport function login(res: Response, email: string) { /*sink*/res.cookie('e', email); }`,
    { id: 'cookie', data: ['email'] },
  ],
  [
    'localforage',
    `import localforage from 'localforage';\n/*sink*/localforage.setItem('u', { a: 1 });`,
    { id: 'localforage', data: ['{ a: 1 }'] },
  ],
  [
    'idb put',
    `import { openDB } from 'idb';\nconst db = await openDB('x', 1);\n/*sink*/db.put('users', { email: 'x' });`,
    { id: 'indexeddb' },
  ],
  [
    'dexie table add',
    `import Dexie, { type Table } from 'dexie';\nclass Db extends Dexie { users!: Table<any>; }\nconst db = new Db('x');\n/*sink*/db.users.add({ email: 'x' });`,
    { id: 'indexeddb' },
  ],
];

test.each([
  [
    'jsonwebtoken sign',
    `import jwt from 'jsonwebtoken';\ndeclare const u: any;\n/*sink*/jwt.sign({ sub: u.id, email: u.email }, 'secret');`,
  ],
  ['jose new SignJWT', `import { SignJWT } from 'jose';\ndeclare const claims: any;\n/*sink*/new SignJWT(claims);`],
  [
    '@nestjs/jwt JwtService.sign',
    `import { JwtService } from '@nestjs/jwt';\nclass A { constructor(private jwt: JwtService) {} token(u: any) { return /*sink*/this.jwt.sign({ email: u.email }); } }`,
  ],
])('signing a token is no sink (a summary carries its claims on): %s', (_name, source) => {
  expect(fixture(source).at()).toEqual([]);
});

describe('queues and streams', () => {
  test.each(QUEUES)('%s', (_name, source, expected) => {
    expect(sinkOf(source)).toMatchObject(expected);
  });

  test('kafka topic const imported from another file', () => {
    const fx = fixture({
      '/src/topics.ts': `export const USER_TOPIC = 'user-events';`,
      '/src/main.ts': `import { Kafka } from 'kafkajs';\nimport { USER_TOPIC } from './topics';\nconst producer = new Kafka({ brokers: [] }).producer();\n/*sink*/producer.send({ topic: USER_TOPIC, messages: [] });`,
    });
    expect(only(fx).id).toBe('kafka:user-events');
  });

  test('a command built earlier and sent later', () => {
    const fx = fixture(
      `import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';\nconst sqs = new SQSClient({});\ndeclare const u: any;\nconst cmd = new SendMessageCommand({ QueueUrl: 'q', MessageBody: JSON.stringify(u) });\n/*sink*/sqs.send(cmd);`,
    );
    expect(only(fx)).toMatchObject({ id: 'sqs', data: ['JSON.stringify(u)'] });
  });

  test('send() of a non-AWS object is not a command sink', () => {
    expect(
      fixture(
        `import { SendMessageCommand } from 'not-aws';\ndeclare const client: any;\n/*sink*/client.send(new SendMessageCommand({}));`,
      ).at(),
    ).toEqual([]);
  });
});

describe('object storage and files', () => {
  test.each(STORAGE)('%s', (_name, source, expected) => {
    expect(sinkOf(source)).toMatchObject(expected);
  });
});

describe('browser storage, cookies and tokens', () => {
  test.each(CLIENT)('%s', (_name, source, expected) => {
    expect(sinkOf(source)).toMatchObject(expected);
  });

  test('hard negative: the getter of useLocalStorage and a useState setter are not sinks', () => {
    const fx = fixture(
      `import { useLocalStorage } from 'usehooks-ts';\nimport { useState } from 'react';\ndeclare const draft: string;\nconst [value, setValue] = useLocalStorage('draft', '');\nconst [s, setS] = useState('');\n/*a*/setS(draft);\n/*b*/String(value);`,
    );
    expect(fx.at('/*a*/')).toEqual([]);
    expect(fx.at('/*b*/')).toEqual([]);
  });

  test('a storage handed to a library is marked as filled later', () => {
    const fx = fixture(`import multerS3 from 'multer-s3';\ndeclare const s3: any;\n/*sink*/multerS3({ s3, bucket: 'b' });`);
    expect(fx.resolver.match(fx.marked())[0]!.storesLater).toBe(true);
  });
});

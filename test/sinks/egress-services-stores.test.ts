import { fixture, only, sinkOf, type Summary } from './helpers.js';

type Expected = Partial<Summary> & { id: string };

const SERVICES: [string, string, Expected][] = [
  [
    'sendgrid',
    `import sgMail from '@sendgrid/mail';\ndeclare const u: any;\n/*sink*/sgMail.send({ to: u.email, subject: 'x', text: 'y' });`,
    { id: 'sendgrid', service: 'email', data: ["{ to: u.email, subject: 'x', text: 'y' }"] },
  ],
  [
    'nodemailer sendMail',
    `import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\n/*sink*/t.sendMail({ to: 'x' });`,
    { id: 'nodemailer', service: 'email' },
  ],
  [
    'nodemailer typed Transporter',
    `import type { Transporter } from 'nodemailer';\nclass Mailer { constructor(private t: Transporter) {} send(to: string) { /*sink*/this.t.sendMail({ to }); } }`,
    { id: 'nodemailer' },
  ],
  [
    'mailgun.js messages.create data is the 2nd argument',
    `import Mailgun from 'mailgun.js';\nconst mg = new Mailgun(FormData as any).client({ username: 'api', key: 'k' });\ndeclare const msg: any;\n/*sink*/mg.messages.create('domain', msg);`,
    { id: 'mailgun', data: ['msg'] },
  ],
  [
    'postmark',
    `import { ServerClient } from 'postmark';\n/*sink*/new ServerClient('t').sendEmail({ To: 'x' } as any);`,
    { id: 'postmark' },
  ],
  ['resend', `import { Resend } from 'resend';\nconst r = new Resend('k');\n/*sink*/r.emails.send({ to: 'x' } as any);`, { id: 'resend' }],
  [
    'SES v3 SendEmailCommand',
    `import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';\nconst ses = new SESClient({});\n/*sink*/ses.send(new SendEmailCommand({ Destination: { ToAddresses: ['x'] } } as any));`,
    { id: 'ses', service: 'email' },
  ],
  [
    'twilio messages.create',
    `import twilio from 'twilio';\nconst client = twilio('sid', 'token');\ndeclare const phone: string;\n/*sink*/client.messages.create({ to: phone, from: 'x', body: 'code' });`,
    { id: 'twilio', service: 'sms' },
  ],
  [
    'vonage sms.send',
    `import { Vonage } from '@vonage/server-sdk';\nconst v = new Vonage({} as any);\n/*sink*/v.sms.send({ to: 'x', from: 'y', text: 'z' });`,
    { id: 'vonage' },
  ],
  [
    'slack chat.postMessage',
    `import { WebClient } from '@slack/web-api';\nconst slack = new WebClient('t');\n/*sink*/slack.chat.postMessage({ channel: 'c', text: 'x' });`,
    { id: 'slack', service: 'chat' },
  ],
  [
    'slack webhook',
    `import { IncomingWebhook } from '@slack/webhook';\nconst hook = new IncomingWebhook('https://hooks.slack.com/x');\n/*sink*/hook.send({ text: 'x' });`,
    { id: 'slack' },
  ],
  [
    'stripe customers.create',
    `import Stripe from 'stripe';\nconst stripe = new Stripe('k');\ndeclare const u: any;\n/*sink*/stripe.customers.create({ email: u.email, name: u.name });`,
    { id: 'stripe', service: 'payments', description: 'stripe customers.create' },
  ],
  [
    'stripe customers.update',
    `import Stripe from 'stripe';\nconst stripe = new Stripe('k');\n/*sink*/stripe.customers.update('cus_1', { phone: 'x' });`,
    { id: 'stripe' },
  ],
  [
    'stripe paymentIntents.create',
    `import Stripe from 'stripe';\nconst stripe = new Stripe('k');\n/*sink*/stripe.paymentIntents.create({ amount: 1, currency: 'eur' });`,
    { id: 'stripe' },
  ],
  [
    'stripe checkout.sessions.create',
    `import Stripe from 'stripe';\nconst stripe = new Stripe('k');\n/*sink*/stripe.checkout.sessions.create({ customer_email: 'x' } as any);`,
    { id: 'stripe' },
  ],
  [
    'braintree',
    `import braintree from 'braintree';\nconst gw = new braintree.BraintreeGateway({} as any);\n/*sink*/gw.customer.create({ email: 'x' });`,
    { id: 'braintree' },
  ],
  [
    'square',
    `import { SquareClient } from 'square';\nconst sq = new SquareClient({});\n/*sink*/sq.customers.create({ emailAddress: 'x' });`,
    { id: 'square' },
  ],
  [
    'plaid',
    `import { PlaidApi } from 'plaid';\nconst p = new PlaidApi({} as any);\n/*sink*/p.linkTokenCreate({ user: { client_user_id: 'x' } } as any);`,
    { id: 'plaid' },
  ],
  [
    'adyen',
    `import { CheckoutAPI } from '@adyen/api-library';\nconst c = new CheckoutAPI({} as any);\n/*sink*/c.PaymentsApi.payments({} as any);`,
    { id: 'adyen' },
  ],
  [
    'algolia saveObject',
    `import algoliasearch from 'algoliasearch';\nconst index = algoliasearch('a', 'k').initIndex('users');\ndeclare const u: any;\n/*sink*/index.saveObject(u);`,
    { id: 'algolia', kind: 'third_party', service: 'search', data: ['u'] },
  ],
  [
    'algolia partialUpdateObjects',
    `import algoliasearch from 'algoliasearch';\nconst index = algoliasearch('a', 'k').initIndex('users');\n/*sink*/index.partialUpdateObjects([]);`,
    { id: 'algolia' },
  ],
  [
    'jsforce sobject().create',
    `import jsforce from 'jsforce';\nconst conn = new jsforce.Connection({});\n/*sink*/conn.sobject('Contact').create({ Email: 'x' });`,
    { id: 'salesforce', service: 'crm' },
  ],
  [
    'hubspot api-client',
    `import { Client } from '@hubspot/api-client';\nconst hs = new Client({});\n/*sink*/hs.crm.contacts.basicApi.create({ properties: { email: 'x' } } as any);`,
    { id: 'hubspot', service: 'crm' },
  ],
  [
    'intercom-client',
    `import { IntercomClient } from 'intercom-client';\nconst ic = new IntercomClient({});\n/*sink*/ic.contacts.create({ email: 'x' } as any);`,
    { id: 'intercom' },
  ],
  [
    'Lob letters (TypeScript SDK)',
    `import { LettersApi } from '@lob/lob-typescript-sdk';\ndeclare const letter: any;\n/*sink*/new LettersApi({} as any).create(letter);`,
    { id: 'lob', service: 'print-mail', data: ['letter'] },
  ],
  [
    'Google Sheets values.append',
    `import { google } from 'googleapis';\nconst sheets = google.sheets({ version: 'v4' });\n/*sink*/sheets.spreadsheets.values.append({ spreadsheetId: 's', requestBody: { values: [] } });`,
    { id: 'google-sheets', service: 'spreadsheet' },
  ],
  [
    'Airtable base(table).create',
    `import Airtable from 'airtable';\nconst base = new Airtable({ apiKey: 'k' }).base('app');\n/*sink*/base('Contacts').create([{ fields: {} }]);`,
    { id: 'airtable' },
  ],
  [
    'node-zendesk',
    `import zendesk from 'node-zendesk';\nconst z = zendesk.createClient({} as any);\n/*sink*/z.tickets.create({ ticket: {} } as any);`,
    { id: 'zendesk' },
  ],
];

const STORES: [string, string, Expected][] = [
  [
    'mysql2 query',
    `import mysql from 'mysql2/promise';\nconst pool = mysql.createPool({});\ndeclare const email: string;\n/*sink*/pool.query('INSERT INTO u (email) VALUES (?)', [email]);`,
    { id: 'mysql', kind: 'datastore', data: ["'INSERT INTO u (email) VALUES (?)'", '[email]'] },
  ],
  [
    'mysql execute on a connection',
    `import mysql from 'mysql2';\nconst c = mysql.createConnection({});\n/*sink*/c.execute('x', []);`,
    { id: 'mysql' },
  ],
  [
    'pg Pool.query',
    `import { Pool } from 'pg';\nconst pool = new Pool();\n/*sink*/pool.query('insert', ['a']);`,
    { id: 'postgres', package: 'pg' },
  ],
  [
    'postgres.js tagged template',
    `import postgres from 'postgres';\nconst sql = postgres('url');\ndeclare const u: any;\n/*sink*/sql\`insert into users (email) values (\${u.email})\`;`,
    { id: 'postgres', data: ['u.email'] },
  ],
  [
    '@vercel/postgres sql tag',
    `import { sql } from '@vercel/postgres';\ndeclare const e: string;\n/*sink*/sql\`select 1 where e = \${e}\`;`,
    { id: 'postgres' },
  ],
  [
    'better-sqlite3 prepare().run',
    `import Database from 'better-sqlite3';\nconst db = new Database('f.db');\ndeclare const e: string;\n/*sink*/db.prepare('insert into u values (?)').run(e);`,
    { id: 'sqlite', data: ['e'] },
  ],
  [
    'sqlite3 run',
    `import sqlite3 from 'sqlite3';\nconst db = new sqlite3.Database(':memory:');\n/*sink*/db.run('insert', ['x']);`,
    { id: 'sqlite' },
  ],
  [
    'mssql request.input',
    `import sql from 'mssql';\nconst pool = await sql.connect('x');\ndeclare const email: string;\n/*sink*/pool.request().input('email', sql.VarChar, email);`,
    { id: 'mssql', data: ["'email'", 'sql.VarChar', 'email'] },
  ],
  [
    'oracledb execute',
    `import oracledb from 'oracledb';\nconst c = await oracledb.getConnection({});\n/*sink*/c.execute('insert', { e: 'x' });`,
    { id: 'oracle' },
  ],
  [
    'prisma model create data',
    `import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\ndeclare const u: any;\n/*sink*/prisma.user.create({ data: { email: u.email }, select: { id: true } });`,
    { id: 'prisma', kind: 'datastore', description: 'prisma user.create', data: ['{ email: u.email }'] },
  ],
  [
    'prisma upsert create + update',
    `import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n/*sink*/prisma.account.upsert({ where: { id: 1 }, create: { a: 1 }, update: { b: 2 } });`,
    { id: 'prisma', data: ['{ a: 1 }', '{ b: 2 }'] },
  ],
  [
    'prisma createMany in a transaction callback',
    `import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nprisma.$transaction(async (tx) => { await /*sink*/tx.user.createMany({ data: [] }); });`,
    { id: 'prisma' },
  ],
  [
    'prisma through a NestJS PrismaService',
    `import { PrismaClient } from '@prisma/client';\nclass PrismaService extends PrismaClient {}\nclass Users { constructor(private prisma: PrismaService) {} create(d: any) { return /*sink*/this.prisma.user.update({ where: { id: 1 }, data: d }); } }`,
    { id: 'prisma', data: ['d'] },
  ],
  [
    'prisma $executeRaw tagged template',
    `import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\ndeclare const e: string;\n/*sink*/prisma.$executeRaw\`UPDATE u SET email = \${e}\`;`,
    { id: 'prisma', data: ['e'] },
  ],
  [
    'typeorm repository.save',
    `import { Repository } from 'typeorm';\nclass S { constructor(private repo: Repository<any>) {} run(u: any) { return /*sink*/this.repo.save(u); } }`,
    { id: 'typeorm', data: ['u'] },
  ],
  [
    'typeorm getRepository(X).save',
    `import { getRepository } from 'typeorm';\nclass User {}\ndeclare const u: User;\n/*sink*/getRepository(User).save(u);`,
    { id: 'typeorm' },
  ],
  [
    'typeorm dataSource.getRepository().insert',
    `import { DataSource } from 'typeorm';\nconst ds = new DataSource({} as any);\n/*sink*/ds.getRepository('User').insert({ email: 'x' });`,
    { id: 'typeorm' },
  ],
  [
    'typeorm update(criteria, partial) data is the partial',
    `import { Repository } from 'typeorm';\ndeclare const repo: Repository<any>;\ndeclare const patch: any;\nfunction f(r: Repository<any>) { /*sink*/r.update({ id: 1 }, patch); }`,
    { id: 'typeorm', data: ['patch'] },
  ],
  [
    'sequelize Model.create on a project model class',
    `import { Model } from 'sequelize';\nclass User extends Model {}\ndeclare const dto: any;\n/*sink*/User.create(dto);`,
    { id: 'sequelize', data: ['dto'] },
  ],
  [
    'sequelize bulkCreate',
    `import { Model } from 'sequelize-typescript';\nclass Person extends Model {}\n/*sink*/Person.bulkCreate([]);`,
    { id: 'sequelize' },
  ],
  [
    'sequelize instance.save: the instance is data',
    `import { Model } from 'sequelize';\nclass User extends Model {}\nconst u = User.build({ email: 'x' });\n/*sink*/u.save();`,
    { id: 'sequelize', data: ['u', "{ email: 'x' }"] },
  ],
  [
    'drizzle insert().values',
    `import { drizzle } from 'drizzle-orm/node-postgres';\nconst db = drizzle('url');\ndeclare const users: any, row: any;\n/*sink*/db.insert(users).values(row);`,
    { id: 'drizzle', data: ['row'] },
  ],
  [
    'drizzle update().set',
    `import { drizzle } from 'drizzle-orm/better-sqlite3';\nconst db = drizzle({} as any);\ndeclare const users: any;\n/*sink*/db.update(users).set({ email: 'x' });`,
    { id: 'drizzle' },
  ],
  [
    "knex('t').insert",
    `import knex from 'knex';\nconst db = knex({});\ndeclare const u: any;\n/*sink*/db('users').insert(u);`,
    { id: 'knex', data: ['u'] },
  ],
  [
    'mongodb insertOne',
    `import { MongoClient } from 'mongodb';\nconst client = new MongoClient('url');\ndeclare const u: any;\n/*sink*/client.db().collection('users').insertOne(u);`,
    { id: 'mongodb', data: ['u'] },
  ],
  [
    'mongodb updateOne data is the update',
    `import { MongoClient } from 'mongodb';\nconst users = new MongoClient('url').db('app').collection('users');\n/*sink*/users.updateOne({ _id: 1 }, { $set: { email: 'x' } });`,
    { id: 'mongodb', data: ["{ $set: { email: 'x' } }"] },
  ],
  [
    'mongodb bulkWrite',
    `import { MongoClient } from 'mongodb';\nconst users = new MongoClient('url').db().collection('u');\n/*sink*/users.bulkWrite([]);`,
    { id: 'mongodb' },
  ],
  [
    'mongoose Model.create',
    `import mongoose from 'mongoose';\nconst User = mongoose.model('User', new mongoose.Schema({}));\n/*sink*/User.create({ email: 'x' });`,
    { id: 'mongoose' },
  ],
  // builders: the document is what it was built from
  [
    'mongoose new Model(x).save()',
    `import { model, Schema } from 'mongoose';\nconst User = model('User', new Schema({}));\ndeclare const dto: any;\n/*sink*/new User(dto).save();`,
    { id: 'mongoose', data: ['new User(dto)', 'dto'] },
  ],
  [
    'mongoose document built into a variable, then saved',
    `import { Model } from 'mongoose';\nclass S { constructor(private users: Model<any>) {} async run(d: any) { const created = new this.users(d); return /*sink*/created.save(); } }`,
    { id: 'mongoose', data: ['created', 'd'] },
  ],
  [
    'mongoose document filled field by field, then saved',
    `import mongoose from 'mongoose';\nconst User = mongoose.model('User', new mongoose.Schema({}));\nasync function f(id: string, addr: string) { const user: any = await User.findById(id); user.email = addr; Object.assign(user, { phone: '1' }); /*sink*/user.save(); }`,
    { id: 'mongoose', data: ['user', 'user.email', 'addr', "{ phone: '1' }"] },
  ],
  [
    'typeorm save(repository.create(fields)): the fields',
    `import { Repository } from 'typeorm';\nclass S { constructor(private repo: Repository<any>) {} run(u: any) { return /*sink*/this.repo.save(this.repo.create({ email: u.email })); } }`,
    { id: 'typeorm', data: ['this.repo.create({ email: u.email })', '{ email: u.email }'] },
  ],
  [
    'typeorm manager.create(Entity, fields) then save',
    `import { EntityManager } from 'typeorm';\nclass User {}\nasync function f(m: EntityManager, dto: any) { const e = m.create(User, dto); await /*sink*/m.save(e); }`,
    { id: 'typeorm', data: ['e', 'User', 'dto'] },
  ],
  [
    'hard negative: an object built by another package is only itself',
    `import { Repository } from 'typeorm';\nimport factory from 'some-factory';\nclass S { constructor(private repo: Repository<any>) {} run(u: any) { return /*sink*/this.repo.save(factory.create(u)); } }`,
    { id: 'typeorm', data: ['factory.create(u)'] },
  ],
  [
    'hard negative: writes to another object in the function are not the saved one',
    `import mongoose from 'mongoose';\nconst User = mongoose.model('User', new mongoose.Schema({}));\nasync function f(id: string, other: any) { const user: any = await User.findById(id); other.email = 'x'; /*sink*/user.save(); }`,
    { id: 'mongoose', data: ['user'] },
  ],
  [
    'mongoose injected Model<T>',
    `import { Model } from 'mongoose';\nclass S { constructor(private users: Model<any>) {} run(d: any) { return /*sink*/this.users.create(d); } }`,
    { id: 'mongoose' },
  ],
  [
    'ioredis set',
    `import Redis from 'ioredis';\nconst redis = new Redis();\ndeclare const u: any;\n/*sink*/redis.set(\`user:\${u.id}\`, JSON.stringify(u), 'EX', 60);`,
    { id: 'redis', kind: 'datastore' },
  ],
  [
    'node-redis hSet',
    `import { createClient } from 'redis';\nconst r = createClient();\n/*sink*/r.hSet('k', { email: 'x' });`,
    { id: 'redis' },
  ],
  ['redis publish', `import Redis from 'ioredis';\nconst pub = new Redis();\n/*sink*/pub.publish('events', 'x');`, { id: 'redis' }],
  [
    'DynamoDB PutItemCommand',
    `import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';\nconst ddb = new DynamoDBClient({});\ndeclare const item: any;\n/*sink*/ddb.send(new PutItemCommand({ TableName: 'users', Item: item }));`,
    { id: 'dynamodb:users', kind: 'datastore', data: ['item'] },
  ],
  [
    'lib-dynamodb PutCommand with a doc client',
    `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';\nconst doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));\ndeclare const u: any;\n/*sink*/doc.send(new PutCommand({ TableName: 'users', Item: u }));`,
    { id: 'dynamodb:users', data: ['u'] },
  ],
  [
    'firestore set',
    `import admin from 'firebase-admin';\nconst db = admin.firestore();\n/*sink*/db.collection('users').doc('1').set({ email: 'x' });`,
    { id: 'firestore' },
  ],
  [
    'firestore modular setDoc',
    `import { setDoc, doc, getFirestore } from 'firebase/firestore';\ndeclare const u: any;\n/*sink*/setDoc(doc(getFirestore(), 'users', '1'), u);`,
    { id: 'firestore', data: ['u'] },
  ],
  [
    'supabase from().insert',
    `import { createClient } from '@supabase/supabase-js';\nconst supabase = createClient('u', 'k');\ndeclare const row: any;\n/*sink*/supabase.from('users').insert(row);`,
    { id: 'supabase', data: ['row'] },
  ],
  [
    'supabase from().upsert',
    `import { createClient } from '@supabase/supabase-js';\nconst supabase = createClient('u', 'k');\n/*sink*/supabase.from('users').upsert({ a: 1 });`,
    { id: 'supabase' },
  ],
  [
    'hbase row().put',
    `import hbase from 'hbase';\nconst client = hbase({});\n/*sink*/client.table('users').row('r1').put('cf:email', 'x');`,
    { id: 'hbase' },
  ],
  [
    'hbase-rpc-client put',
    `import HBase from 'hbase-rpc-client';\nconst client = HBase({});\ndeclare const put: any;\n/*sink*/client.put('users', put);`,
    { id: 'hbase' },
  ],
  [
    'neo4j session.run',
    `import neo4j from 'neo4j-driver';\nconst driver = neo4j.driver('url');\n/*sink*/driver.session().run('CREATE (u:User {email: $e})', { e: 'x' });`,
    { id: 'neo4j' },
  ],
  [
    'cassandra execute',
    `import { Client } from 'cassandra-driver';\nconst c = new Client({});\n/*sink*/c.execute('insert', ['x'], { prepare: true });`,
    { id: 'cassandra' },
  ],
  [
    'pinecone upsert',
    `import { Pinecone } from '@pinecone-database/pinecone';\nconst pc = new Pinecone();\n/*sink*/pc.index('docs').upsert([]);`,
    { id: 'pinecone' },
  ],
  [
    'weaviate data.insert',
    `import weaviate from 'weaviate-client';\nconst client = await weaviate.connectToLocal();\n/*sink*/client.collections.get('User').data.insert({ email: 'x' });`,
    { id: 'weaviate' },
  ],
  [
    'qdrant upsert',
    `import { QdrantClient } from '@qdrant/js-client-rest';\nconst q = new QdrantClient({});\ndeclare const points: any;\n/*sink*/q.upsert('docs', { points });`,
    { id: 'qdrant', data: ['{ points }'] },
  ],
  [
    'chroma add',
    `import { ChromaClient } from 'chromadb';\nconst col = await new ChromaClient().getOrCreateCollection({ name: 'x' });\n/*sink*/col.add({ ids: ['1'], documents: ['x'] });`,
    { id: 'chroma' },
  ],
  [
    'milvus insert',
    `import { MilvusClient } from '@zilliz/milvus2-sdk-node';\nconst m = new MilvusClient({} as any);\n/*sink*/m.insert({ collection_name: 'x', data: [] });`,
    { id: 'milvus' },
  ],
  [
    'elasticsearch index',
    `import { Client } from '@elastic/elasticsearch';\nconst es = new Client({});\ndeclare const u: any;\n/*sink*/es.index({ index: 'users', document: u });`,
    { id: 'elasticsearch', kind: 'datastore', service: 'search' },
  ],
  [
    'opensearch bulk',
    `import { Client } from '@opensearch-project/opensearch';\nconst os = new Client({});\n/*sink*/os.bulk({ body: [] });`,
    { id: 'elasticsearch', package: '@opensearch-project/opensearch' },
  ],
];

describe('email, SMS, chat, payments, search, CRM', () => {
  test.each(SERVICES)('%s', (_name, source, expected) => {
    expect(sinkOf(source)).toMatchObject(expected);
  });
});

describe('data stores', () => {
  test.each(STORES)('%s', (_name, source, expected) => {
    expect(sinkOf(source)).toMatchObject(expected);
  });

  test('a prisma client exported from another file', () => {
    const fx = fixture({
      '/src/db.ts': `import { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient();`,
      '/src/users.ts': `import { prisma } from './db';\nexport const create = (email: string) => /*sink*/prisma.user.create({ data: { email } });`,
    });
    expect(only(fx)).toMatchObject({ id: 'prisma', data: ['{ email }'] });
  });

  test('supabase storage uploads are storage, not the database', () => {
    const fx = fixture(
      `import { createClient } from '@supabase/supabase-js';\nconst supabase = createClient('u', 'k');\n/*sink*/supabase.storage.from('avatars').update('a.png', 'x');`,
    );
    expect(fx.at().map((m) => [m.id, m.kind])).toEqual([['supabase-storage:avatars', 'storage']]);
  });

  test('supabase through a typed SupabaseClient', () => {
    const fx = fixture(
      `import type { SupabaseClient } from '@supabase/supabase-js';\nexport function save(db: SupabaseClient, row: unknown) { return /*sink*/db.from('t').insert(row); }`,
    );
    expect(only(fx)).toMatchObject({ id: 'supabase', data: ['row'] });
  });

  test('typeorm active-record entity.save(): the entity is the data', () => {
    const fx = fixture(
      `import { BaseEntity } from 'typeorm';\nclass User extends BaseEntity { email!: string; }\nconst u = new User();\n/*sink*/u.save();`,
    );
    expect(only(fx)).toMatchObject({ id: 'typeorm', data: ['u'] });
  });

  test('prisma reads (findMany) are not sinks', () => {
    expect(
      fixture(
        `import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n/*sink*/prisma.user.findMany({ where: { email: 'x' } });`,
      ).at(),
    ).toEqual([]);
  });
});

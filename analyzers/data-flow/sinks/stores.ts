import { calls, type CallSpec, type SinkSpec } from '../../../src/sinks/catalog-types.js';
import { props, spec, aws, awsCommands } from './rows.js';

// ---- Data stores (egress, rule data-flow) ----

/** A data store (kind `datastore`). */
function store(id: string, label: string, packages: readonly string[], callList: readonly CallSpec[], service?: string): SinkSpec {
  return spec(id, 'datastore', label, service, packages, callList);
}

const REDIS_COMMANDS = [
  'set',
  'setex',
  'setEx',
  'setnx',
  'setNX',
  'psetex',
  'mset',
  'mSet',
  'msetnx',
  'getset',
  'append',
  'hset',
  'hSet',
  'hmset',
  'hmSet',
  'hsetnx',
  'hSetNX',
  'lpush',
  'lPush',
  'rpush',
  'rPush',
  'lset',
  'lSet',
  'linsert',
  'sadd',
  'sAdd',
  'zadd',
  'zAdd',
  'xadd',
  'xAdd',
  'geoadd',
  'geoAdd',
  'publish',
  'spublish',
  'json.set',
  'set_',
  'sendCommand',
  'call',
];
const PRISMA_DATA = props(0, 'data');
// What an entity or document is built from before it is saved (SinkSpec.builders).
// repository.create(fields), manager.create(Entity, fields), dataSource.getRepository(E).create(fields)
const TYPEORM_BUILDERS: CallSpec[] = calls(
  ['Repository.create', 'EntityManager.create', 'getRepository().create', 'manager.create'],
  'all',
);
// Model.build(values)
const SEQUELIZE_BUILDERS: CallSpec[] = calls(['build'], [0]);
// new User(doc) with User = mongoose.model(...), an injected Model<T>, or Typegoose's getModelForClass(C)
const MONGOOSE_BUILDERS: CallSpec[] = [{ path: ['model()', 'Model', 'getModelForClass()'], on: 'new', args: [0] }];

export const STORES: readonly SinkSpec[] = [
  store('mysql', 'MySQL', ['mysql', 'mysql2', 'mysql2/*', '@planetscale/database'], calls(['query', 'execute'])),
  store(
    'postgres',
    'PostgreSQL',
    ['pg', 'pg-pool', '@neondatabase/serverless', '@vercel/postgres'],
    [...calls(['query']), { path: ['^sql', 'neon()'], on: 'tag' }],
  ),
  // const sql = postgres(url); sql`insert into users ${sql(user)}`
  store('postgres', 'PostgreSQL', ['postgres'], [{ path: ['^()', '^().begin.=>'], on: 'tag' }, ...calls(['^().unsafe'])]),
  store(
    'postgres',
    'PostgreSQL',
    ['pg-promise'],
    calls(['none', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'result', 'query', 'multi']),
  ),
  store('sqlite', 'SQLite', ['better-sqlite3'], calls(['prepare().run', 'exec'])),
  store('sqlite', 'SQLite', ['sqlite3', 'sqlite'], calls(['run', 'exec'])),
  store(
    'mssql',
    'SQL Server',
    ['mssql', 'tedious'],
    [...calls(['input', 'query', 'execute', 'bulk', 'execSql']), { path: '^query', on: 'tag' }],
  ),
  store('oracle', 'Oracle Database', ['oracledb'], calls(['execute', 'executeMany'])),
  // prisma.user.create({ data }); `tx.user.create` in $transaction(tx => ...); a PrismaService extends PrismaClient
  store(
    'prisma',
    'Prisma',
    ['@prisma/client', '@prisma/client/*', '.prisma/client'],
    [
      ...calls(['*.create', '*.createMany', '*.createManyAndReturn', '*.update', '*.updateMany', '*.updateManyAndReturn'], PRISMA_DATA),
      { path: '*.upsert', args: props(0, 'create', 'update') },
      ...calls(['$executeRaw', '$executeRawUnsafe']),
      { path: ['$executeRaw', '$queryRaw'], on: 'tag' },
    ],
  ),
  {
    ...store(
      'typeorm',
      'TypeORM',
      ['typeorm'],
      [
        ...calls(['insert', 'upsert', 'values', 'query']),
        // repository.save(entity), manager.save(Entity, data)
        { path: 'save', args: 'all' },
        // class User extends BaseEntity: user.save() stores the entity itself
        { path: 'BaseEntity.save', args: ['receiver', '0..'] },
        // repository.update(criteria, partial); queryBuilder.update(Entity).set(values)
        { path: 'update', args: ['1..'] },
        { path: 'update().set', args: [0] },
      ],
    ),
    builders: TYPEORM_BUILDERS,
  },
  {
    ...store(
      'sequelize',
      'Sequelize',
      ['sequelize', 'sequelize-typescript'],
      [
        ...calls(['create', 'bulkCreate', 'upsert', 'query', 'update', 'increment']),
        // instance.save(): the instance is the data
        { path: 'save', args: ['receiver', 0] },
      ],
    ),
    builders: SEQUELIZE_BUILDERS,
  },
  store(
    'drizzle',
    'Drizzle ORM',
    ['drizzle-orm', 'drizzle-orm/*'],
    [...calls(['insert().values', 'update().set', 'onConflictDoUpdate'], [0]), ...calls(['execute'])],
  ),
  store('knex', 'Knex', ['knex'], calls(['insert', 'update', 'merge', 'raw'])),
  store(
    'mikro-orm',
    'MikroORM',
    ['@mikro-orm/core', '@mikro-orm/*'],
    calls(['persist', 'persistAndFlush', 'insert', 'insertMany', 'nativeInsert', 'nativeUpdate', 'upsert', 'upsertMany']),
  ),
  store(
    'objection',
    'Objection.js',
    ['objection'],
    calls(['insert', 'patch', 'update', 'insertGraph', 'upsertGraph', 'patchAndFetchById', 'updateAndFetchById']),
  ),
  store(
    'mongodb',
    'MongoDB',
    ['mongodb'],
    [
      ...calls(['insertOne', 'insertMany', 'bulkWrite'], [0]),
      ...calls(['updateOne', 'updateMany', 'replaceOne', 'findOneAndUpdate', 'findOneAndReplace'], [1]),
    ],
  ),
  {
    ...store(
      'mongoose',
      'Mongoose',
      ['mongoose', '@typegoose/typegoose'],
      [
        ...calls(['create', 'insertMany', 'bulkWrite', 'bulkSave']),
        ...calls(['updateOne', 'updateMany', 'replaceOne', 'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndReplace'], ['1..']),
        // new User(data).save(), doc.save(): the document is the data
        { path: 'save', args: ['receiver', 0] },
      ],
    ),
    builders: MONGOOSE_BUILDERS,
  },
  store('redis', 'Redis', ['redis', 'ioredis', '@redis/client', '@upstash/redis', '@vercel/kv', 'redis-om'], calls(REDIS_COMMANDS)),
  ...aws(
    'dynamodb',
    'datastore',
    'DynamoDB',
    undefined,
    'DynamoDB',
    '@aws-sdk/client-dynamodb',
    {
      PutItemCommand: props(0, 'Item'),
      UpdateItemCommand: props(0, 'Key', 'ExpressionAttributeValues'),
      BatchWriteItemCommand: props(0, 'RequestItems'),
      TransactWriteItemsCommand: props(0, 'TransactItems'),
      ExecuteStatementCommand: props(0, 'Statement', 'Parameters'),
    },
    {
      putItem: props(0, 'Item'),
      updateItem: props(0, 'Key', 'ExpressionAttributeValues'),
      batchWriteItem: props(0, 'RequestItems'),
      transactWriteItems: props(0, 'TransactItems'),
    },
    { index: 0, property: 'TableName' },
  ),
  store(
    'dynamodb',
    'DynamoDB',
    ['@aws-sdk/lib-dynamodb'],
    [
      ...awsCommands(
        {
          PutCommand: props(0, 'Item'),
          UpdateCommand: props(0, 'Key', 'ExpressionAttributeValues'),
          BatchWriteCommand: props(0, 'RequestItems'),
          TransactWriteCommand: props(0, 'TransactItems'),
        },
        { index: 0, property: 'TableName' },
      ),
      // DynamoDBDocument.from(client).put({...})
      ...calls(
        [
          'DynamoDBDocument.put',
          'DynamoDBDocument.update',
          'DynamoDBDocument.batchWrite',
          'DynamoDBDocument.transactWrite',
          'from().put',
          'from().update',
          'from().batchWrite',
          'from().transactWrite',
        ],
        props(0, 'Item', 'Key', 'ExpressionAttributeValues', 'RequestItems', 'TransactItems'),
        { name: { index: 0, property: 'TableName' } },
      ),
    ],
  ),
  store(
    'dynamodb',
    'DynamoDB',
    ['aws-sdk'],
    calls(
      ['DocumentClient.put', 'DocumentClient.update', 'DocumentClient.batchWrite', 'DocumentClient.transactWrite'],
      props(0, 'Item', 'Key', 'ExpressionAttributeValues', 'RequestItems', 'TransactItems'),
      { name: { index: 0, property: 'TableName' } },
    ),
  ),
  store(
    'firestore',
    'Firebase',
    ['firebase-admin', 'firebase-admin/*', '@google-cloud/firestore', 'firebase', 'firebase/compat/*'],
    calls(['set', 'add', 'update', 'create', 'push', 'setWithMerge', 'createUser', 'updateUser']),
  ),
  // modular API: setDoc(ref, data), addDoc(col, data), set(ref(db, path), value)
  store(
    'firestore',
    'Firebase',
    ['firebase/firestore', 'firebase/firestore/*', '@firebase/firestore', 'firebase/database', '@firebase/database'],
    calls(['^setDoc', '^addDoc', '^updateDoc', '^set', '^push', '^update', '^writeBatch().set', '^writeBatch().update'], ['1..']),
  ),
  store(
    'supabase',
    'Supabase',
    ['@supabase/supabase-js', '@supabase/ssr', '@supabase/auth-helpers-nextjs'],
    [
      // `().from()`: the client's own from(), not `storage.from(bucket)` (object storage, below)
      ...calls(
        ['insert', 'upsert', 'update'].flatMap((m) => [`().from().${m}`, `SupabaseClient.from().${m}`]),
        [0],
      ),
      ...calls(['auth.signUp', 'auth.updateUser', 'auth.admin.createUser', 'auth.admin.updateUserById'], [0]),
      { path: 'rpc', args: [1] },
    ],
  ),
  store('hbase', 'HBase', ['hbase', 'hbase-client'], calls(['put', 'row().put', 'mutateRow'])),
  store('hbase', 'HBase', ['hbase-rpc-client'], [...calls(['put', 'mutateRow', 'mput']), { path: 'Put.addColumn', args: [2] }]),
  store('neo4j', 'Neo4j', ['neo4j-driver'], calls(['run', 'executeQuery'])),
  store('cassandra', 'Cassandra', ['cassandra-driver'], calls(['execute', 'batch', 'eachRow', 'stream'])),
  store('couchbase', 'Couchbase', ['couchbase'], calls(['insert', 'upsert', 'replace', 'mutateIn'], ['1..'])),
  store('couchdb', 'CouchDB', ['nano'], calls(['insert', 'bulk'], [0])),
  store('pinecone', 'Pinecone', ['@pinecone-database/pinecone'], calls(['upsert', 'update', 'upsertRecords'], [0]), 'vector'),
  store(
    'weaviate',
    'Weaviate',
    ['weaviate-ts-client', 'weaviate-client'],
    calls(['withProperties', 'data.insert', 'data.insertMany', 'data.update', 'data.replace', 'withObjects', 'withObject'], [0]),
    'vector',
  ),
  store(
    'qdrant',
    'Qdrant',
    ['@qdrant/js-client-rest', '@qdrant/qdrant-js'],
    calls(['upsert', 'setPayload', 'overwritePayload', 'updateVectors'], ['1..']),
    'vector',
  ),
  store('chroma', 'Chroma', ['chromadb'], calls(['add', 'upsert', 'update'], [0]), 'vector'),
  store('milvus', 'Milvus', ['@zilliz/milvus2-sdk-node'], calls(['insert', 'upsert'], [0]), 'vector'),
  store(
    'elasticsearch',
    'Elasticsearch',
    ['@elastic/elasticsearch', 'elasticsearch', '@opensearch-project/opensearch'],
    calls(['index', 'bulk', 'update', 'create', 'updateByQuery'], [0]),
    'search',
  ),
];

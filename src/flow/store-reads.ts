/**
 * A read by key from the application's own data store, through a client of a package no catalogue
 * row knows (`checkpointer.getTuple({ thread_id })` of a MongoDB checkpoint saver, `cache.get(key)`
 * of a Redis wrapper): the store already holds the key it is asked for, so the call stores and
 * discloses nothing. A vendor's API client is not a store: a lookup there sends the key to the vendor.
 */

/** Words of a package name that make it a client of a data store (`@langchain/langgraph-checkpoint-mongodb`, `keyv-redis`). */
const STORE_WORDS: ReadonlySet<string> = new Set([
  'mongodb',
  'mongo',
  'redis',
  'ioredis',
  'valkey',
  'postgres',
  'postgresql',
  'pg',
  'mysql',
  'mariadb',
  'sqlite',
  'sqlite3',
  'libsql',
  'dynamodb',
  'cassandra',
  'couchdb',
  'keyv',
  'lmdb',
  'leveldb',
  'checkpoint',
]);

/** Leading verbs of a method that reads (`get`, `getTuple`, `findOne`, `findById`, `list`, `count`, `exists`). */
const READ_VERBS: ReadonlySet<string> = new Set(['get', 'find', 'list', 'count', 'exists', 'has', 'load', 'read', 'fetch']);

export function isStoreRead(packageName: string, method: string): boolean {
  const verb = /^[a-z]+/.exec(method)?.[0];
  if (verb === undefined || !READ_VERBS.has(verb)) return false;
  return packageName
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((w) => STORE_WORDS.has(w));
}

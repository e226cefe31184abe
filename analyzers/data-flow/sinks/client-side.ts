import { calls, type CallSpec, type SinkSpec } from '../../../src/sinks/catalog-types.js';
import { spec } from './rows.js';

// ---- Browser storage and tokens (egress, rule data-flow) ----

/** Browser-side storage (kind `browser_storage`). */
function browser(id: string, label: string, packages: readonly string[], callList: readonly CallSpec[]): SinkSpec {
  return spec(id, 'browser_storage', label, undefined, packages, callList);
}

export const CLIENT_SIDE: readonly SinkSpec[] = [
  browser('localStorage', 'localStorage', ['global'], [{ path: '^localStorage.setItem', args: [1] }]),
  // const [value, setValue] = useLocalStorage('key', initial); setValue(v)
  browser('localStorage', 'localStorage (hook)', ['usehooks-ts', '@uidotdev/usehooks', '@mantine/hooks', 'react-use', '@rehooks/local-storage'], [{ path: ['^useLocalStorage().1', '^useLocalStorageState().1'], args: [0] }]),
  browser('sessionStorage', 'sessionStorage (hook)', ['usehooks-ts', '@uidotdev/usehooks', '@mantine/hooks', 'react-use'], [{ path: ['^useSessionStorage().1'], args: [0] }]),
  // A query cache persisted to browser storage: every persisted query result lands there
  browser('localStorage', 'React Query persister', ['@tanstack/query-sync-storage-persister', 'react-query/createWebStoragePersister'], [{ path: ['^createSyncStoragePersister', '^createWebStoragePersister'], args: [], storesLater: true }]),
  browser('sessionStorage', 'sessionStorage', ['global'], [{ path: '^sessionStorage.setItem', args: [1] }]),
  browser('cookie', 'document.cookie', ['global'], [{ path: '^document.cookie', on: 'assign', args: [0] }]),
  browser('cookie', 'js-cookie', ['js-cookie', 'js-cookies'], [{ path: 'set', args: [1] }]),
  browser('cookie', 'cookies-next', ['cookies-next', 'cookies-next/*'], [{ path: '^setCookie', args: [1] }]),
  browser('cookie', 'nookies', ['nookies'], [{ path: ['^setCookie', '^set'], args: [2] }]),
  browser('cookie', 'universal-cookie', ['universal-cookie', 'react-cookie'], [{ path: 'set', args: [1] }]),
  // res.cookie(name, value, options): typed `res: Response` or a handler's `res` (=> from app.get)
  browser('cookie', 'Express res.cookie', ['express'], [{ path: 'cookie', args: [1] }]),
  browser('cookie', 'Fastify setCookie', ['fastify', '@fastify/cookie'], [{ path: 'setCookie', args: [1] }]),
  browser('cookie', 'Koa cookies', ['koa'], [{ path: 'cookies.set', args: [1] }]),
  browser('cookie', 'Next.js cookies', ['next/headers'], [{ path: 'cookies().set', args: 'all' }]),
  browser('cookie', 'Next.js cookies', ['next/server'], [{ path: 'cookies.set', args: 'all' }]),
  browser('localforage', 'localForage', ['localforage'], [{ path: 'setItem', args: [1] }]),
  browser('indexeddb', 'IndexedDB (idb)', ['idb'], calls(['put', 'add'])),
  browser('indexeddb', 'IndexedDB (idb-keyval)', ['idb-keyval'], [{ path: ['^set', '^update'], args: [1] }, { path: '^setMany', args: [0] }]),
  // class AppDb extends Dexie { users!: Table<User> }; db.users.add(user)
  browser('indexeddb', 'IndexedDB (Dexie)', ['dexie'], calls(['*.add', '*.put', '*.bulkAdd', '*.bulkPut', '*.update', 'table().add', 'table().put', 'table().bulkAdd', 'table().bulkPut', 'table().update'])),
  browser('async-storage', 'React Native AsyncStorage', ['@react-native-async-storage/async-storage'], [{ path: 'setItem', args: [1] }, { path: ['multiSet', 'mergeItem'], args: 'all' }]),
  spec('jwt', 'token', 'jsonwebtoken', undefined, ['jsonwebtoken'], [{ path: 'sign', args: [0] }]),
  spec('jwt', 'token', 'jose', undefined, ['jose'], [{ path: ['SignJWT', 'UnsecuredJWT'], on: 'new', args: [0] }]),
  // jose v2: JWT.sign(payload, key), JWE.encrypt(cleartext, key)
  spec('jwt', 'token', 'jose', undefined, ['jose'], calls(['JWT.sign', 'JWS.sign', 'JWE.encrypt'], [0])),
  spec('jwt', 'token', '@nestjs/jwt', undefined, ['@nestjs/jwt'], [{ path: ['JwtService.sign', 'JwtService.signAsync'], args: [0] }]),
  spec('jwt', 'token', 'jwt-simple', undefined, ['jwt-simple'], [{ path: 'encode', args: [0] }]),
  spec('jwt', 'token', 'fast-jwt', undefined, ['fast-jwt'], [{ path: '^createSigner()', args: [0] }]),
];

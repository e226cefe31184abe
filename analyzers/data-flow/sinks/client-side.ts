import { calls, type CallSpec, type SinkSpec } from '../../../src/sinks/catalog-types.js';
import { spec } from './rows.js';

// ---- Browser storage (egress, rule data-flow; signing a token is a summary, src/flow/summaries.catalog.ts) ----

/** Browser-side storage (kind `browser_storage`). */
function browser(id: string, label: string, packages: readonly string[], callList: readonly CallSpec[]): SinkSpec {
  return spec(id, 'browser_storage', label, undefined, packages, callList);
}

export const CLIENT_SIDE: readonly SinkSpec[] = [
  // localStorage outlives the session: a client id generated and kept there identifies the browser.
  browser(
    'localStorage',
    'localStorage',
    ['global'],
    [{ path: '^localStorage.setItem', args: [1], generatedIds: 'user.device.device_id' }],
  ),
  // const [value, setValue] = useLocalStorage('key', initial); setValue(v)
  browser(
    'localStorage',
    'localStorage (hook)',
    ['usehooks-ts', '@uidotdev/usehooks', '@mantine/hooks', 'react-use', '@rehooks/local-storage'],
    [{ path: ['^useLocalStorage().1', '^useLocalStorageState().1'], args: [0] }],
  ),
  browser(
    'sessionStorage',
    'sessionStorage (hook)',
    ['usehooks-ts', '@uidotdev/usehooks', '@mantine/hooks', 'react-use'],
    [{ path: ['^useSessionStorage().1'], args: [0] }],
  ),
  // A query cache persisted to browser storage: every persisted query result lands there
  browser(
    'localStorage',
    'React Query persister',
    ['@tanstack/query-sync-storage-persister', 'react-query/createWebStoragePersister'],
    [{ path: ['^createSyncStoragePersister', '^createWebStoragePersister'], args: [], storesLater: true }],
  ),
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
  browser(
    'indexeddb',
    'IndexedDB (idb-keyval)',
    ['idb-keyval'],
    [
      { path: ['^set', '^update'], args: [1] },
      { path: '^setMany', args: [0] },
    ],
  ),
  // class AppDb extends Dexie { users!: Table<User> }; db.users.add(user)
  browser(
    'indexeddb',
    'IndexedDB (Dexie)',
    ['dexie'],
    calls([
      '*.add',
      '*.put',
      '*.bulkAdd',
      '*.bulkPut',
      '*.update',
      'table().add',
      'table().put',
      'table().bulkAdd',
      'table().bulkPut',
      'table().update',
    ]),
  ),
  browser(
    'async-storage',
    'React Native AsyncStorage',
    ['@react-native-async-storage/async-storage'],
    [
      { path: 'setItem', args: [1] },
      { path: ['multiSet', 'mergeItem'], args: 'all' },
    ],
  ),
];

import { fixture, only, sinkOf, type Summary } from './helpers.js';

type Expected = Partial<Summary> & { id: string };

const CLIENTS: [string, string, Expected][] = [
  [
    'global fetch, literal URL, body narrowed',
    `declare const u: any;\n/*sink*/fetch('https://api.example.com/users', { method: 'POST', headers: {}, body: JSON.stringify(u) });`,
    { id: 'http:api.example.com', kind: 'http', family: 'egress', data: ['JSON.stringify(u)'], description: 'fetch' },
  ],
  [
    'fetch with a template URL: host from the head, URL is data',
    `declare const e: string;\n/*sink*/fetch(\`https://api.example.com/lookup?email=\${e}\`);`,
    { id: 'http:api.example.com', data: ['`https://api.example.com/lookup?email=${e}`'] },
  ],
  [
    'fetch with an unknown host',
    `declare const url: string;\n/*sink*/fetch(url, { method: 'POST', body: 'x' });`,
    { id: 'http:unknown', data: ["'x'", 'url'] },
  ],
  [
    'fetch with a URL built from a readonly field of the class',
    `declare const t: string;\nclass Graph { private readonly baseUrl = 'https://graph.example.com'; me() { const url = new URL(\`\${this.baseUrl}/me\`); url.searchParams.set('access_token', t); return /*sink*/fetch(url.toString()); } }`,
    { id: 'http:graph.example.com' },
  ],
  [
    'hard negative: a field that may change has no known host',
    `declare const t: string;\nclass Graph { private baseUrl = 'https://graph.example.com'; me() { return /*sink*/fetch(\`\${this.baseUrl}/me\`); } }`,
    { id: 'http:unknown' },
  ],
  [
    'fetch to an entry of a constant map of URLs on one host',
    `declare const list: 'a' | 'b';\nconst ENDPOINTS = { a: 'https://lists.example.com/a', b: 'https://lists.example.com/b' } as const;\n/*sink*/fetch(ENDPOINTS[list], { method: 'POST', body: 'x' });`,
    { id: 'http:lists.example.com' },
  ],
  [
    'hard negative: a map of URLs on several hosts',
    `declare const list: 'a' | 'b';\nconst ENDPOINTS = { a: 'https://a.example.com/x', b: 'https://b.example.com/x' };\n/*sink*/fetch(ENDPOINTS[list], { method: 'POST', body: 'x' });`,
    { id: 'http:unknown' },
  ],
  [
    'fetch of a URL from a local URL helper keeps its base host',
    `declare const q: Record<string, string>;\nconst makeURL = (base: string, params: Record<string, string>) => base + '?' + new URLSearchParams(params);\n/*sink*/fetch(makeURL('https://api.example.org/games', q));`,
    { id: 'http:api.example.org' },
  ],
  [
    'hard negative: another helper taking a URL first',
    `declare const q: string;\ndeclare function proxied(target: string, q: string): string;\n/*sink*/fetch(proxied('https://api.example.org/games', q));`,
    { id: 'http:unknown' },
  ],
  ['fetch with a relative URL', `/*sink*/fetch('/api/users', { method: 'POST', body: 'x' });`, { id: 'http:unknown' }],
  [
    'fetch with an init object of unknown shape keeps it whole',
    `declare const init: RequestInit;\n/*sink*/fetch('https://a.io/x', init);`,
    { id: 'http:a.io', data: ['init'] },
  ],
  ['window.fetch', `declare const window: any;\n/*sink*/window.fetch('https://a.io');`, { id: 'http:a.io' }],
  [
    'node-fetch',
    `import fetch from 'node-fetch';\n/*sink*/fetch('https://hooks.example.com/x', { method: 'POST', body: '{}' });`,
    { id: 'http:hooks.example.com', package: 'node-fetch' },
  ],
  [
    'undici request',
    `import { request } from 'undici';\n/*sink*/request('https://u.example.com', { method: 'POST', body: 'x' });`,
    { id: 'http:u.example.com', package: 'undici' },
  ],
  ['cross-fetch', `import fetch from 'cross-fetch';\n/*sink*/fetch('https://c.example.com');`, { id: 'http:c.example.com' }],
  [
    'axios.post',
    `import axios from 'axios';\ndeclare const u: any;\n/*sink*/axios.post('https://crm.example.com/contacts', u);`,
    { id: 'http:crm.example.com', package: 'axios', data: ['u'] },
  ],
  [
    'axios.get params are data',
    `import axios from 'axios';\ndeclare const e: string;\n/*sink*/axios.get('https://x.example.com/find', { params: { email: e } });`,
    { id: 'http:x.example.com', data: ['{ email: e }'] },
  ],
  [
    'axios(config)',
    `import axios from 'axios';\ndeclare const u: any;\n/*sink*/axios({ method: 'post', url: 'https://cfg.example.com/u', data: u });`,
    { id: 'http:cfg.example.com', data: ['u'] },
  ],
  [
    'axios.create baseURL instance',
    `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://billing.example.com/v2' });\ndeclare const u: any;\n/*sink*/api.put('/customers/1', u);`,
    { id: 'http:billing.example.com', data: ['u'] },
  ],
  [
    'axios instance: an absolute URL beats baseURL',
    `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://a.example.com' });\n/*sink*/api.post('https://b.example.com/x', {});`,
    { id: 'http:b.example.com' },
  ],
  [
    'axios instance in a class field',
    `import axios from 'axios';\nclass Client { private http = axios.create({ baseURL: 'https://svc.example.com' }); send(d: unknown) { return /*sink*/this.http.post('/x', d); } }`,
    { id: 'http:svc.example.com' },
  ],
  ['axios via require', `const axios = require('axios');\n/*sink*/axios.patch('https://r.example.com', {});`, { id: 'http:r.example.com' }],
  [
    'got json option',
    `import got from 'got';\ndeclare const u: any;\n/*sink*/got.post('https://g.example.com', { json: u, timeout: {} });`,
    { id: 'http:g.example.com', data: ['u'] },
  ],
  [
    'got callable',
    `import got from 'got';\n/*sink*/got('https://g.example.com/a', { method: 'POST', body: 'x' });`,
    { id: 'http:g.example.com', data: ["'x'"] },
  ],
  [
    'ky',
    `import ky from 'ky';\n/*sink*/ky.post('https://k.example.com', { json: { a: 1 } });`,
    { id: 'http:k.example.com', data: ['{ a: 1 }'] },
  ],
  [
    'superagent .send takes the URL from post()',
    `import superagent from 'superagent';\ndeclare const u: any;\n/*sink*/superagent.post('https://s.example.com/u').set('X-A', 'b').send(u);`,
    { id: 'http:s.example.com', data: ['u'] },
  ],
  [
    'needle',
    `import needle from 'needle';\n/*sink*/needle.post('https://n.example.com', { a: 1 });`,
    { id: 'http:n.example.com', data: ['{ a: 1 }'] },
  ],
  [
    'request (deprecated)',
    `import request from 'request';\n/*sink*/request.post({ url: 'https://rq.example.com', json: { a: 1 } });`,
    { id: 'http:rq.example.com', data: ['{ a: 1 }'] },
  ],
  [
    'https.request options hostname; req.write',
    `import https from 'node:https';\nconst req = https.request({ hostname: 'h.example.com', method: 'POST', path: '/x' });\ndeclare const body: string;\n/*sink*/req.write(body);`,
    { id: 'http:h.example.com', package: 'https', data: ['body'] },
  ],
  [
    'XMLHttpRequest.send, relative open()',
    `const xhr = new XMLHttpRequest();\nxhr.open('POST', '/x');\ndeclare const b: string;\n/*sink*/xhr.send(b);`,
    { id: 'http:unknown', data: ['b'] },
  ],
  [
    'XMLHttpRequest.send takes the host from open()',
    `function post(b: string, e: string) {\n  const xhr = new XMLHttpRequest();\n  xhr.open('POST', 'https://xhr.example.com/c?e=' + e);\n  /*sink*/xhr.send(b);\n}`,
    { id: 'http:xhr.example.com', data: ['b', "'https://xhr.example.com/c?e=' + e"] },
  ],
  [
    'navigator.sendBeacon',
    `declare const e: any;\n/*sink*/navigator.sendBeacon('https://beacon.example.com/c', JSON.stringify(e));`,
    { id: 'http:beacon.example.com', data: ['JSON.stringify(e)'] },
  ],
  [
    'graphql-request',
    `import { request } from 'graphql-request';\ndeclare const vars: any;\n/*sink*/request('https://gql.example.com/graphql', 'mutation {}', vars);`,
    { id: 'http:gql.example.com', data: ['vars'] },
  ],
  [
    'graphql-request GraphQLClient',
    `import { GraphQLClient } from 'graphql-request';\nconst c = new GraphQLClient('https://gql.example.com');\n/*sink*/c.request('q', { a: 1 });`,
    { id: 'http:gql.example.com', data: ['{ a: 1 }'] },
  ],
  [
    'WebSocket send (global)',
    `const ws = new WebSocket('wss://live.example.com/s');\n/*sink*/ws.send('x');`,
    { id: 'http:live.example.com' },
  ],
  [
    'ws package',
    `import WebSocket from 'ws';\nconst ws = new WebSocket('wss://ws.example.com');\n/*sink*/ws.send('x');`,
    { id: 'http:ws.example.com', package: 'ws' },
  ],
  [
    'socket.io-client emit',
    `import { io } from 'socket.io-client';\nconst socket = io('https://rt.example.com');\ndeclare const u: any;\n/*sink*/socket.emit('profile', u);`,
    { id: 'http:rt.example.com', data: ['u'] },
  ],
  [
    'tracking pixel via Image.src',
    `declare const e: string;\nconst img = new Image();\n/*sink*/img.src = \`https://px.example.com/p.gif?e=\${e}\`;`,
    { id: 'http:px.example.com' },
  ],
];

const HOSTS: [string, string, string][] = [
  ['a const URL', `const API = 'https://const.example.com/v1';\n/*sink*/fetch(API);`, 'http:const.example.com'],
  [
    'a const base + path concatenation',
    `const BASE = 'https://concat.example.com';\ndeclare const id: string;\n/*sink*/fetch(BASE + '/users/' + id);`,
    'http:concat.example.com',
  ],
  [
    'a template with a const base',
    `const BASE = 'https://tpl.example.com';\ndeclare const id: string;\n/*sink*/fetch(\`\${BASE}/users/\${id}\`);`,
    'http:tpl.example.com',
  ],
  ['new URL(path, base)', `const u = new URL('/v1/users', 'https://url.example.com');\n/*sink*/fetch(u);`, 'http:url.example.com'],
  ['new URL(absolute).toString()', `/*sink*/fetch(new URL('https://abs.example.com/x').toString());`, 'http:abs.example.com'],
  [
    'a property of a const config object',
    `const config = { api: { url: 'https://cfg.example.com' } } as const;\n/*sink*/fetch(config.api.url);`,
    'http:cfg.example.com',
  ],
  ['port and credentials are dropped', `/*sink*/fetch('https://user:pw@Port.Example.com:8443/x');`, 'http:port.example.com'],
  [
    'a host made of a variable is unknown',
    `declare const tenant: string;\n/*sink*/fetch(\`https://\${tenant}.example.com/x\`);`,
    'http:unknown',
  ],
  ['a let URL is unknown (it may change)', `let api = 'https://let.example.com';\n/*sink*/fetch(api);`, 'http:unknown'],
];

describe('HTTP clients', () => {
  test.each(CLIENTS)('%s', (_name, source, expected) => {
    expect(sinkOf(source)).toMatchObject(expected);
  });

  test('an unresolvable axios host is http:unknown', () => {
    expect(
      sinkOf(
        `import axios from 'axios';\ndeclare const base: string;\nconst api = axios.create({ baseURL: base });\n/*sink*/api.post('/x', {});`,
      ).id,
    ).toBe('http:unknown');
  });
});

describe('HTTP destination host', () => {
  test.each(HOSTS)('%s', (_name, source, id) => {
    expect(sinkOf(source).id).toBe(id);
  });

  test('a base URL const imported from another project file', () => {
    const fx = fixture({
      '/src/config.ts': `export const CRM_URL = 'https://crm.example.org/api';`,
      '/src/main.ts': `import axios from 'axios';\nimport { CRM_URL } from './config';\nconst crm = axios.create({ baseURL: CRM_URL });\n/*sink*/crm.post('/contacts', {});`,
    });
    expect(only(fx).id).toBe('http:crm.example.org');
  });

  test('a literal URL is not data; a built one is', () => {
    expect(sinkOf(`/*sink*/fetch('https://a.example.com/x');`).data).toEqual([]);
    expect(sinkOf(`declare const q: string;\n/*sink*/fetch('https://a.example.com/x?' + q);`).data).toEqual([
      "'https://a.example.com/x?' + q",
    ]);
  });
});

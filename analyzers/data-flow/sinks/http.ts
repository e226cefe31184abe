import { under, type SinkSpec, type ValueRef } from '../../../src/sinks/catalog-types.js';
import { props, spec } from './rows.js';

// ---- HTTP (egress, rule data-flow) ----

const AXIOS_RECEIVERS = ['', 'create()', 'AxiosInstance', 'Axios'];
const AXIOS_BASE: ValueRef = { site: 'create', index: 0, property: 'baseURL' };
const AXIOS_URL: ValueRef[] = [{ index: 0 }, AXIOS_BASE];
const GOT_BODY = props(1, 'json', 'body', 'form', 'searchParams');
const GOT_RECEIVERS = ['', 'extend()'];
const GOT_BASE: ValueRef = { site: 'extend', index: 0, property: 'prefixUrl' };
const KY_BODY = props(1, 'json', 'body', 'searchParams');
const KY_RECEIVERS = ['', 'create()', 'extend()'];
const KY_BASE: ValueRef = { site: ['create', 'extend'], index: 0, property: 'prefixUrl' };
const REQUEST_BODY = [...props(0, 'body', 'json', 'form', 'formData', 'qs'), ...props(1, 'body', 'json', 'form', 'formData', 'qs')];
const SUPERAGENT_METHODS = ['get', 'post', 'put', 'patch', 'del', 'delete', 'head'];

export const HTTP: readonly SinkSpec[] = [
  spec(
    'http',
    'http',
    'fetch',
    undefined,
    ['global'],
    [
      { path: '^fetch', args: props(1, 'body'), url: { index: 0 } },
      { path: '^navigator.sendBeacon', args: [1], url: { index: 0 } },
      // const xhr = new XMLHttpRequest(); xhr.open('POST', url); xhr.send(body)
      { path: '^XMLHttpRequest.send', args: [0], url: { sibling: 'open', index: 1 } },
      { path: '^WebSocket.send', args: [0], url: { site: 'WebSocket', index: 0 } },
      { path: ['^WebSocket', '^EventSource'], on: 'new', args: [], url: { index: 0 } },
      // new Image().src = `https://t.example.com/p?e=${email}`: a tracking pixel
      { path: '^Image.src', on: 'assign', args: [0], url: { index: 0 } },
    ],
  ),
  spec(
    'http',
    'http',
    'fetch',
    undefined,
    ['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'isomorphic-unfetch', 'unfetch', 'undici', '@whatwg-node/fetch', 'make-fetch-happen'],
    [
      { path: ['^', '^fetch'], args: props(1, 'body'), url: { index: 0 } },
      { path: '^request', args: props(1, 'body'), url: { index: 0 } },
      {
        path: ['Client.request', 'Pool.request', 'Agent.request'],
        args: props(0, 'body'),
        url: [{ index: 0 }, { site: ['Client', 'Pool'], index: 0 }],
      },
    ],
  ),
  spec(
    'http',
    'http',
    'axios',
    undefined,
    ['axios'],
    [
      {
        path: under(AXIOS_RECEIVERS, ['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']),
        args: [1, ...props(2, 'params')],
        url: AXIOS_URL,
      },
      { path: under(AXIOS_RECEIVERS, ['get', 'delete', 'head', 'options']), args: props(1, 'params', 'data'), url: AXIOS_URL },
      { path: under(AXIOS_RECEIVERS, ['request']), args: props(0, 'data', 'params'), url: [{ index: 0 }, AXIOS_BASE] },
      // axios(config), axios(url, config), instance(config)
      { path: ['^', '^create()'], args: [...props(0, 'data', 'params'), ...props(1, 'data', 'params')], url: [{ index: 0 }, AXIOS_BASE] },
    ],
  ),
  spec(
    'http',
    'http',
    '@nestjs/axios HttpService',
    undefined,
    ['@nestjs/axios'],
    [
      {
        path: under(['HttpService', 'HttpService.axiosRef'], ['post', 'put', 'patch']),
        args: [1, ...props(2, 'params')],
        url: { index: 0 },
      },
      {
        path: under(['HttpService', 'HttpService.axiosRef'], ['get', 'delete', 'head', 'request']),
        args: props(1, 'params', 'data'),
        url: { index: 0 },
      },
    ],
  ),
  spec(
    'http',
    'http',
    'got',
    undefined,
    ['got'],
    [
      {
        path: under(GOT_RECEIVERS, ['', 'get', 'post', 'put', 'patch', 'delete', 'head', 'stream']).map((p) => p.replace(/\.$/, '')),
        args: GOT_BODY,
        url: [{ index: 0 }, GOT_BASE],
      },
    ],
  ),
  spec(
    'http',
    'http',
    'ky',
    undefined,
    ['ky', 'ky-universal'],
    [
      {
        path: under(KY_RECEIVERS, ['', 'get', 'post', 'put', 'patch', 'delete', 'head']).map((p) => p.replace(/\.$/, '')),
        args: KY_BODY,
        url: [{ index: 0 }, KY_BASE],
      },
    ],
  ),
  spec(
    'http',
    'http',
    'superagent',
    undefined,
    ['superagent'],
    [
      { path: SUPERAGENT_METHODS.map((m) => `^${m}`), args: [1], url: { index: 0 } },
      // superagent.post(url).set(...).send(body); the URL comes from the request's creation
      { path: ['send', 'query', 'field'], args: 'all', url: { site: SUPERAGENT_METHODS, index: 0 } },
    ],
  ),
  spec(
    'http',
    'http',
    'needle',
    undefined,
    ['needle'],
    [
      { path: ['^', '^request'], args: [2], url: { index: 1 } },
      { path: ['^post', '^put', '^patch', '^delete'], args: [1], url: { index: 0 } },
      { path: ['^get', '^head'], args: [], url: { index: 0 } },
    ],
  ),
  spec(
    'http',
    'http',
    'request',
    undefined,
    ['request', 'request-promise', 'request-promise-native', 'postman-request'],
    [
      {
        path: under(['', 'defaults()'], ['', 'get', 'post', 'put', 'patch', 'del', 'delete', 'head']).map((p) => p.replace(/\.$/, '')),
        args: REQUEST_BODY,
        url: { index: 0 },
      },
    ],
  ),
  spec(
    'http',
    'http',
    'node:http',
    undefined,
    ['http', 'https', 'http2'],
    [
      { path: ['^request', '^get'], args: [], url: { index: 0 } },
      // const req = https.request(opts); req.write(body); req.end(body)
      { path: ['^request().write', '^request().end'], args: [0], url: { site: 'request', index: 0 } },
      { path: ['connect().request'], args: [], url: { site: 'connect', index: 0 } },
    ],
  ),
  spec(
    'http',
    'http',
    'graphql-request',
    undefined,
    ['graphql-request'],
    [
      { path: '^request', args: [2], url: { index: 0 } },
      { path: ['GraphQLClient.request', 'GraphQLClient.rawRequest'], args: [1], url: { site: 'GraphQLClient', index: 0 } },
    ],
  ),
  spec(
    'http',
    'http',
    'Apollo Client',
    undefined,
    ['@apollo/client', '@apollo/client/*', 'apollo-client', 'apollo-boost'],
    [
      {
        path: ['ApolloClient.mutate', 'ApolloClient.query'],
        args: props(0, 'variables'),
        url: { site: 'ApolloClient', index: 0, property: 'uri' },
      },
    ],
  ),
  spec(
    'http',
    'http',
    'WebSocket (ws)',
    undefined,
    ['ws', 'isomorphic-ws'],
    [{ path: ['^send', '^WebSocket.send'], args: [0], url: { site: ['default', 'WebSocket'], index: 0 } }],
  ),
  spec(
    'http',
    'http',
    'socket.io client',
    undefined,
    ['socket.io-client'],
    [
      {
        path: ['^().emit', '^io().emit', '^connect().emit', 'Socket.emit'],
        args: ['1..'],
        url: { site: ['default', 'io', 'connect'], index: 0 },
      },
      {
        path: ['^().send', '^io().send', '^connect().send', 'Socket.send'],
        args: 'all',
        url: { site: ['default', 'io', 'connect'], index: 0 },
      },
    ],
  ),
];

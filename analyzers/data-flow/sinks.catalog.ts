import { calls, under, type ArgSel, type ArgsSpec, type CallSpec, type SinkSpec, type ValueRef } from '../../src/sinks/catalog-types.js';
import type { SinkKind } from '../../src/core/contract.js';

/**
 * Where data leaves the process (family `egress`, rule data-flow). Format and matching rule:
 * src/sinks/catalog-types.ts. In short: `packages` must contain the callee's module, each `path` must
 * equal the end of the callee's API path once `new`/`default` steps are dropped (`^` anchors it at
 * the start, `*` is any one name, `x()` is the result of calling x), `args` are the data-carrying
 * arguments, `command` entries match AWS SDK v3 `client.send(new XCommand(input))`.
 */

/** `{ index, property }` for each property: `props(0, 'json', 'body')`. */
function props(index: number, ...properties: string[]): ArgSel[] {
  return properties.map((property) => ({ index, property }));
}

function spec(id: string, kind: SinkKind, label: string, service: string | undefined, packages: readonly string[], callList: readonly CallSpec[]): SinkSpec {
  return { id, kind, label, ...(service ? { service } : {}), packages, calls: callList };
}

/** A third-party SDK (`third_party` with a service kind). */
function thirdParty(id: string, label: string, service: string, packages: readonly string[], callList: readonly CallSpec[]): SinkSpec {
  return spec(id, 'third_party', label, service, packages, callList);
}

/** A vendor snippet's global (`window.analytics.track`): anchored paths under the global name. */
function globalSnippet(id: string, label: string, service: string, globalName: string, methods: readonly string[], kind: SinkKind = 'third_party'): SinkSpec {
  return spec(id, kind, label, service, ['global'], calls(methods.map((m) => (m === '' ? `^${globalName}` : `^${globalName}.${m}`))));
}

/** AWS SDK v3 commands of one client package: `send(new PutObjectCommand({ Body }))`. */
function awsCommands(commands: Record<string, ArgsSpec>, name?: ValueRef): CallSpec[] {
  return Object.entries(commands).map(([command, args]) => ({ command, args, ...(name ? { name } : {}) }));
}

/**
 * The same operations through the aggregated v3 client (`new S3().putObject(input)`) and AWS SDK v2
 * (`new AWS.S3().putObject(input)`, `aws-sdk/clients/s3`).
 */
function awsMethods(client: string, methods: Record<string, ArgsSpec>, name?: ValueRef): { v3: CallSpec[]; v2: CallSpec[]; v2Client: CallSpec[] } {
  const entries = Object.entries(methods);
  const extra = name ? { name } : {};
  return {
    v3: entries.map(([m, args]) => ({ path: `${client}.${m}`, args, ...extra })),
    v2: entries.map(([m, args]) => ({ path: `${client}.${m}`, args, ...extra })),
    v2Client: entries.map(([m, args]) => ({ path: `^${m}`, args, ...extra })),
  };
}

/** Specs for one AWS service: v3 commands, v3 aggregated client, v2 (`aws-sdk` and `aws-sdk/clients/x`). */
function aws(id: string, kind: SinkKind, label: string, service: string | undefined, client: string, v3Package: string, commands: Record<string, ArgsSpec>, methods: Record<string, ArgsSpec>, name?: ValueRef): SinkSpec[] {
  const m = awsMethods(client, methods, name);
  return [
    spec(id, kind, label, service, [v3Package], [...awsCommands(commands, name), ...m.v3]),
    spec(id, kind, label, service, ['aws-sdk'], m.v2),
    spec(id, kind, label, service, [`aws-sdk/clients/${client.toLowerCase()}`], m.v2Client),
  ];
}

// ---- HTTP -----------------------------------------------------------------------------------------

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

const HTTP: SinkSpec[] = [
  spec('http', 'http', 'fetch', undefined, ['global'], [
    { path: '^fetch', args: props(1, 'body'), url: { index: 0 } },
    { path: '^navigator.sendBeacon', args: [1], url: { index: 0 } },
    // const xhr = new XMLHttpRequest(); xhr.open('POST', url); xhr.send(body)
    { path: '^XMLHttpRequest.send', args: [0], url: { sibling: 'open', index: 1 } },
    { path: '^WebSocket.send', args: [0], url: { site: 'WebSocket', index: 0 } },
    { path: ['^WebSocket', '^EventSource'], on: 'new', args: [], url: { index: 0 } },
    // new Image().src = `https://t.example.com/p?e=${email}`: a tracking pixel
    { path: '^Image.src', on: 'assign', args: [0], url: { index: 0 } },
  ]),
  spec('http', 'http', 'fetch', undefined, ['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'isomorphic-unfetch', 'unfetch', 'undici', '@whatwg-node/fetch', 'make-fetch-happen'], [
    { path: ['^', '^fetch'], args: props(1, 'body'), url: { index: 0 } },
    { path: '^request', args: props(1, 'body'), url: { index: 0 } },
    { path: ['Client.request', 'Pool.request', 'Agent.request'], args: props(0, 'body'), url: [{ index: 0 }, { site: ['Client', 'Pool'], index: 0 }] },
  ]),
  spec('http', 'http', 'axios', undefined, ['axios'], [
    { path: under(AXIOS_RECEIVERS, ['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']), args: [1, ...props(2, 'params')], url: AXIOS_URL },
    { path: under(AXIOS_RECEIVERS, ['get', 'delete', 'head', 'options']), args: props(1, 'params', 'data'), url: AXIOS_URL },
    { path: under(AXIOS_RECEIVERS, ['request']), args: props(0, 'data', 'params'), url: [{ index: 0 }, AXIOS_BASE] },
    // axios(config), axios(url, config), instance(config)
    { path: ['^', '^create()'], args: [...props(0, 'data', 'params'), ...props(1, 'data', 'params')], url: [{ index: 0 }, AXIOS_BASE] },
  ]),
  spec('http', 'http', '@nestjs/axios HttpService', undefined, ['@nestjs/axios'], [
    { path: under(['HttpService', 'HttpService.axiosRef'], ['post', 'put', 'patch']), args: [1, ...props(2, 'params')], url: { index: 0 } },
    { path: under(['HttpService', 'HttpService.axiosRef'], ['get', 'delete', 'head', 'request']), args: props(1, 'params', 'data'), url: { index: 0 } },
  ]),
  spec('http', 'http', 'got', undefined, ['got'], [
    { path: under(GOT_RECEIVERS, ['', 'get', 'post', 'put', 'patch', 'delete', 'head', 'stream']).map((p) => p.replace(/\.$/, '')), args: GOT_BODY, url: [{ index: 0 }, GOT_BASE] },
  ]),
  spec('http', 'http', 'ky', undefined, ['ky', 'ky-universal'], [
    { path: under(KY_RECEIVERS, ['', 'get', 'post', 'put', 'patch', 'delete', 'head']).map((p) => p.replace(/\.$/, '')), args: KY_BODY, url: [{ index: 0 }, KY_BASE] },
  ]),
  spec('http', 'http', 'superagent', undefined, ['superagent'], [
    { path: SUPERAGENT_METHODS.map((m) => `^${m}`), args: [1], url: { index: 0 } },
    // superagent.post(url).set(...).send(body); the URL comes from the request's creation
    { path: ['send', 'query', 'field'], args: 'all', url: { site: SUPERAGENT_METHODS, index: 0 } },
  ]),
  spec('http', 'http', 'needle', undefined, ['needle'], [
    { path: ['^', '^request'], args: [2], url: { index: 1 } },
    { path: ['^post', '^put', '^patch', '^delete'], args: [1], url: { index: 0 } },
    { path: ['^get', '^head'], args: [], url: { index: 0 } },
  ]),
  spec('http', 'http', 'request', undefined, ['request', 'request-promise', 'request-promise-native', 'postman-request'], [
    { path: under(['', 'defaults()'], ['', 'get', 'post', 'put', 'patch', 'del', 'delete', 'head']).map((p) => p.replace(/\.$/, '')), args: REQUEST_BODY, url: { index: 0 } },
  ]),
  spec('http', 'http', 'node:http', undefined, ['http', 'https', 'http2'], [
    { path: ['^request', '^get'], args: [], url: { index: 0 } },
    // const req = https.request(opts); req.write(body); req.end(body)
    { path: ['^request().write', '^request().end'], args: [0], url: { site: 'request', index: 0 } },
    { path: ['connect().request'], args: [], url: { site: 'connect', index: 0 } },
  ]),
  spec('http', 'http', 'graphql-request', undefined, ['graphql-request'], [
    { path: '^request', args: [2], url: { index: 0 } },
    { path: ['GraphQLClient.request', 'GraphQLClient.rawRequest'], args: [1], url: { site: 'GraphQLClient', index: 0 } },
  ]),
  spec('http', 'http', 'Apollo Client', undefined, ['@apollo/client', '@apollo/client/*', 'apollo-client', 'apollo-boost'], [
    { path: ['ApolloClient.mutate', 'ApolloClient.query'], args: props(0, 'variables'), url: { site: 'ApolloClient', index: 0, property: 'uri' } },
  ]),
  spec('http', 'http', 'WebSocket (ws)', undefined, ['ws', 'isomorphic-ws'], [
    { path: ['^send', '^WebSocket.send'], args: [0], url: { site: ['default', 'WebSocket'], index: 0 } },
  ]),
  spec('http', 'http', 'socket.io client', undefined, ['socket.io-client'], [
    { path: ['^().emit', '^io().emit', '^connect().emit', 'Socket.emit'], args: ['1..'], url: { site: ['default', 'io', 'connect'], index: 0 } },
    { path: ['^().send', '^io().send', '^connect().send', 'Socket.send'], args: 'all', url: { site: ['default', 'io', 'connect'], index: 0 } },
  ]),
];

// ---- Analytics and CDPs -----------------------------------------------------------------------

const SEGMENT_METHODS = ['identify', 'track', 'page', 'screen', 'group', 'alias'];
const MIXPANEL_METHODS = ['track', 'identify', 'register', 'register_once', 'alias', 'import', 'track_batch', 'set_group', 'people.set', 'people.set_once', 'people.union', 'people.append', 'people.increment', 'people.track_charge'];
const POSTHOG_METHODS = ['capture', 'identify', 'alias', 'group', 'groupIdentify', 'register', 'register_once', 'setPersonProperties', 'people.set'];
const AMPLITUDE_METHODS = ['track', 'identify', 'setUserId', 'logEvent', 'setUserProperties', 'setGroup', 'groupIdentify', 'revenue', 'getInstance().logEvent', 'getInstance().setUserId', 'getInstance().setUserProperties'];

const ANALYTICS: SinkSpec[] = [
  thirdParty('segment', 'Segment', 'analytics', ['@segment/analytics-node', 'analytics-node', '@segment/analytics-next', '@segment/analytics-react-native', '@segment/analytics.js-core'], calls(SEGMENT_METHODS)),
  globalSnippet('segment', 'Segment', 'analytics', 'analytics', SEGMENT_METHODS),
  thirdParty('rudderstack', 'RudderStack', 'analytics', ['@rudderstack/rudder-sdk-node', '@rudderstack/analytics-js', 'rudder-sdk-js', '@rudderstack/rudder-sdk-react-native'], calls(SEGMENT_METHODS)),
  globalSnippet('rudderstack', 'RudderStack', 'analytics', 'rudderanalytics', SEGMENT_METHODS),
  thirdParty('mixpanel', 'Mixpanel', 'analytics', ['mixpanel', 'mixpanel-browser', 'mixpanel-react-native'], calls(MIXPANEL_METHODS)),
  globalSnippet('mixpanel', 'Mixpanel', 'analytics', 'mixpanel', MIXPANEL_METHODS),
  thirdParty('amplitude', 'Amplitude', 'analytics', ['@amplitude/analytics-node', '@amplitude/analytics-browser', '@amplitude/analytics-react-native', '@amplitude/node', 'amplitude-js', '@amplitude/unified'], [
    ...calls(AMPLITUDE_METHODS),
    // init(apiKey, userId, options)
    { path: 'init', args: ['1..'] },
  ]),
  globalSnippet('amplitude', 'Amplitude', 'analytics', 'amplitude', AMPLITUDE_METHODS),
  thirdParty('posthog', 'PostHog', 'analytics', ['posthog-node', 'posthog-js', 'posthog-js/*', 'posthog-react-native'], calls(POSTHOG_METHODS)),
  globalSnippet('posthog', 'PostHog', 'analytics', 'posthog', POSTHOG_METHODS),
  globalSnippet('heap', 'Heap', 'analytics', 'heap', ['track', 'identify', 'addUserProperties', 'addEventProperties']),
  thirdParty('heap', 'Heap', 'analytics', ['@heap/react-native-heap', 'heap-api', '@heap/heap-api'], calls(['track', 'identify', 'addUserProperties', 'addEventProperties', 'userProperties'])),
  // FullStory v2: FullStory('setIdentity', {...}); v1: FullStory.identify(uid, vars)
  thirdParty('fullstory', 'FullStory', 'analytics', ['@fullstory/browser', '@fullstory/react-native', '@fullstory/snippet'], calls(['^FullStory', '^FullStoryAPI', 'identify', 'event', 'setUserVars', 'setVars'])),
  globalSnippet('fullstory', 'FullStory', 'analytics', 'FS', ['', 'identify', 'event', 'setUserVars', 'setVars']),
  globalSnippet('hotjar', 'Hotjar', 'analytics', 'hj', ['']),
  thirdParty('hotjar', 'Hotjar', 'analytics', ['@hotjar/browser', 'react-hotjar'], calls(['identify', 'event'])),
  globalSnippet('pendo', 'Pendo', 'analytics', 'pendo', ['initialize', 'identify', 'track', 'updateOptions']),
  globalSnippet('clarity', 'Microsoft Clarity', 'analytics', 'clarity', ['']),
  thirdParty('clarity', 'Microsoft Clarity', 'analytics', ['@microsoft/clarity'], calls(['identify', 'setTag', 'event'])),
  thirdParty('braze', 'Braze', 'marketing', ['@braze/web-sdk', '@braze/react-native-sdk', 'appboy-web-sdk', '@braze/web-sdk-core'], calls([
    'changeUser', 'logCustomEvent', 'logPurchase', 'setEmail', 'setFirstName', 'setLastName', 'setPhoneNumber', 'setCustomUserAttribute',
    'setDateOfBirth', 'setGender', 'setHomeCity', 'setCountry', 'setLanguage', 'addAlias',
  ])),
  globalSnippet('braze', 'Braze', 'marketing', 'braze', ['changeUser', 'logCustomEvent', 'logPurchase', 'getUser().setEmail', 'getUser().setCustomUserAttribute']),
  thirdParty('customerio', 'Customer.io', 'marketing', ['customerio-node', '@customerio/cdp-analytics-node', '@customerio/cdp-analytics-browser'], calls([
    'identify', 'track', 'trackAnonymous', 'trackPageView', 'sendEmail', 'sendPush', 'page', 'alias',
  ])),
  globalSnippet('customerio', 'Customer.io', 'marketing', '_cio', ['identify', 'track', 'page', 'push']),
  thirdParty('klaviyo', 'Klaviyo', 'marketing', ['klaviyo-api'], calls(['createProfile', 'createOrUpdateProfile', 'updateProfile', 'createEvent', 'subscribeProfiles', 'createClientEvent', 'createClientProfile', 'bulkSubscribeProfiles'])),
  thirdParty('klaviyo', 'Klaviyo', 'marketing', ['node-klaviyo', 'klaviyo-node', 'klaviyo-sdk'], calls(['identify', 'track', 'public.identify', 'public.track'])),
  globalSnippet('klaviyo', 'Klaviyo', 'marketing', '_learnq', ['push']),
  globalSnippet('klaviyo', 'Klaviyo', 'marketing', 'klaviyo', ['identify', 'track', 'push']),
  thirdParty('iterable', 'Iterable', 'marketing', ['@iterable/web-sdk', '@iterable/react-native-sdk'], calls(['track', 'trackPurchase', 'updateUser', 'updateUserEmail', 'setEmail', 'setUserID'])),
  // Intercom Messenger: Intercom({ app_id, email, user_id }), update({...}), trackEvent(name, meta)
  thirdParty('intercom', 'Intercom', 'support', ['@intercom/messenger-js-sdk'], calls(['^', '^boot', '^update', '^trackEvent', '^showNewMessage'])),
  thirdParty('intercom', 'Intercom', 'support', ['react-use-intercom'], calls(['boot', 'update', 'trackEvent'])),
  globalSnippet('intercom', 'Intercom', 'support', 'Intercom', ['']),
  globalSnippet('hubspot', 'HubSpot tracking', 'marketing', '_hsq', ['push']),
  globalSnippet('google-analytics', 'Google Analytics', 'analytics', 'gtag', ['']),
  globalSnippet('google-analytics', 'Google Analytics', 'analytics', 'ga', ['']),
  thirdParty('google-analytics', 'Google Analytics', 'analytics', ['react-ga', 'react-ga4', 'vue-gtag', 'ga-4-react'], calls(['event', 'set', 'pageview', 'send', 'gtag', 'modalview', 'exception', 'timing', 'ga'])),
  thirdParty('google-analytics', 'Google Analytics', 'analytics', ['react-ga', 'react-ga4'], [{ path: 'initialize', args: ['1..'] }]),
  thirdParty('google-tag-manager', 'Google Tag Manager', 'analytics', ['@next/third-parties/google'], calls(['^sendGTMEvent', '^sendGAEvent'])),
  thirdParty('google-tag-manager', 'Google Tag Manager', 'analytics', ['react-gtm-module'], calls(['dataLayer', 'initialize'])),
  globalSnippet('google-tag-manager', 'Google Tag Manager', 'analytics', 'dataLayer', ['push']),
  globalSnippet('facebook-pixel', 'Meta Pixel', 'advertising', 'fbq', ['']),
  thirdParty('facebook-pixel', 'Meta Pixel', 'advertising', ['react-facebook-pixel'], [...calls(['track', 'trackCustom', 'trackSingle', 'trackSingleCustom', 'fbq']), { path: 'init', args: ['1..'] }]),
  globalSnippet('tiktok-pixel', 'TikTok Pixel', 'advertising', 'ttq', ['track', 'identify', 'page', 'instance().track', 'instance().identify']),
  globalSnippet('linkedin-insight', 'LinkedIn Insight Tag', 'advertising', 'lintrk', ['']),
  globalSnippet('bing-uet', 'Microsoft UET', 'advertising', 'uetq', ['push']),
  globalSnippet('snap-pixel', 'Snap Pixel', 'advertising', 'snaptr', ['']),
  globalSnippet('pinterest-tag', 'Pinterest Tag', 'advertising', 'pintrk', ['']),
  globalSnippet('twitter-pixel', 'X Pixel', 'advertising', 'twq', ['']),
  globalSnippet('reddit-pixel', 'Reddit Pixel', 'advertising', 'rdt', ['']),
];

// ---- AI / LLM ---------------------------------------------------------------------------------

const OPENAI_PATHS = [
  'chat.completions.create', 'chat.completions.parse', 'chat.completions.stream', 'completions.create', 'responses.create',
  'responses.stream', 'responses.parse', 'embeddings.create', 'files.create', 'uploads.create', 'fineTuning.jobs.create', 'images.generate',
  'images.edit', 'audio.transcriptions.create', 'audio.translations.create', 'audio.speech.create', 'moderations.create',
  'batches.create', 'beta.threads.create', 'beta.threads.messages.create', 'beta.threads.runs.create', 'beta.threads.createAndRun',
  'beta.assistants.create', 'beta.chat.completions.parse', 'beta.chat.completions.stream', 'vectorStores.files.upload', 'vectorStores.files.uploadAndPoll',
  'conversations.create', 'conversations.items.create', 'realtime.sessions.create',
];
const GOOGLE_GENAI_PATHS = ['generateContent', 'generateContentStream', 'sendMessage', 'sendMessageStream', 'embedContent', 'batchEmbedContents', 'countTokens', 'generateImages', 'files.upload', 'caches.create'];
const HF_METHODS = [
  'textGeneration', 'textGenerationStream', 'chatCompletion', 'chatCompletionStream', 'featureExtraction', 'summarization', 'translation',
  'questionAnswering', 'tableQuestionAnswering', 'textClassification', 'tokenClassification', 'zeroShotClassification', 'sentenceSimilarity',
  'fillMask', 'conversational', 'automaticSpeechRecognition', 'imageToText', 'textToImage', 'textToSpeech', 'request', 'streamingRequest',
];
const LANGCHAIN_PROVIDERS = [
  'langchain', 'langchain/*', '@langchain/openai', '@langchain/anthropic', '@langchain/google-genai', '@langchain/google-vertexai',
  '@langchain/google-vertexai-web', '@langchain/mistralai', '@langchain/cohere', '@langchain/groq', '@langchain/aws', '@langchain/community',
  '@langchain/community/*', '@langchain/pinecone', '@langchain/qdrant', '@langchain/weaviate', '@langchain/mongodb', '@langchain/xai',
  '@langchain/deepseek', '@langchain/together-ai', '@langchain/fireworks',
];

const AI: SinkSpec[] = [
  thirdParty('openai', 'OpenAI', 'ai', ['openai'], calls(OPENAI_PATHS, [0])),
  // openai v3 (still common): new OpenAIApi(configuration).createChatCompletion({ messages })
  thirdParty('openai', 'OpenAI', 'ai', ['openai'], calls(['createCompletion', 'createChatCompletion', 'createEmbedding', 'createEdit', 'createImage', 'createImageEdit', 'createModeration', 'createTranscription', 'createTranslation', 'createFile', 'createFineTune'].map((m) => `OpenAIApi.${m}`), [0])),
  thirdParty('azure-openai', 'Azure OpenAI', 'ai', ['@azure/openai'], calls(['getChatCompletions', 'getCompletions', 'getEmbeddings', 'streamChatCompletions'], ['1..'])),
  thirdParty('anthropic', 'Anthropic', 'ai', ['@anthropic-ai/*'], calls(['messages.create', 'messages.stream', 'messages.countTokens', 'messages.batches.create', 'completions.create', 'beta.messages.create', 'beta.files.upload'], [0])),
  thirdParty('google-gemini', 'Google Gemini', 'ai', ['@google/generative-ai', '@google/generative-ai/*', '@google-cloud/vertexai'], calls(GOOGLE_GENAI_PATHS, [0])),
  thirdParty('google-gemini', 'Google Gemini', 'ai', ['@google/genai'], calls(GOOGLE_GENAI_PATHS.map((p) => (p.includes('.') || p.startsWith('send') ? p : `models.${p}`)), [0])),
  thirdParty('cohere', 'Cohere', 'ai', ['cohere-ai'], calls(['chat', 'chatStream', 'generate', 'generateStream', 'embed', 'rerank', 'classify', 'summarize', 'v2.chat', 'v2.embed'], [0])),
  thirdParty('mistral', 'Mistral AI', 'ai', ['@mistralai/mistralai'], calls(['chat.complete', 'chat.stream', 'chat.parse', 'embeddings.create', 'fim.complete', 'agents.complete', 'agents.stream', 'ocr.process', 'files.upload', 'chat', 'chatStream', 'embeddings'], 'all')),
  thirdParty('groq', 'Groq', 'ai', ['groq-sdk'], calls(['chat.completions.create', 'audio.transcriptions.create', 'audio.translations.create'], [0])),
  thirdParty('replicate', 'Replicate', 'ai', ['replicate'], calls(['run', 'stream', 'predictions.create', 'deployments.predictions.create'], 'all')),
  thirdParty('huggingface', 'Hugging Face Inference', 'ai', ['@huggingface/inference'], calls(HF_METHODS, [0])),
  thirdParty('vercel-ai', 'Vercel AI SDK', 'ai', ['ai'], calls(['^generateText', '^streamText', '^generateObject', '^streamObject', '^embed', '^embedMany', '^experimental_transcribe', '^experimental_generateSpeech'], [0])),
  thirdParty('langchain', 'LangChain', 'ai', LANGCHAIN_PROVIDERS, calls(['invoke', 'stream', 'batch', 'call', 'predict', 'predictMessages', 'generate', 'embedDocuments', 'embedQuery', 'fromDocuments', 'fromTexts', 'addDocuments'], 'all')),
  // prompt.pipe(model).invoke(input): a chain built in @langchain/core ends at a model
  thirdParty('langchain', 'LangChain', 'ai', ['@langchain/core', '@langchain/core/*'], calls(['pipe().invoke', 'pipe().stream', 'pipe().batch', 'from().invoke', 'from().stream'], 'all')),
  thirdParty('llamaindex', 'LlamaIndex', 'ai', ['llamaindex', '@llamaindex/*'], calls(['chat', 'complete', 'fromDocuments', 'asQueryEngine().query', 'asChatEngine().chat', 'getTextEmbedding', 'getTextEmbeddings'], 'all')),
  ...aws('bedrock', 'third_party', 'AWS Bedrock', 'ai', 'BedrockRuntime', '@aws-sdk/client-bedrock-runtime', {
    InvokeModelCommand: props(0, 'body'),
    InvokeModelWithResponseStreamCommand: props(0, 'body'),
    ConverseCommand: props(0, 'messages', 'system'),
    ConverseStreamCommand: props(0, 'messages', 'system'),
  }, { invokeModel: props(0, 'body'), invokeModelWithResponseStream: props(0, 'body'), converse: props(0, 'messages', 'system'), converseStream: props(0, 'messages', 'system') }),
  thirdParty('bedrock', 'AWS Bedrock', 'ai', ['@aws-sdk/client-bedrock-agent-runtime'], awsCommands({
    InvokeAgentCommand: props(0, 'inputText', 'sessionState'),
    RetrieveAndGenerateCommand: props(0, 'input'),
    RetrieveCommand: props(0, 'retrievalQuery'),
  })),
];

// ---- Email, SMS, chat -------------------------------------------------------------------------

const MESSAGING: SinkSpec[] = [
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

// ---- Payments, search, CRM --------------------------------------------------------------------

const BUSINESS: SinkSpec[] = [
  thirdParty('stripe', 'Stripe', 'payments', ['stripe'], calls([
    'customers.create', 'customers.update', 'customers.createSource', 'customers.createTaxId', 'paymentIntents.create', 'paymentIntents.update',
    'paymentIntents.confirm', 'setupIntents.create', 'setupIntents.update', 'checkout.sessions.create', 'billingPortal.sessions.create',
    'subscriptions.create', 'subscriptions.update', 'invoices.create', 'invoices.update', 'invoiceItems.create', 'charges.create', 'charges.update',
    'paymentMethods.create', 'paymentMethods.attach', 'paymentMethods.update', 'accounts.create', 'accounts.update', 'accounts.createPerson',
    'accounts.updatePerson', 'tokens.create', 'paymentLinks.create', 'quotes.create', 'identity.verificationSessions.create',
  ])),
  thirdParty('stripe', 'Stripe.js', 'payments', ['@stripe/stripe-js', '@stripe/react-stripe-js'], calls([
    'confirmCardPayment', 'confirmPayment', 'confirmSetup', 'createPaymentMethod', 'createToken', 'confirmCardSetup',
  ])),
  thirdParty('braintree', 'Braintree', 'payments', ['braintree'], calls([
    'customer.create', 'customer.update', 'transaction.sale', 'paymentMethod.create', 'paymentMethod.update', 'creditCard.create',
    'creditCard.update', 'address.create', 'address.update', 'subscription.create', 'merchantAccount.create',
  ])),
  thirdParty('square', 'Square', 'payments', ['square'], calls([
    'customersApi.createCustomer', 'customersApi.updateCustomer', 'paymentsApi.createPayment', 'ordersApi.createOrder', 'invoicesApi.createInvoice',
    'customers.create', 'customers.update', 'payments.create', 'orders.create', 'invoices.create',
  ])),
  thirdParty('plaid', 'Plaid', 'payments', ['plaid'], calls(['linkTokenCreate', 'processorTokenCreate', 'transferAuthorizationCreate', 'transferCreate', 'userCreate', 'identityMatch'], [0])),
  thirdParty('adyen', 'Adyen', 'payments', ['@adyen/api-library'], calls(['payments', 'sessions', 'paymentLinks', 'storeDetail', 'authorise'])),
  thirdParty('paypal', 'PayPal', 'payments', ['@paypal/checkout-server-sdk', '@paypal/payouts-sdk'], calls(['requestBody'], [0])),
  thirdParty('paypal', 'PayPal', 'payments', ['@paypal/paypal-server-sdk'], calls(['createOrder', 'ordersCreate', 'patchOrder', 'createSubscription'], [0])),
  thirdParty('algolia', 'Algolia', 'search', ['algoliasearch', 'algoliasearch/*', '@algolia/client-search'], calls([
    'saveObject', 'saveObjects', 'partialUpdateObject', 'partialUpdateObjects', 'replaceAllObjects', 'addOrUpdateObject', 'batch',
  ])),
  thirdParty('meilisearch', 'Meilisearch', 'search', ['meilisearch'], calls(['addDocuments', 'updateDocuments', 'addDocumentsInBatches'], [0])),
  thirdParty('typesense', 'Typesense', 'search', ['typesense'], calls(['documents().create', 'documents().upsert', 'documents().update', 'documents().import'], [0])),
  thirdParty('salesforce', 'Salesforce', 'crm', ['jsforce', '@jsforce/jsforce-node'], calls(['create', 'insert', 'update', 'upsert'])),
  thirdParty('hubspot', 'HubSpot', 'crm', ['@hubspot/api-client'], calls(['basicApi.create', 'basicApi.update', 'batchApi.create', 'batchApi.update', 'batchApi.upsert', 'basicApi.merge'])),
  thirdParty('intercom', 'Intercom', 'support', ['intercom-client'], calls([
    'contacts.create', 'contacts.update', 'users.create', 'users.update', 'leads.create', 'events.create', 'companies.create',
    'messages.create', 'conversations.create', 'conversations.reply', 'notes.create',
  ])),
  thirdParty('zendesk', 'Zendesk', 'support', ['node-zendesk'], calls(['tickets.create', 'tickets.update', 'users.create', 'users.update', 'users.createOrUpdate', 'requests.create'])),
];

// ---- Data stores --------------------------------------------------------------------------------

/** A data store (kind `datastore`). */
function store(id: string, label: string, packages: readonly string[], callList: readonly CallSpec[], service?: string): SinkSpec {
  return spec(id, 'datastore', label, service, packages, callList);
}

const REDIS_COMMANDS = [
  'set', 'setex', 'setEx', 'setnx', 'setNX', 'psetex', 'mset', 'mSet', 'msetnx', 'getset', 'append', 'hset', 'hSet', 'hmset', 'hmSet', 'hsetnx',
  'hSetNX', 'lpush', 'lPush', 'rpush', 'rPush', 'lset', 'lSet', 'linsert', 'sadd', 'sAdd', 'zadd', 'zAdd', 'xadd', 'xAdd', 'geoadd', 'geoAdd',
  'publish', 'spublish', 'json.set', 'set_', 'sendCommand', 'call',
];
const PRISMA_DATA = props(0, 'data');
// What an entity or document is built from before it is saved (SinkSpec.builders).
// repository.create(fields), manager.create(Entity, fields), dataSource.getRepository(E).create(fields)
const TYPEORM_BUILDERS: CallSpec[] = calls(['Repository.create', 'EntityManager.create', 'getRepository().create', 'manager.create'], 'all');
// Model.build(values)
const SEQUELIZE_BUILDERS: CallSpec[] = calls(['build'], [0]);
// new User(doc) with User = mongoose.model(...), an injected Model<T>, or Typegoose's getModelForClass(C)
const MONGOOSE_BUILDERS: CallSpec[] = [{ path: ['model()', 'Model', 'getModelForClass()'], on: 'new', args: [0] }];

const STORES: SinkSpec[] = [
  store('mysql', 'MySQL', ['mysql', 'mysql2', 'mysql2/*', '@planetscale/database'], calls(['query', 'execute'])),
  store('postgres', 'PostgreSQL', ['pg', 'pg-pool', '@neondatabase/serverless', '@vercel/postgres'], [
    ...calls(['query']),
    { path: ['^sql', 'neon()'], on: 'tag' },
  ]),
  // const sql = postgres(url); sql`insert into users ${sql(user)}`
  store('postgres', 'PostgreSQL', ['postgres'], [{ path: ['^()', '^().begin.=>'], on: 'tag' }, ...calls(['^().unsafe'])]),
  store('postgres', 'PostgreSQL', ['pg-promise'], calls(['none', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'result', 'query', 'multi'])),
  store('sqlite', 'SQLite', ['better-sqlite3'], calls(['prepare().run', 'exec'])),
  store('sqlite', 'SQLite', ['sqlite3', 'sqlite'], calls(['run', 'exec'])),
  store('mssql', 'SQL Server', ['mssql', 'tedious'], [...calls(['input', 'query', 'execute', 'bulk', 'execSql']), { path: '^query', on: 'tag' }]),
  store('oracle', 'Oracle Database', ['oracledb'], calls(['execute', 'executeMany'])),
  // prisma.user.create({ data }); `tx.user.create` in $transaction(tx => ...); a PrismaService extends PrismaClient
  store('prisma', 'Prisma', ['@prisma/client', '@prisma/client/*', '.prisma/client'], [
    ...calls(['*.create', '*.createMany', '*.createManyAndReturn', '*.update', '*.updateMany', '*.updateManyAndReturn'], PRISMA_DATA),
    { path: '*.upsert', args: props(0, 'create', 'update') },
    ...calls(['$executeRaw', '$executeRawUnsafe']),
    { path: ['$executeRaw', '$queryRaw'], on: 'tag' },
  ]),
  { ...store('typeorm', 'TypeORM', ['typeorm'], [
    ...calls(['insert', 'upsert', 'values', 'query']),
    // repository.save(entity), manager.save(Entity, data)
    { path: 'save', args: 'all' },
    // class User extends BaseEntity: user.save() stores the entity itself
    { path: 'BaseEntity.save', args: ['receiver', '0..'] },
    // repository.update(criteria, partial); queryBuilder.update(Entity).set(values)
    { path: 'update', args: ['1..'] },
    { path: 'update().set', args: [0] },
  ]), builders: TYPEORM_BUILDERS },
  { ...store('sequelize', 'Sequelize', ['sequelize', 'sequelize-typescript'], [
    ...calls(['create', 'bulkCreate', 'upsert', 'query', 'update', 'increment']),
    // instance.save(): the instance is the data
    { path: 'save', args: ['receiver', 0] },
  ]), builders: SEQUELIZE_BUILDERS },
  store('drizzle', 'Drizzle ORM', ['drizzle-orm', 'drizzle-orm/*'], [...calls(['insert().values', 'update().set', 'onConflictDoUpdate'], [0]), ...calls(['execute'])]),
  store('knex', 'Knex', ['knex'], calls(['insert', 'update', 'merge', 'raw'])),
  store('mikro-orm', 'MikroORM', ['@mikro-orm/core', '@mikro-orm/*'], calls(['persist', 'persistAndFlush', 'insert', 'insertMany', 'nativeInsert', 'nativeUpdate', 'upsert', 'upsertMany'])),
  store('objection', 'Objection.js', ['objection'], calls(['insert', 'patch', 'update', 'insertGraph', 'upsertGraph', 'patchAndFetchById', 'updateAndFetchById'])),
  store('mongodb', 'MongoDB', ['mongodb'], [
    ...calls(['insertOne', 'insertMany', 'bulkWrite'], [0]),
    ...calls(['updateOne', 'updateMany', 'replaceOne', 'findOneAndUpdate', 'findOneAndReplace'], [1]),
  ]),
  { ...store('mongoose', 'Mongoose', ['mongoose', '@typegoose/typegoose'], [
    ...calls(['create', 'insertMany', 'bulkWrite', 'bulkSave']),
    ...calls(['updateOne', 'updateMany', 'replaceOne', 'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndReplace'], ['1..']),
    // new User(data).save(), doc.save(): the document is the data
    { path: 'save', args: ['receiver', 0] },
  ]), builders: MONGOOSE_BUILDERS },
  store('redis', 'Redis', ['redis', 'ioredis', '@redis/client', '@upstash/redis', '@vercel/kv', 'redis-om'], calls(REDIS_COMMANDS)),
  ...aws('dynamodb', 'datastore', 'DynamoDB', undefined, 'DynamoDB', '@aws-sdk/client-dynamodb', {
    PutItemCommand: props(0, 'Item'),
    UpdateItemCommand: props(0, 'Key', 'ExpressionAttributeValues'),
    BatchWriteItemCommand: props(0, 'RequestItems'),
    TransactWriteItemsCommand: props(0, 'TransactItems'),
    ExecuteStatementCommand: props(0, 'Statement', 'Parameters'),
  }, { putItem: props(0, 'Item'), updateItem: props(0, 'Key', 'ExpressionAttributeValues'), batchWriteItem: props(0, 'RequestItems'), transactWriteItems: props(0, 'TransactItems') }, { index: 0, property: 'TableName' }),
  store('dynamodb', 'DynamoDB', ['@aws-sdk/lib-dynamodb'], [
    ...awsCommands({
      PutCommand: props(0, 'Item'),
      UpdateCommand: props(0, 'Key', 'ExpressionAttributeValues'),
      BatchWriteCommand: props(0, 'RequestItems'),
      TransactWriteCommand: props(0, 'TransactItems'),
    }, { index: 0, property: 'TableName' }),
    // DynamoDBDocument.from(client).put({...})
    ...calls(['DynamoDBDocument.put', 'DynamoDBDocument.update', 'DynamoDBDocument.batchWrite', 'DynamoDBDocument.transactWrite', 'from().put', 'from().update', 'from().batchWrite', 'from().transactWrite'], props(0, 'Item', 'Key', 'ExpressionAttributeValues', 'RequestItems', 'TransactItems'), { name: { index: 0, property: 'TableName' } }),
  ]),
  store('dynamodb', 'DynamoDB', ['aws-sdk'], calls(['DocumentClient.put', 'DocumentClient.update', 'DocumentClient.batchWrite', 'DocumentClient.transactWrite'], props(0, 'Item', 'Key', 'ExpressionAttributeValues', 'RequestItems', 'TransactItems'), { name: { index: 0, property: 'TableName' } })),
  store('firestore', 'Firebase', ['firebase-admin', 'firebase-admin/*', '@google-cloud/firestore', 'firebase', 'firebase/compat/*'], calls(['set', 'add', 'update', 'create', 'push', 'setWithMerge', 'createUser', 'updateUser'])),
  // modular API: setDoc(ref, data), addDoc(col, data), set(ref(db, path), value)
  store('firestore', 'Firebase', ['firebase/firestore', 'firebase/firestore/*', '@firebase/firestore', 'firebase/database', '@firebase/database'], calls(['^setDoc', '^addDoc', '^updateDoc', '^set', '^push', '^update', '^writeBatch().set', '^writeBatch().update'], ['1..'])),
  store('supabase', 'Supabase', ['@supabase/supabase-js', '@supabase/ssr', '@supabase/auth-helpers-nextjs'], [
    // `().from()`: the client's own from(), not `storage.from(bucket)` (object storage, below)
    ...calls(['insert', 'upsert', 'update'].flatMap((m) => [`().from().${m}`, `SupabaseClient.from().${m}`]), [0]),
    ...calls(['auth.signUp', 'auth.updateUser', 'auth.admin.createUser', 'auth.admin.updateUserById'], [0]),
    { path: 'rpc', args: [1] },
  ]),
  store('hbase', 'HBase', ['hbase', 'hbase-client'], calls(['put', 'row().put', 'mutateRow'])),
  store('hbase', 'HBase', ['hbase-rpc-client'], [...calls(['put', 'mutateRow', 'mput']), { path: 'Put.addColumn', args: [2] }]),
  store('neo4j', 'Neo4j', ['neo4j-driver'], calls(['run', 'executeQuery'])),
  store('cassandra', 'Cassandra', ['cassandra-driver'], calls(['execute', 'batch', 'eachRow', 'stream'])),
  store('couchbase', 'Couchbase', ['couchbase'], calls(['insert', 'upsert', 'replace', 'mutateIn'], ['1..'])),
  store('couchdb', 'CouchDB', ['nano'], calls(['insert', 'bulk'], [0])),
  store('pinecone', 'Pinecone', ['@pinecone-database/pinecone'], calls(['upsert', 'update', 'upsertRecords'], [0]), 'vector'),
  store('weaviate', 'Weaviate', ['weaviate-ts-client', 'weaviate-client'], calls(['withProperties', 'data.insert', 'data.insertMany', 'data.update', 'data.replace', 'withObjects', 'withObject'], [0]), 'vector'),
  store('qdrant', 'Qdrant', ['@qdrant/js-client-rest', '@qdrant/qdrant-js'], calls(['upsert', 'setPayload', 'overwritePayload', 'updateVectors'], ['1..']), 'vector'),
  store('chroma', 'Chroma', ['chromadb'], calls(['add', 'upsert', 'update'], [0]), 'vector'),
  store('milvus', 'Milvus', ['@zilliz/milvus2-sdk-node'], calls(['insert', 'upsert'], [0]), 'vector'),
  store('elasticsearch', 'Elasticsearch', ['@elastic/elasticsearch', 'elasticsearch', '@opensearch-project/opensearch'], calls(['index', 'bulk', 'update', 'create', 'updateByQuery'], [0]), 'search'),
];

// ---- Queues and streams -----------------------------------------------------------------------

/** A queue / stream (kind `queue`). */
function queue(id: string, label: string, packages: readonly string[], callList: readonly CallSpec[]): SinkSpec {
  return spec(id, 'queue', label, undefined, packages, callList);
}

const QUEUES: SinkSpec[] = [
  queue('kafka', 'Kafka', ['kafkajs', '@confluentinc/kafka-javascript'], [
    { path: 'send', args: props(0, 'messages'), name: { index: 0, property: 'topic' } },
    { path: 'sendBatch', args: props(0, 'topicMessages') },
    { path: 'produce', args: [2, 3], name: { index: 0 } },
  ]),
  queue('kafka', 'Kafka', ['node-rdkafka'], [{ path: 'produce', args: [2, 3], name: { index: 0 } }]),
  queue('rabbitmq', 'RabbitMQ', ['amqplib', 'amqplib/*', 'amqp-connection-manager', 'amqp-client', '@cloudamqp/amqp-client'], [
    // publish(exchange, routingKey, content): the exchange names it, or the routing key for the default exchange ''
    { path: 'publish', args: [2], name: [{ index: 0 }, { index: 1 }] },
    { path: 'sendToQueue', args: [1], name: { index: 0 } },
  ]),
  queue('rocketmq', 'RocketMQ', ['rocketmq-client-nodejs', 'apache-rocketmq', '@apache/rocketmq-client'], [
    { path: 'send', args: 'all', name: [{ index: 0, property: 'topic' }, { index: 0 }] },
  ]),
  queue('rocketmq', 'RocketMQ', ['@aliyunmq/mq-http-sdk'], [{ path: 'publishMessage', args: 'all', name: { site: 'getProducer', index: 1 } }]),
  queue('nats', 'NATS', ['nats', '@nats-io/transport-node', '@nats-io/jetstream', '@nats-io/nats-core'], [
    { path: ['publish', 'request'], args: [1], name: { index: 0 } },
  ]),
  queue('mqtt', 'MQTT', ['mqtt', 'async-mqtt'], [{ path: ['publish', 'publishAsync'], args: [1], name: { index: 0 } }]),
  ...aws('sqs', 'queue', 'AWS SQS', undefined, 'SQS', '@aws-sdk/client-sqs', {
    SendMessageCommand: props(0, 'MessageBody', 'MessageAttributes'),
    SendMessageBatchCommand: props(0, 'Entries'),
  }, { sendMessage: props(0, 'MessageBody', 'MessageAttributes'), sendMessageBatch: props(0, 'Entries') }),
  queue('sqs', 'AWS SQS', ['sqs-producer'], calls(['send'], [0])),
  // Publish also carries PhoneNumber (SMS) and attributes: the whole input is data
  ...aws('sns', 'queue', 'AWS SNS', undefined, 'SNS', '@aws-sdk/client-sns', { PublishCommand: [0], PublishBatchCommand: [0] }, { publish: [0], publishBatch: [0] }),
  ...aws('kinesis', 'queue', 'AWS Kinesis', undefined, 'Kinesis', '@aws-sdk/client-kinesis', {
    PutRecordCommand: props(0, 'Data', 'PartitionKey'),
    PutRecordsCommand: props(0, 'Records'),
  }, { putRecord: props(0, 'Data', 'PartitionKey'), putRecords: props(0, 'Records') }, { index: 0, property: 'StreamName' }),
  ...aws('firehose', 'queue', 'AWS Data Firehose', undefined, 'Firehose', '@aws-sdk/client-firehose', {
    PutRecordCommand: props(0, 'Record'),
    PutRecordBatchCommand: props(0, 'Records'),
  }, { putRecord: props(0, 'Record'), putRecordBatch: props(0, 'Records') }, { index: 0, property: 'DeliveryStreamName' }),
  ...aws('eventbridge', 'queue', 'AWS EventBridge', undefined, 'EventBridge', '@aws-sdk/client-eventbridge', { PutEventsCommand: props(0, 'Entries') }, { putEvents: props(0, 'Entries') }),
  queue('pubsub', 'Google Pub/Sub', ['@google-cloud/pubsub'], [
    { path: ['publishMessage', 'publish', 'publishJSON'], args: 'all', name: { site: 'topic', index: 0 } },
  ]),
  queue('servicebus', 'Azure Service Bus', ['@azure/service-bus'], [
    { path: ['sendMessages', 'scheduleMessages'], args: [0], name: { site: 'createSender', index: 0 } },
  ]),
  queue('eventhubs', 'Azure Event Hubs', ['@azure/event-hubs'], calls(['sendBatch', 'tryAdd', 'enqueueEvent', 'enqueueEvents'], [0])),
  queue('bullmq', 'BullMQ', ['bullmq'], [
    { path: 'add', args: ['1..'], name: { site: 'Queue', index: 0 } },
    { path: 'addBulk', args: [0], name: { site: 'Queue', index: 0 } },
    { path: ['FlowProducer.add', 'FlowProducer.addBulk'], args: [0] },
  ]),
  queue('bull', 'Bull', ['bull'], [{ path: ['add', 'addBulk'], args: 'all', name: { site: ['default', 'Queue', ''], index: 0 } }]),
  queue('bee-queue', 'Bee-Queue', ['bee-queue'], [{ path: 'createJob', args: [0], name: { site: ['default', ''], index: 0 } }]),
  queue('agenda', 'Agenda', ['agenda', '@hokify/agenda'], [
    { path: ['now', 'create'], args: ['1..'] },
    { path: ['schedule', 'every'], args: ['2..'] },
  ]),
  queue('pg-boss', 'pg-boss', ['pg-boss'], [{ path: ['send', 'sendAfter', 'sendDebounced', 'insert', 'publish'], args: ['1..'], name: { index: 0 } }]),
];

// ---- Object storage and files -----------------------------------------------------------------

const STORAGE: SinkSpec[] = [
  ...aws('s3', 'storage', 'AWS S3', undefined, 'S3', '@aws-sdk/client-s3', {
    PutObjectCommand: props(0, 'Body', 'Metadata', 'Key'),
    UploadPartCommand: props(0, 'Body'),
  }, { putObject: props(0, 'Body', 'Metadata', 'Key'), upload: props(0, 'Body', 'Metadata', 'Key') }, { index: 0, property: 'Bucket' }),
  spec('s3', 'storage', 'AWS S3', undefined, ['@aws-sdk/lib-storage'], [
    { path: 'Upload', on: 'new', args: props(0, 'params.Body', 'params.Metadata', 'params.Key'), name: { index: 0, property: 'params.Bucket' } },
  ]),
  // Storage handed to a library: multer({ storage: multerS3({ s3, bucket }) }) stores every upload in S3
  spec('s3', 'storage', 'AWS S3 (multer-s3)', undefined, ['multer-s3'], [{ path: '^', args: [], storesLater: true, name: { index: 0, property: 'bucket' } }]),
  spec('gcs', 'storage', 'Google Cloud Storage (multer)', undefined, ['multer-cloud-storage', 'multer-google-storage'], [{ path: ['^', '^default', 'MulterGoogleCloudStorage'], on: 'new', args: [], storesLater: true }]),
  spec('gcs', 'storage', 'Google Cloud Storage', undefined, ['@google-cloud/storage', 'firebase-admin', 'firebase-admin/*'], [
    { path: ['file().save', 'createWriteStream().write', 'createWriteStream().end'], args: [0], name: { site: 'bucket', index: 0 } },
  ]),
  spec('firebase-storage', 'storage', 'Firebase Storage', undefined, ['firebase/storage', '@firebase/storage'], calls(['^uploadBytes', '^uploadString', '^uploadBytesResumable'], [1])),
  spec('azure-blob', 'storage', 'Azure Blob Storage', undefined, ['@azure/storage-blob'], [
    ...calls(['upload', 'uploadData', 'uploadStream', 'uploadBrowserData'], [0]),
    ...calls(['uploadBlockBlob', 'stageBlock'], [1]),
  ]),
  spec('supabase-storage', 'storage', 'Supabase Storage', undefined, ['@supabase/supabase-js', '@supabase/ssr'], [
    { path: ['storage.from().upload', 'storage.from().update'], args: [0, 1], name: { site: 'from', index: 0 } },
  ]),
  spec('vercel-blob', 'storage', 'Vercel Blob', undefined, ['@vercel/blob'], calls(['^put'], [0, 1])),
  spec('cloudinary', 'storage', 'Cloudinary', undefined, ['cloudinary'], calls(['uploader.upload', 'uploader.upload_stream', 'uploader.add_context'], [0])),
  spec('fs', 'file', 'file system', undefined, ['fs', 'fs/promises', 'fs-extra', 'graceful-fs', 'original-fs'], [
    ...calls(['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'write', 'writeSync', 'outputFile', 'outputFileSync', 'writeJson', 'writeJSON', 'writeJsonSync', 'writeJSONSync', 'outputJson', 'outputJSON', 'outputJsonSync'], [1]),
    ...calls(['createWriteStream().write', 'createWriteStream().end', 'open().write', 'open().writeFile', 'open().appendFile'], [0]),
  ]),
];

// ---- Browser storage and tokens ---------------------------------------------------------------

/** Browser-side storage (kind `browser_storage`). */
function browser(id: string, label: string, packages: readonly string[], callList: readonly CallSpec[]): SinkSpec {
  return spec(id, 'browser_storage', label, undefined, packages, callList);
}

const CLIENT_SIDE: SinkSpec[] = [
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

export const EGRESS_SINKS: readonly SinkSpec[] = [...HTTP, ...ANALYTICS, ...AI, ...MESSAGING, ...BUSINESS, ...STORES, ...QUEUES, ...STORAGE, ...CLIENT_SIDE];

import { sinkOf, type Summary } from './helpers.js';

type Expected = Partial<Summary> & { id: string };

const ANALYTICS: [string, string, Expected][] = [
  [
    'Segment node',
    `import { Analytics } from '@segment/analytics-node';\nconst analytics = new Analytics({ writeKey: 'k' });\ndeclare const u: any;\n/*sink*/analytics.identify({ userId: u.id, traits: { email: u.email } });`,
    {
      id: 'segment',
      kind: 'third_party',
      service: 'analytics',
      family: 'egress',
      package: '@segment/analytics-node',
      description: 'segment identify',
    },
  ],
  [
    'Segment browser AnalyticsBrowser.load',
    `import { AnalyticsBrowser } from '@segment/analytics-next';\nconst analytics = AnalyticsBrowser.load({ writeKey: 'k' });\n/*sink*/analytics.track('Signed Up', { plan: 'pro' });`,
    { id: 'segment' },
  ],
  [
    'Segment legacy analytics-node (require)',
    `const Analytics = require('analytics-node');\nconst a = new Analytics('key');\n/*sink*/a.track({ event: 'x' });`,
    { id: 'segment', package: 'analytics-node' },
  ],
  [
    'Segment snippet window.analytics',
    `declare const window: any;\n/*sink*/window.analytics.identify('u1', { email: 'x' });`,
    { id: 'segment', description: 'analytics.identify' },
  ],
  [
    'RudderStack',
    `import { RudderAnalytics } from '@rudderstack/analytics-js';\nconst ra = new RudderAnalytics();\n/*sink*/ra.track('x', {});`,
    { id: 'rudderstack' },
  ],
  [
    'Mixpanel node init().track',
    `import Mixpanel from 'mixpanel';\nconst mp = Mixpanel.init('token');\n/*sink*/mp.track('x', { distinct_id: 1 });`,
    { id: 'mixpanel' },
  ],
  [
    'Mixpanel people.set',
    `import Mixpanel from 'mixpanel';\nconst mp = Mixpanel.init('token');\ndeclare const u: any;\n/*sink*/mp.people.set(u.id, { $email: u.email });`,
    { id: 'mixpanel', description: 'mixpanel people.set' },
  ],
  [
    'Mixpanel browser',
    `import mixpanel from 'mixpanel-browser';\n/*sink*/mixpanel.identify('u1');`,
    { id: 'mixpanel', package: 'mixpanel-browser' },
  ],
  [
    'Amplitude browser named import',
    `import { track } from '@amplitude/analytics-browser';\n/*sink*/track('x', { a: 1 });`,
    { id: 'amplitude' },
  ],
  [
    'Amplitude init(apiKey, userId) data is the user id',
    `import * as amplitude from '@amplitude/analytics-browser';\ndeclare const u: any;\n/*sink*/amplitude.init('KEY', u.email);`,
    { id: 'amplitude', data: ['u.email'] },
  ],
  [
    'PostHog node capture',
    `import { PostHog } from 'posthog-node';\nconst ph = new PostHog('k');\n/*sink*/ph.capture({ distinctId: 'a', event: 'x' });`,
    { id: 'posthog' },
  ],
  [
    'PostHog js init starts recording the visitor',
    `import posthog from 'posthog-js';\n/*sink*/posthog.init('key', { api_host: '/ingest' });`,
    { id: 'posthog', data: [], description: 'posthog init (autocapture, session recording)' },
  ],
  [
    'Firebase Analytics (React Native) default instance',
    `import analytics from '@react-native-firebase/analytics';\ndeclare const u: any;\n/*sink*/analytics().setUserId(u.id);`,
    { id: 'firebase-analytics', package: '@react-native-firebase/analytics' },
  ],
  [
    'Firebase Analytics instance held in a typed field',
    `import type { FirebaseAnalyticsTypes } from '@react-native-firebase/analytics';\nclass A { constructor(private fa: FirebaseAnalyticsTypes.Module) {}\n  go(p: object) { /*sink*/this.fa.setUserProperties(p); } }`,
    { id: 'firebase-analytics' },
  ],
  [
    'Firebase Analytics modular web API takes the instance first',
    `import { getAnalytics, logEvent } from 'firebase/analytics';\n/*sink*/logEvent(getAnalytics(), 'login', { method: 'email' });`,
    { id: 'firebase-analytics', package: 'firebase/analytics' },
  ],
  ['PostHog js identify', `import posthog from 'posthog-js';\n/*sink*/posthog.identify('id', { email: 'x' });`, { id: 'posthog' }],
  ['Heap global', `declare const heap: any;\n/*sink*/heap.addUserProperties({ email: 'x' });`, { id: 'heap' }],
  [
    'FullStory v2 function',
    `import { FullStory } from '@fullstory/browser';\n/*sink*/FullStory('setIdentity', { uid: 'x' });`,
    { id: 'fullstory' },
  ],
  ['FullStory global FS.identify', `declare const FS: any;\n/*sink*/FS.identify('u', { email: 'x' });`, { id: 'fullstory' }],
  ['Braze getUser().setEmail', `import * as braze from '@braze/web-sdk';\n/*sink*/braze.getUser()?.setEmail('x');`, { id: 'braze' }],
  [
    'Customer.io TrackClient',
    `import { TrackClient } from 'customerio-node';\nconst cio = new TrackClient('s', 'k');\n/*sink*/cio.identify('1', { email: 'x' });`,
    { id: 'customerio' },
  ],
  [
    'Klaviyo API',
    `import { ProfilesApi } from 'klaviyo-api';\nconst p = new ProfilesApi({} as any);\n/*sink*/p.createProfile({ data: {} } as any);`,
    { id: 'klaviyo' },
  ],
  [
    'Intercom messenger',
    `import Intercom from '@intercom/messenger-js-sdk';\n/*sink*/Intercom({ app_id: 'a', email: 'x' });`,
    { id: 'intercom' },
  ],
  ['Intercom global', `declare const window: any;\n/*sink*/window.Intercom('boot', { email: 'x' });`, { id: 'intercom' }],
  ['HubSpot _hsq.push', `declare const window: any;\n/*sink*/window._hsq.push(['identify', { email: 'x' }]);`, { id: 'hubspot' }],
  [
    'gtag',
    `declare function gtag(...a: unknown[]): void;\n/*sink*/gtag('event', 'login', { user_id: 'x' });`,
    { id: 'google-analytics', description: 'gtag' },
  ],
  [
    'react-ga4',
    `import ReactGA from 'react-ga4';\n/*sink*/ReactGA.event({ category: 'a', action: 'b' });`,
    { id: 'google-analytics', package: 'react-ga4' },
  ],
  ['react-ga set', `import ReactGA from 'react-ga';\n/*sink*/ReactGA.set({ userId: 'x' });`, { id: 'google-analytics' }],
  [
    'dataLayer.push',
    `declare const window: any;\n/*sink*/window.dataLayer.push({ event: 'signup', email: 'x' });`,
    { id: 'google-tag-manager' },
  ],
  ['dataLayer.push via (window as any)', `/*sink*/(window as any).dataLayer.push({ event: 'x' });`, { id: 'google-tag-manager' }],
  ['fbq', `declare const fbq: any;\n/*sink*/fbq('track', 'Purchase', { em: 'x' });`, { id: 'facebook-pixel' }],
  ['ttq', `declare const ttq: any;\n/*sink*/ttq.identify({ email: 'x' });`, { id: 'tiktok-pixel' }],
  ['lintrk', `declare const window: any;\n/*sink*/window.lintrk('track', { conversion_id: 1 });`, { id: 'linkedin-insight' }],
];

const AI: [string, string, Expected][] = [
  [
    'openai chat.completions.create',
    `import OpenAI from 'openai';\nconst client = new OpenAI();\ndeclare const p: string;\n/*sink*/client.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: p }] });`,
    {
      id: 'openai',
      kind: 'third_party',
      service: 'ai',
      description: 'openai chat.completions.create',
      data: ["{ model: 'x', messages: [{ role: 'user', content: p }] }"],
    },
  ],
  [
    'openai responses.create',
    `import OpenAI from 'openai';\nconst client = new OpenAI();\n/*sink*/client.responses.create({ model: 'x', input: 'hi' });`,
    { id: 'openai', description: 'openai responses.create' },
  ],
  [
    'openai embeddings',
    `import { OpenAI } from 'openai';\n/*sink*/new OpenAI().embeddings.create({ model: 'x', input: 'y' });`,
    { id: 'openai' },
  ],
  [
    'openai files',
    `import OpenAI from 'openai';\nconst o = new OpenAI();\ndeclare const f: any;\n/*sink*/o.files.create({ file: f, purpose: 'fine-tune' });`,
    { id: 'openai' },
  ],
  [
    'openai fine-tuning',
    `import OpenAI from 'openai';\nconst o = new OpenAI();\n/*sink*/o.fineTuning.jobs.create({ training_file: 'f', model: 'm' });`,
    { id: 'openai' },
  ],
  [
    'openai via destructured chat',
    `import OpenAI from 'openai';\nconst { chat } = new OpenAI();\n/*sink*/chat.completions.create({} as any);`,
    { id: 'openai' },
  ],
  [
    'openai client injected as a class field',
    `import OpenAI from 'openai';\nclass Summarizer { constructor(private readonly openai: OpenAI) {} run(t: string) { return /*sink*/this.openai.chat.completions.create({ model: 'm', messages: [] }); } }`,
    { id: 'openai' },
  ],
  [
    'anthropic messages.create',
    `import Anthropic from '@anthropic-ai/sdk';\nconst a = new Anthropic();\n/*sink*/a.messages.create({ model: 'm', max_tokens: 1, messages: [] });`,
    { id: 'anthropic', description: 'anthropic messages.create' },
  ],
  [
    'google generative-ai getGenerativeModel().generateContent',
    `import { GoogleGenerativeAI } from '@google/generative-ai';\nconst model = new GoogleGenerativeAI('k').getGenerativeModel({ model: 'gemini' });\ndeclare const p: string;\n/*sink*/model.generateContent(p);`,
    { id: 'google-gemini', data: ['p'] },
  ],
  [
    'google generative-ai chat.sendMessage',
    `import { GoogleGenerativeAI } from '@google/generative-ai';\nconst chat = new GoogleGenerativeAI('k').getGenerativeModel({ model: 'g' }).startChat();\n/*sink*/chat.sendMessage('hi');`,
    { id: 'google-gemini' },
  ],
  [
    '@google/genai models.generateContent',
    `import { GoogleGenAI } from '@google/genai';\nconst ai = new GoogleGenAI({});\n/*sink*/ai.models.generateContent({ model: 'g', contents: 'x' });`,
    { id: 'google-gemini', package: '@google/genai' },
  ],
  [
    'cohere',
    `import { CohereClient } from 'cohere-ai';\nconst c = new CohereClient({});\n/*sink*/c.chat({ message: 'x' });`,
    { id: 'cohere' },
  ],
  [
    'mistral',
    `import { Mistral } from '@mistralai/mistralai';\nconst m = new Mistral({});\n/*sink*/m.chat.complete({ model: 'm', messages: [] });`,
    { id: 'mistral' },
  ],
  [
    'groq',
    `import Groq from 'groq-sdk';\nconst g = new Groq();\n/*sink*/g.chat.completions.create({ messages: [], model: 'm' });`,
    { id: 'groq' },
  ],
  [
    'replicate',
    `import Replicate from 'replicate';\nconst r = new Replicate();\n/*sink*/r.run('model', { input: { prompt: 'x' } });`,
    { id: 'replicate' },
  ],
  [
    'huggingface',
    `import { HfInference } from '@huggingface/inference';\nconst hf = new HfInference('t');\n/*sink*/hf.textGeneration({ model: 'm', inputs: 'x' });`,
    { id: 'huggingface' },
  ],
  [
    'vercel ai generateText',
    `import { generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\ndeclare const p: string;\n/*sink*/generateText({ model: openai('gpt'), prompt: p });`,
    { id: 'vercel-ai', package: 'ai' },
  ],
  ['vercel ai embed', `import { embed } from 'ai';\n/*sink*/embed({ model: 'm' as any, value: 'x' });`, { id: 'vercel-ai' }],
  [
    'vercel ai chat transport posts the chat messages',
    `import { DefaultChatTransport } from 'ai';\n/*sink*/new DefaultChatTransport({ api: '/api/chat' });`,
    { id: 'vercel-ai', description: 'vercel-ai chat transport (posts the chat messages)' },
  ],
  [
    'vercel ai chat transport extended by a project class',
    `import { HttpChatTransport } from 'ai';\nclass Transport extends HttpChatTransport<any> {}\n/*sink*/new Transport({ api: '/ai/chat' });`,
    { id: 'vercel-ai' },
  ],
  [
    'langchain model.invoke',
    `import { ChatOpenAI } from '@langchain/openai';\nconst model = new ChatOpenAI({});\n/*sink*/model.invoke('hello');`,
    { id: 'langchain', package: '@langchain/openai' },
  ],
  [
    'langchain embedDocuments',
    `import { OpenAIEmbeddings } from '@langchain/openai';\n/*sink*/new OpenAIEmbeddings().embedDocuments(['x']);`,
    { id: 'langchain' },
  ],
  [
    'langchain prompt.pipe(model).invoke',
    `import { ChatPromptTemplate } from '@langchain/core/prompts';\nconst chain = ChatPromptTemplate.fromTemplate('x {a}').pipe({} as any);\n/*sink*/chain.invoke({ a: 1 });`,
    { id: 'langchain', package: '@langchain/core/prompts' },
  ],
  [
    'bedrock InvokeModelCommand',
    `import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';\nconst c = new BedrockRuntimeClient({});\ndeclare const body: string;\n/*sink*/c.send(new InvokeModelCommand({ modelId: 'm', body }));`,
    { id: 'bedrock', service: 'ai', data: ['body'], description: 'bedrock InvokeModelCommand' },
  ],
  [
    'bedrock Converse with a prepared command',
    `import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\nconst c = new BedrockRuntimeClient({});\ndeclare const msgs: any[];\nconst cmd = new ConverseCommand({ modelId: 'm', messages: msgs });\n/*sink*/c.send(cmd);`,
    { id: 'bedrock', data: ['msgs'] },
  ],
];

describe('analytics and CDP catalogue', () => {
  test.each(ANALYTICS)('%s', (_name, source, expected) => {
    expect(sinkOf(source)).toMatchObject(expected);
  });
});

test('a snippet global has no package', () => {
  expect(sinkOf(`declare const analytics: any;\n/*sink*/analytics.track('x');`)).not.toHaveProperty('package');
});

describe('AI / LLM catalogue', () => {
  test.each(AI)('%s', (_name, source, expected) => {
    expect(sinkOf(source)).toMatchObject(expected);
  });
});

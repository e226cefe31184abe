import { calls, type SinkSpec } from '../../../src/sinks/catalog-types.js';
import { props, thirdParty, aws, awsCommands } from './rows.js';

// ---- AI / LLM (egress, rule data-flow) ----

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

export const AI: readonly SinkSpec[] = [
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

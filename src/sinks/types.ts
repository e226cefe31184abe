import type { ts } from 'ts-morph';
import type { SinkKind, SinkRef } from '../core/contract.js';

/**
 * Where a value came from, as an access path from a package entry point (an "API graph" path, as in
 * CodeQL): `import OpenAI from 'openai'; new OpenAI().chat.completions.create` has
 * `{ module: 'openai', path: ['default', 'new', 'chat', 'completions', 'create'] }`.
 * Globals (`console`, `fetch`, `localStorage`, `document`) use module `global`.
 * Steps: an export or member name, `new` for construction, `()` for a call's result.
 */
export interface Origin {
  module: string;
  path: string[];
}

/** Which part of a call carries data into the sink. */
export interface ArgSpec {
  /** Argument position, or 'all' for every argument (console.log). */
  index: number | 'all';
  /** Only this property of an object-literal argument (kafka `messages`, fetch `body`). */
  property?: string;
}

/** One sink reached at a node. */
export interface SinkMatch {
  sink: SinkRef;
  /** `log` sinks feed the pii-logging rule, `egress` sinks the data-flow rule. */
  family: 'log' | 'egress';
  /** The call / new / assignment node that is the sink. */
  node: ts.Node;
  /** Expressions whose values reach the sink (already narrowed to the data-carrying arguments). */
  dataArgs: ts.Expression[];
  /** Short description for traces and messages: "winston logger.info", "openai chat.completions.create". */
  description: string;
  /** Property paths the logger instance redacts (pino `redact`), relative to the logged object. */
  redactedPaths?: string[];
  /** The library stores data it receives later here (catalogue `storesLater`): reported without proven data. */
  storesLater?: true;
  /** What the library collects there (catalogue `collects`): the data of the flow when no other is proven. */
  collects?: string;
  /** The category of a generated client or device id kept there (catalogue `generatedIds`). */
  generatedIds?: string;
  /** Origin of the matched callee (for commands: of the command object), for traces and debugging. */
  origin?: Origin;
}

export interface SinkResolver {
  /** Sinks reached at this node (call, new, or assignment such as `document.cookie = x`). Fast `[]` for everything else. */
  match(node: ts.Node): SinkMatch[];
  /** Package origin of an expression, when it can be resolved statically. */
  origin(expr: ts.Expression): Origin | undefined;
  /**
   * Where an expression comes from, with the text of the calls that built it (`pino({ redact })`), or
   * undefined: what a file exports as a client or logger, for the review's early cutoff to compare.
   * `configured`: a catalogue row or a configured sink names its package (or it is a project module),
   * so the options of those calls, wherever they come from, can decide a sink.
   */
  describeOrigin(expr: ts.Expression): { text: string; configured: boolean } | undefined;
  /** Whether a catalogue row reads its configuration from another call on the receiver with this method name (`xhr.open`). */
  isSiblingMethod(name: string): boolean;
  /** Whether a rule's catalogue names this package: its sinks are known, its other calls are not sinks. */
  isCatalogued(module: string): boolean;
}

/** A user-defined sink from configuration: package + member path suffix. */
export interface CustomSinkConfig {
  id: string;
  kind: SinkKind;
  package: string;
  /** Member path suffix, dot separated: `track`, `chat.completions.create`. */
  call: string;
  /** Data-carrying argument positions (default: all). */
  args?: number[];
  label?: string;
  service?: string;
}

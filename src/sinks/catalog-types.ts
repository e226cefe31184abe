import type { SinkKind } from '../core/contract.js';

/**
 * The sink catalogue format. A catalogue is an array of `SinkSpec`, one per package family:
 *
 *   { id: 'openai', kind: 'third_party', service: 'ai', label: 'OpenAI', packages: ['openai'],
 *     calls: [{ path: 'chat.completions.create', args: [0] }] }
 *
 * How a call matches (see path-pattern.ts):
 *   1. The callee's origin (origin.ts) is `{ module, path }`, e.g. `new OpenAI().chat.completions.create`
 *      is `openai` / `default,new,chat,completions,create`.
 *   2. `module` must be one of `packages` (`node:` prefix ignored; `@scope/*` matches the whole scope;
 *      `global` for browser/Node globals).
 *   3. The path is normalized by dropping `new` and `default` steps (constructing a client or importing
 *      the default export does not change which API is called); `()` (a call's result), `=>` (a
 *      callback's parameter) and `[]` (a computed member) stay.
 *   4. The call's `path` pattern must equal a suffix of the normalized path. Pattern syntax: names
 *      separated by `.`; `name()` is that name followed by a `()` step; `()` alone is a `()` step;
 *      `*` is any one name (not `()`); `[]` a computed member (`logger[level]`); a leading `^` anchors
 *      the pattern at the start (the whole path must match: `^fetch` is the global `fetch`, never
 *      `x.fetch`); the empty pattern `^` (or '') is the package itself being called (`axios(config)`).
 * So `info` in the winston spec matches `winston.info`, `createLogger().info`, `logger.child().info`,
 * a `Logger`-typed parameter's `.info`, but never `x.info` on anything that does not come from winston.
 */
export interface SinkSpec {
  /** Base sink id (`segment`, `kafka`); `http` specs produce `http:<host>`; `name` refs add `:<name>`. */
  id: string;
  kind: SinkKind;
  label: string;
  /** Service kind for third parties: analytics, ai, email, sms, chat, payments, crm, search, ... */
  service?: string;
  /** Module names (exact, `@scope/*`, or `global`). */
  packages: readonly string[];
  calls: readonly CallSpec[];
  /** The creating calls take pino options, whose `redact` paths are reported on the match. */
  redact?: 'pino';
  /** Receiver word for descriptions: `receiver: 'logger'` gives "pino logger.info". */
  receiver?: string;
  /**
   * Calls of the same packages whose result carries their arguments into this sink's writes (a
   * CodeQL-style summary, argument → return value): TypeORM `repository.create(fields)` saved by
   * `repository.save(entity)`, Mongoose `new Model(doc)` saved by `doc.save()`. A data argument built
   * by one of them (directly or through a variable) also carries the builder's data arguments.
   */
  builders?: readonly CallSpec[];
}

export interface CallSpec {
  /** Path pattern(s), see above. Optional for `command` specs (they match `<client>.send(cmd)`). */
  path?: string | readonly string[];
  /** Node form: a call (default), `new X(...)`, an assignment `x.y = v`, a tagged template. */
  on?: 'call' | 'new' | 'assign' | 'tag';
  /** Data-carrying arguments; default `'all'`. For assignments the right side is the data. */
  args?: ArgsSpec;
  /**
   * AWS SDK v3 style: the sink is `anyClient.send(new <command>(input))`; `args`, `url` and `name`
   * refer to the command constructor's arguments. The command class must come from `packages`.
   */
  command?: string | readonly string[];
  /** HTTP destination (first that yields a host wins); a non-literal URL is also data. */
  url?: ValueRef | readonly ValueRef[];
  /** Id suffix: `kafka:<topic>` when the ref is a constant string. */
  name?: ValueRef | readonly ValueRef[];
  /** Overrides the generated description. */
  description?: string;
  /**
   * The call hands the library a place where it will store data it receives later (multer-s3 upload
   * storage, a query-cache persister): reported even when no data is proven at the call.
   */
  storesLater?: true;
  /**
   * With `storesLater`: the category of what the library collects there, when it is always of one
   * kind (upload storage keeps the files people upload, `user.content`; a browser analytics SDK's
   * `init` starts recording the visitor's page views and clicks, `user.behavior`).
   */
  collects?: string;
  /**
   * A random id the code generates and keeps here under a client's, device's or visitor's name
   * (`setItem(CLIENT_ID_KEY, nanoid())`) identifies this browser or device from then on: of this category.
   */
  generatedIds?: string;
}

/**
 * An argument position, `'n..'` for position n and all after it, `'receiver'` for the object the method
 * is called on (`user.save()`), or one property (dot path, e.g. `params.Body`) of an object-literal
 * argument. When the argument is not an object literal (a variable of unknown shape) the whole
 * argument is kept.
 */
export type ArgSel = number | `${number}..` | 'receiver' | { index: number; property: string };
export type ArgsSpec = 'all' | readonly ArgSel[];

/** A value read from an argument of this call, or of the call/new that created the receiver (`site`). */
export interface ValueRef {
  index: number;
  /** Dot path inside an object-literal argument (`topic`, `baseURL`). */
  property?: string;
  /**
   * Read from the call or `new` that created the receiver instead of from this call: the `()`/`new`
   * step that follows one of these names in the receiver's path (`create` for `axios.create({...})`,
   * `Queue` for `new Queue('emails')`, `default` for a default-export class), or `*` for the nearest.
   */
  site?: string | readonly string[];
  /**
   * Read from another call on the same variable instead: `sibling: 'open'` with `index: 1` reads the
   * URL of `xhr.open('POST', url)` for `xhr.send(body)`.
   */
  sibling?: string;
}

/** `calls(['track', 'identify'], 'all')`: one CallSpec per path with the same arguments. */
export function calls(paths: readonly string[], args: ArgsSpec = 'all', extra: Omit<CallSpec, 'path' | 'args'> = {}): CallSpec[] {
  return paths.map((path) => ({ path, args, ...extra }));
}

/** `under(['', 'create()'], ['get', 'post'])` → `^get`, `^post`, `^create().get`, ...: anchored receiver × method. */
export function under(receivers: readonly string[], methods: readonly string[]): string[] {
  const out: string[] = [];
  for (const r of receivers) for (const m of methods) out.push('^' + (r ? `${r}.${m}` : m));
  return out;
}

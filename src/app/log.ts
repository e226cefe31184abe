import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import pinoPretty from 'pino-pretty';

/**
 * Keys whose values are webhook payloads, request or response bodies or headers: never logged.
 * Probot and @octokit/webhooks log a failed delivery with the whole event (a pull request's title,
 * a comment's text, people's names), and Octokit errors carry the request and the response.
 */
const DROPPED = new Set([
  'event',
  'payload',
  'body',
  'rawBody',
  'data',
  'request',
  'response',
  'headers',
  'errors',
  'pull_request',
  'comment',
  'issue',
  'review',
  'sender',
  'repository',
  'user',
]);
const MAX_DEPTH = 4;
const MAX_STRING = 500;

export interface SafeLoggerOptions {
  level?: LevelWithSilent;
  /** Where lines go (default: stdout). */
  destination?: DestinationStream;
  /** `pretty`: coloured lines a person reads; `json`: one JSON object a line (default: pretty when the lines go to stdout and it is a terminal). */
  format?: 'json' | 'pretty';
}

/**
 * The App's logger: pino (what Probot expects), JSON lines (pretty ones in a terminal), with every argument scrubbed before
 * it is serialized: payload-like keys dropped, errors reduced to type, status and a message whose
 * quoted parts (JSON parse errors quote the input) are blanked, HTTP request and response objects
 * reduced to method, path and status; then each finished line once more. Reasons stay; personal
 * data and bodies do not.
 */
export function createSafeLogger(options: SafeLoggerOptions = {}): Logger {
  return pino(
    {
      name: 'privacy-review',
      level: options.level ?? 'info',
      hooks: {
        logMethod(args, method) {
          const safe = (args as unknown[]).map((a, i) =>
            i === 0 && a instanceof Error ? { err: scrub(a, 0) } : typeof a === 'string' ? a : scrub(a, 0),
          );
          if (args[0] instanceof Error && typeof safe[1] !== 'string') safe.splice(1, 0, safeMessage(args[0].message));
          return method.apply(this, safe as Parameters<typeof method>);
        },
        // The last line of defence, on the finished JSON line: pino-http binds the whole request to
        // a child logger with its own serializer (headers, remote address), which bypasses the above.
        streamWrite(line) {
          try {
            const entry = scrub(JSON.parse(line), 0) as Record<string, unknown>;
            // Access-log messages quote the URL: keep its path, drop the query.
            if (typeof entry.msg === 'string') entry.msg = entry.msg.replace(/(\/[^\s?]*)\?\S*/g, '$1');
            return `${JSON.stringify(entry)}\n`;
          } catch {
            return '{"msg":"a log entry that could not be checked was dropped"}\n';
          }
        },
      },
      serializers: { err: (e: unknown) => scrub(e, 0), req: http, res: http },
    },
    destinationFor(options),
  );
}

/** Pretty lines are formatted from the JSON lines after they are scrubbed: the same content either way. */
function destinationFor(options: SafeLoggerOptions): DestinationStream {
  const format = options.format ?? (!options.destination && process.stdout.isTTY ? 'pretty' : 'json');
  if (format === 'json') return options.destination ?? pino.destination(1);
  return pinoPretty({
    colorize: !options.destination && !process.env.NO_COLOR,
    ignore: 'pid,hostname',
    sync: true,
    ...(options.destination ? { destination: options.destination as NodeJS.WritableStream } : { destination: 1 }),
  });
}

/** A copy safe to log. Exported for tests. */
export function scrub(value: unknown, depth: number): unknown {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (typeof value !== 'object') return String(value);
  if (value instanceof Error) {
    const e = value as Error & { status?: unknown; code?: unknown };
    return {
      type: e.name,
      message: safeMessage(e.message),
      ...(typeof e.status === 'number' ? { status: e.status } : {}),
      ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
      ...(e instanceof AggregateError ? { causes: e.errors.slice(0, 5).map((x) => scrub(x, depth + 1)) } : {}),
    };
  }
  if (isHttpMessage(value)) return httpSummary(value);
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (DROPPED.has(key)) continue;
    out[key] =
      key === 'req' || key === 'res'
        ? isHttpMessage(v)
          ? httpSummary(v)
          : pick(v, ['id', 'method', 'url', 'statusCode'])
        : scrub(v, depth + 1);
  }
  return out;
}

/** A request or response as method, path and status. */
function http(v: unknown): unknown {
  return isHttpMessage(v) ? httpSummary(v) : pick(v, ['id', 'method', 'url', 'statusCode']);
}

/** The first line, quoted parts blanked (`Unexpected token, "{"title": ...}" is not valid JSON`). */
function safeMessage(message: string): string {
  const line = String(message ?? '').split('\n')[0];
  // Greedy: nested quotes (JSON inside a message) must not leave pieces between pairs.
  return line
    .replace(/"[\s\S]*"/, '"…"')
    .replace(/'(?:[^'\\]|\\.){12,}'/g, "'…'")
    .slice(0, 300);
}

function isHttpMessage(v: unknown): v is { method?: string; url?: string; statusCode?: number } {
  return typeof v === 'object' && v !== null && ('socket' in v || 'connection' in v) && ('method' in v || 'statusCode' in v);
}

/** Method, path without query, status: enough to follow a delivery. */
function httpSummary(v: {
  method?: string;
  url?: string;
  statusCode?: number;
  headers?: Record<string, unknown>;
}): Record<string, unknown> {
  const delivery = v.headers?.['x-github-delivery'];
  return {
    ...(v.method ? { method: v.method } : {}),
    ...(typeof v.url === 'string' ? { url: v.url.split('?')[0] } : {}),
    ...(typeof v.statusCode === 'number' ? { statusCode: v.statusCode } : {}),
    ...(typeof delivery === 'string' ? { delivery } : {}),
  };
}

function pick(v: unknown, keys: readonly string[]): Record<string, unknown> | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const x = (v as Record<string, unknown>)[k];
    if (typeof x === 'string' || typeof x === 'number') out[k] = k === 'url' && typeof x === 'string' ? x.split('?')[0] : x;
  }
  return out;
}

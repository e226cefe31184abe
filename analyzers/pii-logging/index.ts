import { ts } from '#ts-morph';
import type { Analyzer, SourceFileContext } from '../../src/engine/analyzer.js';
import type { DataSource } from '../../src/flow/flow-analyzer.js';
import type { Confidence, SinkRef } from '../../src/core/contract.js';
import { cappedConfidence } from '../../src/flow/sink-flows.js';
import { LOGGER_SINKS } from './loggers.catalog.js';
import { idsInLoggedUrls } from './logged-urls.js';
import { messageArguments } from './error-messages.js';
import { requestLogAt } from './request-log-formats.js';
import { describeCategories, describeOrigins, leadingTrace, strongest } from '../shared/describe.js';
import { inDevelopmentOnly } from '../shared/development-only.js';

/**
 * Opaque identifiers (`user.id`, `userId`) are what logs should carry instead of personal data (the
 * remedy every pii-logging finding advises), so they are not a leak; low-confidence guesses are too
 * noisy for a check that blocks merges.
 */
function reportable(s: DataSource): boolean {
  return s.category !== 'user.unique_id' && s.confidence !== 'low';
}

const THROWN_ERROR: SinkRef = { kind: 'logger', id: 'thrown-error', label: 'thrown error message' };

export const piiLoggingAnalyzer: Analyzer = {
  meta: {
    id: 'pii-logging',
    name: 'Personal data in logs',
    shortDescription: 'Personal data reaches a logger or an error reporter.',
    help: [
      'Logs and error reports are copied to many systems, kept for long and read by many people, so personal data',
      'written there escapes the retention, access control and deletion that protect it in the database.',
      '',
      'This rule follows personal data (names such as `email`, values of types with personal fields such as `user: User`,',
      'object keys such as `{ ssn: x }`) through variables, templates, object literals and calls into your own functions',
      'until it reaches a logger (console, winston, pino, bunyan, NestJS Logger, ...) or an error reporter (Sentry, Bugsnag, ...).',
      '',
      '**Fix:** log an opaque id (`user.id`) instead, or redact the value (pino `redact`, a `mask*`/`redact*` helper).',
      'If the logging policy of the data-flow manifest allows the category, declare it there. Suppress a false positive',
      'with `// privacy-review-ignore pii-logging -- <reason>` on the line before.',
      '',
      'Code that runs only outside production is not reported: a branch on `process.env.NODE_ENV` (development, test),',
      "`import.meta.env.DEV` or `__DEV__`, or what follows `if (NODE_ENV === 'production') return`.",
    ].join('\n'),
  },
  sinks: LOGGER_SINKS,
  create(ctx: SourceFileContext) {
    const check = (node: ts.Node) => {
      for (const hit of ctx.flows.at(node)) {
        if (hit.match.family !== 'log') continue;
        // An id is reportable inside a logged URL (see logged-urls.ts), where the call logs it itself.
        const inUrls = hit.via ? undefined : idsInLoggedUrls(ctx, hit.match.dataArgs);
        const logged = hit.sources.filter((s) => reportable(s) || (inUrls?.has(s.origin) && s.confidence !== 'low'));
        report(ctx, node, hit.match.sink, hit.match.description, logged, hit.via, hit.cap);
      }
    };
    // Request loggers (morgan) are configured in few files: a look at the text spares the rest.
    const requestLogs = ctx.sourceFile.text.includes('morgan');
    return {
      [ts.SyntaxKind.CallExpression]: (node: ts.Node) => {
        check(node);
        const logged = requestLogs ? requestLogAt(node as ts.CallExpression, ctx) : undefined;
        if (logged) report(ctx, node, logged.sink, logged.description, logged.sources);
      },
      [ts.SyntaxKind.NewExpression]: check,
      [ts.SyntaxKind.ThrowStatement]: (node: ts.Node) => {
        // `throw new Error(`No account for ${email}`)`: error messages end up in logs and error reports.
        // `throw `No account for ${email}``: a thrown string is the message itself. A thrown variable
        // (`throw err`) is an error object made elsewhere, reported where it was made.
        const thrown = (node as ts.ThrowStatement).expression;
        const message = ts.isNewExpression(thrown) ? messageArguments(thrown, ctx.checker) : isTextExpression(thrown) ? [thrown] : [];
        if (message.length === 0) return;
        const sources = message.flatMap((a) => ctx.flow.taintOf(a).sources).filter(reportable);
        const step = ctx.flow.step(node, 'thrown in an error message');
        report(
          ctx,
          thrown,
          THROWN_ERROR,
          'a thrown error message',
          sources.map((s) => ({ ...s, trace: [...s.trace, step] })),
        );
      },
    };
  },
};

/** A string built at the throw: a template or a concatenation. */
function isTextExpression(e: ts.Expression): boolean {
  let inner = e;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  return ts.isTemplateExpression(inner) || (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken);
}

function report(
  ctx: SourceFileContext,
  at: ts.Node,
  sink: SinkRef,
  description: string,
  sources: DataSource[],
  via?: string,
  cap?: Confidence,
) {
  if (sources.length === 0) return;
  // What code logs only outside production is the developer's own traffic, not a production log.
  if (inDevelopmentOnly(at, ctx.checker)) return;
  const categories = [...new Set(sources.map((s) => s.category))].sort();
  const what = describeCategories(categories, ctx.taxonomy);
  const through = via ? ` through ${via}()` : '';
  ctx.report({
    at,
    categories,
    sink,
    message: `Logs ${what} (${categories.join(', ')}) from ${describeOrigins(sources)} to ${description}${through}.`,
    remediation:
      'Log an opaque id instead, or redact the value (pino `redact`, a mask/redact helper); if policy allows it, declare the category in the logging policy of the data-flow manifest.',
    confidence: cappedConfidence(strongest(sources), cap),
    trace: leadingTrace(sources, ctx.taxonomy),
    discriminator: `${description}${through}`,
  });
}

import { ts } from '#ts-morph';
import type { Analyzer, SourceFileContext } from '../../src/engine/analyzer.js';
import { cappedConfidence, type FlowHit } from '../../src/flow/sink-flows.js';
import { EGRESS_SINKS } from './sinks.catalog.js';
import { forwardsItsParameter } from './forwarding-wrapper.js';
import { reportsUnproven } from './unproven-calls.js';
import { describeCategories, describeOrigins, leadingTrace, strongest } from '../shared/describe.js';

export const dataFlowAnalyzer: Analyzer = {
  meta: {
    id: 'data-flow',
    name: 'Personal data leaves the process',
    shortDescription: 'Personal data is sent to a third party, an HTTP endpoint, a data store, a queue, storage, a file or the browser.',
    help: [
      'Every place where personal data leaves the process is a data flow that the privacy team must know about: a',
      'vendor needs a processing agreement, a transfer may need safeguards, a store needs retention and deletion.',
      '',
      'This rule follows personal data into third-party SDKs (analytics, AI/LLM, email/SMS, payments, CRM, search),',
      'HTTP clients (with the destination host when it is known), databases and ORMs, queues, object storage, files,',
      'browser storage and cookies; a signed token (JWT) carries its claims to where it is sent. A call into a catalogued third-party SDK with no proven personal',
      'data is still reported at low severity, so that every vendor is declared.',
      '',
      '**Fix:** declare the flow (sink id, categories, purpose) in the data-flow manifest, or stop sending the data',
      '(send an opaque id, aggregate, or remove the field).',
    ].join('\n'),
  },
  sinks: EGRESS_SINKS,
  create(ctx: SourceFileContext) {
    const check = (node: ts.Node) => {
      for (const hit of ctx.flows.at(node)) {
        if (hit.match.family === 'egress') report(ctx, hit);
      }
    };
    return {
      [ts.SyntaxKind.CallExpression]: check,
      [ts.SyntaxKind.NewExpression]: check,
      [ts.SyntaxKind.BinaryExpression]: (node: ts.Node) => {
        if ((node as ts.BinaryExpression).operatorToken.kind === ts.SyntaxKind.EqualsToken) check(node);
      },
    };
  },
};

function report(ctx: SourceFileContext, hit: FlowHit) {
  const { sink, description } = hit.match;
  const target = sink.label ? `${sink.label} (\`${sink.id}\`)` : `\`${sink.id}\``;
  const through = hit.via ? ` through ${hit.via}()` : '';
  if (hit.sources.length === 0) {
    // Every vendor must be declared, even where we cannot prove what it receives; so must a store
    // that a library fills later (upload storage, a persisted cache).
    if ((sink.kind !== 'third_party' && !hit.match.storesLater) || hit.via || !reportsUnproven(hit.match)) return;
    // A wrapper that hands the vendor its own parameter whole is judged at its callers.
    if (!hit.match.storesLater && forwardsItsParameter(hit.match)) return;
    ctx.report({
      at: hit.at,
      categories: [],
      sink,
      severity: 'low',
      confidence: 'low',
      message: hit.match.storesLater
        ? `Configures ${target} (${description}) as the place where a library stores the data it receives later (uploads, a persisted cache); declare what lands there.`
        : `Calls ${target} (${description}); no personal data was proven, but the vendor receives data from this code.`,
      remediation:
        'Declare this vendor as a flow in the data-flow manifest (with the data it receives), or suppress with a reason if it receives nothing personal.',
      discriminator: description,
    });
    return;
  }
  const categories = [...new Set(hit.sources.map((s) => s.category))].sort();
  ctx.report({
    at: hit.at,
    categories,
    sink,
    confidence: cappedConfidence(strongest(hit.sources), hit.cap),
    message: `Sends ${describeCategories(categories, ctx.taxonomy)} (${categories.join(', ')}) from ${describeOrigins(hit.sources)} to ${target} via ${description}${through}.`,
    remediation: `Declare flow \`${sink.id}\` with these categories and a purpose in the data-flow manifest, or stop sending the data (send an opaque id or drop the fields).`,
    trace: leadingTrace(hit.sources, ctx.taxonomy),
    discriminator: `${description}${through}`,
  });
}

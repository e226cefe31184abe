import type { SinkRef } from '../core/contract.js';
import type { Flow } from './types.js';

/**
 * Whether a declared flow stands for a sink the analyzer reported. By id (`segment`), by id prefix
 * (flow `kafka` covers sink `kafka:user-events`), or by the flow's `match` lists: further sink ids,
 * packages, hosts (`*.example.com` wildcards) and topics (`kafka:<topic>`, `rabbitmq:<queue>`, ...).
 */
export function flowMatchesSink(flow: Flow, sink: SinkRef): boolean {
  if (flow.id === sink.id || sink.id.startsWith(`${flow.id}:`)) return true;
  const m = flow.match;
  if (!m) return false;
  if (m.sinks?.some((s) => s === sink.id || sink.id.startsWith(`${s}:`))) return true;
  if (sink.package && m.packages?.includes(sink.package)) return true;
  const [family, ...rest] = sink.id.split(':');
  const qualifier = rest.join(':');
  if (!qualifier) return false;
  if (family === 'http' && m.hosts?.some((h) => hostMatches(h, qualifier))) return true;
  if (family !== 'http' && m.topics?.includes(qualifier)) return true;
  return false;
}

function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (p.startsWith('*.')) return h.endsWith(p.slice(1)) || h === p.slice(2);
  return p === h;
}

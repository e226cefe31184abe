import type { ScanServices } from '../engine/analyzer.js';
import type { SinkResolver } from './types.js';

/** Placeholder until the sink catalogue lands: no sinks. */
export function createSinkResolver(_services: Omit<ScanServices, 'sinks' | 'flow'>): SinkResolver {
  return { match: () => [], origin: () => undefined };
}

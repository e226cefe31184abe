import type { Taxonomy } from '../../src/taxonomy/taxonomy.js';
import type { DataSource } from '../../src/flow/flow-analyzer.js';
import type { Confidence, TraceStep } from '../../src/core/contract.js';

const CONFIDENCE_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/** "email address and name" for messages. */
export function describeCategories(categories: readonly string[], taxonomy: Taxonomy): string {
  const labels = [...new Set(categories.map((c) => taxonomy.label(c)))];
  if (labels.length <= 1) return labels[0] ?? 'data';
  if (labels.length > 3) return `${labels.slice(0, 3).join(', ')} and ${labels.length - 3} more`;
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

export function strongest(sources: readonly DataSource[]): Confidence {
  return sources.reduce<Confidence>((best, s) => (CONFIDENCE_RANK[s.confidence] > CONFIDENCE_RANK[best] ? s.confidence : best), 'low');
}

/** The trace worth showing: that of the most sensitive source, so the reviewer sees the worst path first. */
export function leadingTrace(sources: readonly DataSource[], taxonomy: Taxonomy): TraceStep[] {
  const rank = { low: 0, medium: 1, high: 2 } as const;
  let best = sources[0];
  for (const s of sources) if (best && rank[taxonomy.severity([s.category])] > rank[taxonomy.severity([best.category])]) best = s;
  return best?.trace ?? [];
}

/** Origins as code, for messages: `user.email`, `customer`. */
export function describeOrigins(sources: readonly DataSource[]): string {
  const origins = [...new Set(sources.map((s) => s.origin))];
  const shown = origins
    .slice(0, 3)
    .map((o) => `\`${o}\``)
    .join(', ');
  return origins.length > 3 ? `${shown} and ${origins.length - 3} more` : shown;
}

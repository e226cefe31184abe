import type { SinkKind } from '../core/contract.js';
import type { CallSpec, SinkSpec } from './catalog-types.js';
import { parsePattern, type PathPattern } from './path-pattern.js';
import { normalizeModule } from '../ts/syntax.js';

export type Family = 'log' | 'egress';

/** One catalogue call, ready to match. */
export interface CompiledCall {
  spec: SinkSpec;
  call: CallSpec;
  /** Undefined for `command` entries (they match any `.send(new Command(...))`). */
  pattern?: PathPattern;
  family: Family;
  packages: PackageSet;
}

/** `logger` and `error_reporter` sinks feed pii-logging; every other kind is egress. */
export function familyOf(kind: SinkKind): Family {
  return kind === 'logger' || kind === 'error_reporter' ? 'log' : 'egress';
}

export class PackageSet {
  private readonly exact = new Set<string>();
  private readonly prefixes: string[] = [];

  constructor(packages: readonly string[]) {
    for (const p of packages) {
      if (p.endsWith('/*')) this.prefixes.push(p.slice(0, -1));
      else this.exact.add(normalizeModule(p));
    }
  }

  has(module: string): boolean {
    return this.exact.has(module) || this.prefixes.some((p) => module.startsWith(p));
  }
}

/**
 * Catalogue entries indexed by the last step of their path pattern (the method name), per node form,
 * so that `match` only resolves origins for calls whose name some sink uses.
 */
export class CatalogIndex {
  readonly calls = new Map<string, CompiledCall[]>();
  readonly news = new Map<string, CompiledCall[]>();
  readonly assigns = new Map<string, CompiledCall[]>();
  readonly tags = new Map<string, CompiledCall[]>();
  /** AWS SDK v3 command class name → entries. */
  readonly commands = new Map<string, CompiledCall[]>();

  constructor(specs: readonly SinkSpec[]) {
    for (const spec of specs) {
      const packages = new PackageSet(spec.packages);
      const family = familyOf(spec.kind);
      for (const call of spec.calls) {
        if (call.command !== undefined) {
          for (const name of typeof call.command === 'string' ? [call.command] : call.command) {
            add(this.commands, name, { spec, call, family, packages });
          }
          continue;
        }
        const paths = call.path === undefined ? [] : typeof call.path === 'string' ? [call.path] : call.path;
        if (paths.length === 0) throw new Error(`Sink '${spec.id}' has a call without path or command`);
        const table = call.on === 'new' ? this.news : call.on === 'assign' ? this.assigns : call.on === 'tag' ? this.tags : this.calls;
        for (const text of paths) {
          const pattern = parsePattern(text);
          add(table, pattern.key, { spec, call, pattern, family, packages });
        }
      }
    }
  }
}

function add(map: Map<string, CompiledCall[]>, key: string, entry: CompiledCall): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

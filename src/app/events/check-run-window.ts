/** What makes two deliveries "the same" for starting an in-progress check run. */
export interface CheckRunSlot {
  /** owner/repo#number */
  pr: string;
  headSha: string;
  baseSha?: string;
  /** The event and action, e.g. `pull_request.synchronize`. */
  event: string;
}

/**
 * Whether a delivery may start the slot's check run: true (it is the first), false (another delivery
 * did), or `again`: an earlier attempt at handling this same delivery took it (its process died
 * mid-way), so the run may exist already and is looked for before a new one is started.
 */
export type SlotTaken = boolean | 'again';

export interface CheckRunWindowOptions {
  /** How long one start holds its slot (default 5 minutes). */
  windowMs?: number;
  now: () => number;
}

/**
 * At most one new in-progress check run per pull request, head, base and event kind within a
 * window. The signature of a delivery does not cover its delivery id, so a captured delivery
 * replayed with fresh ids passes as new each time; without this, each replay would add a check run
 * to the pull request. A replay still re-evaluates (its job writes into the head's latest run).
 * In memory: expired slots are dropped as new ones are taken, so the map holds one window's worth.
 */
export class CheckRunWindow {
  readonly #windowMs: number;
  readonly #now: () => number;
  // Insertion order is time order: the oldest slots come first.
  readonly #taken = new Map<string, number>();

  constructor(options: CheckRunWindowOptions) {
    this.#windowMs = options.windowMs ?? 5 * 60_000;
    this.#now = options.now;
  }

  /** True (and the slot is held from now) when no check run was started for this slot within the window. */
  take(slot: CheckRunSlot): boolean {
    const now = this.#now();
    this.#dropExpired(now);
    const key = JSON.stringify([slot.pr, slot.headSha, slot.baseSha ?? '', slot.event]);
    if (this.#taken.has(key)) return false;
    this.#taken.set(key, now);
    return true;
  }

  get size(): number {
    return this.#taken.size;
  }

  #dropExpired(now: number): void {
    for (const [key, at] of this.#taken) {
      if (now - at < this.#windowMs) break;
      this.#taken.delete(key);
    }
  }
}

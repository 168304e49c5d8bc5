import type { Clock } from '../domain/clock';

/**
 * What every Teams turn reads before it does anything (docs/performance.md "A card press"): the
 * municipality of the tenant, the caller's staff row, and whether the conversation reference is the
 * one already stored. These rows change rarely, so they are kept for a short time (`ttlMs`):
 * - a write through this process's repositories drops the entries it touches at once, and again
 *   when its transaction commits, so a turn right after a change reads the change;
 * - a write by another process (the CLI, another instance) is seen at the latest `ttlMs` later;
 * - inside a transaction nothing is read from or put into the cache: a rolled-back write must not
 *   be remembered.
 * The clock is the wall clock of the process, never a business clock fixed at a demo's date.
 */
export interface ReadCache {
  /** The cached value of `key` when fresh, else `load()`'s (which is kept). */
  get<T>(key: string, load: () => Promise<T>, keep?: (value: T) => boolean): Promise<T>;
  /** True when `key` holds exactly `value` and is fresh. */
  holds(key: string, value: string): boolean;
  set(key: string, value: unknown): void;
  /** Drops every entry whose key starts with `prefix`. */
  drop(prefix: string): void;
}

export const DEFAULT_READ_CACHE_TTL_MS = 30_000;

/** The most entries kept: a long-running process serving a whole country stays small. */
export const READ_CACHE_MAX_ENTRIES = 10_000;

export class TtlReadCache implements ReadCache {
  /** In the order they were written, so the oldest come first. */
  private readonly entries = new Map<string, { at: number; value: unknown }>();

  constructor(
    private readonly clock: Clock,
    readonly ttlMs = DEFAULT_READ_CACHE_TTL_MS,
    private readonly maxEntries = READ_CACHE_MAX_ENTRIES,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  private fresh(key: string): { value: unknown } | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.clock.now().getTime() - e.at < this.ttlMs) return e;
    this.entries.delete(key);
    return undefined;
  }

  async get<T>(key: string, load: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
    const hit = this.fresh(key);
    if (hit) return hit.value as T;
    const value = await load();
    if (keep(value)) this.set(key, value);
    return value;
  }

  holds(key: string, value: string): boolean {
    return this.fresh(key)?.value === value;
  }

  set(key: string, value: unknown): void {
    const now = this.clock.now().getTime();
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      // The expired entries are the oldest, at the front; if the rest still fill the cache, the
      // older half of them goes too.
      for (const [k, e] of this.entries) {
        if (now - e.at < this.ttlMs) break;
        this.entries.delete(k);
      }
      let surplus = this.entries.size >= this.maxEntries ? Math.ceil(this.entries.size / 2) : 0;
      for (const k of this.entries.keys()) {
        if (surplus-- <= 0) break;
        this.entries.delete(k);
      }
    }
    this.entries.set(key, { at: now, value });
  }

  drop(prefix: string): void {
    for (const k of this.entries.keys()) if (k.startsWith(prefix)) this.entries.delete(k);
  }
}

/**
 * The cache as a transaction sees it: reads go to the database, drops happen now and once more
 * after the commit (`commit()`), so a turn that read between the two cannot keep the old row.
 */
export class TransactionReadCache implements ReadCache {
  private readonly dropped = new Set<string>();

  constructor(private readonly base: ReadCache) {}

  get<T>(_key: string, load: () => Promise<T>): Promise<T> {
    return load();
  }

  holds(): boolean {
    return false;
  }

  set(): void {}

  drop(prefix: string): void {
    this.dropped.add(prefix);
    this.base.drop(prefix);
  }

  commit(): void {
    for (const p of this.dropped) this.base.drop(p);
  }
}

/** The keys, spelled in one place so a writer drops exactly what a reader keeps. */
export const cacheKeys = {
  municipalities: 'municipality:',
  municipalityByTenant: (tenantId: string) => `municipality:tenant:${tenantId}`,
  staffOf: (municipalityId: string) => `staff:${municipalityId}:`,
  staffByAad: (municipalityId: string, aad: string) => `staff:${municipalityId}:aad:${aad}`,
  conversation: (municipalityId: string, conversationId: string) =>
    `conversation:${municipalityId}:${conversationId}`,
};

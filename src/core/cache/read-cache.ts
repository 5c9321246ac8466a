import type { DatabaseHandle } from "../db/client.ts";

/**
 * The channel every content table notifies on commit (a statement trigger per table, migration
 * 0020): one notice per table per transaction, from any connection of any app process.
 */
export const CONTENT_CHANGES_CHANNEL = "csp_content_changes";

/**
 * Tables without the trigger: bookkeeping that changes on nearly every request or job (sessions,
 * the audit log, the outbox, inboxes, counters, stored recommendation lists). A cached read
 * must never read one of these; every other table notifies, and a test checks that it does.
 */
export const TABLES_WITHOUT_CHANGE_NOTICES = [
  "account_tokens",
  "api_tokens",
  "audit_checkpoints",
  "audit_events",
  "audit_pending",
  "calendar_feeds",
  "challenge_recommendation_entries",
  "challenge_recommendation_lists",
  "dev_mailbox",
  "notification_delivery_preferences",
  "notification_digests",
  "notifications",
  "outbox_jobs",
  "rate_limit_counters",
  "sessions",
] as const;

export interface ReadCacheLimits {
  /** Most entries kept; the least recently used go first. */
  maxEntries: number;
  /** Most bytes kept (strings: UTF-16 length × 2; other values: their maker's estimate). */
  maxBytes: number;
}

export interface ReadCacheStats {
  hits: number;
  misses: number;
  /** Misses that waited for a computation another request had started. */
  shared: number;
  invalidations: number;
  entries: number;
  bytes: number;
}

interface Entry {
  value: unknown;
  bytes: number;
}

/** What a kept value costs: a string by its length; anything else by what its maker says. */
const NOMINAL_BYTES = 16 * 1024;

/**
 * Answers of public reads (the challenge catalogue, the solution search) kept in this process
 * until any content changes. Everything is dropped at once: on a change notice from the database
 * (any process's commit), on a write request answered by this process (so the writer reads its
 * own write at once, before the notice arrives), and while the listening connection is down
 * (nothing is kept until it listens again, since notices in between are lost).
 *
 * A computation records the generation it started in and is kept only if no change came before
 * it finished, so an answer computed from a snapshot older than a change is never kept.
 */
export class ReadCache {
  private generation = 0;
  /** Off while the change notices cannot be heard (a cache made without them always keeps). */
  private listening = true;
  private bytes = 0;
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, { generation: number; value: Promise<unknown> }>();
  private readonly counts = { hits: 0, misses: 0, shared: 0, invalidations: 0 };

  constructor(
    private readonly limits: ReadCacheLimits = { maxEntries: 2_000, maxBytes: 64 * 1024 * 1024 },
  ) {}

  /** A cache that hears the database's change notices (and stops keeping while it cannot). */
  static async listeningTo(database: DatabaseHandle, limits?: ReadCacheLimits): Promise<ReadCache> {
    const cache = new ReadCache(limits);
    await database.listen(
      CONTENT_CHANGES_CHANNEL,
      () => cache.invalidate(),
      (state) => {
        cache.invalidate();
        cache.listening = state === "resumed";
      },
    );
    return cache;
  }

  /** Forgets every answer (content changed somewhere). */
  invalidate(): void {
    this.generation += 1;
    this.counts.invalidations += 1;
    this.entries.clear();
    this.bytes = 0;
  }

  /**
   * The kept value for `key`, or the one `compute` makes now (kept if nothing changed meanwhile).
   * Kept values are shared between requests: callers must not change them.
   */
  async read<T>(
    key: string,
    compute: () => Promise<T>,
    bytesOf?: (value: T) => number,
  ): Promise<T> {
    const kept = this.kept<T>(key);
    if (kept !== undefined) return kept;
    const generation = this.generation;
    const started = this.pending.get(key);
    if (started && started.generation === generation) {
      this.counts.shared += 1;
      return started.value as Promise<T>;
    }
    this.counts.misses += 1;
    const value = compute();
    this.pending.set(key, { generation, value });
    try {
      const computed = await value;
      if (this.listening && generation === this.generation) {
        const bytes = bytesOf
          ? bytesOf(computed)
          : typeof computed === "string"
            ? computed.length * 2
            : NOMINAL_BYTES;
        this.keep(key, computed, bytes);
      }
      return computed;
    } finally {
      if (this.pending.get(key)?.value === value) this.pending.delete(key);
    }
  }

  /**
   * The kept value for `key`, if there is one, without waiting: a hit answers in the same turn
   * (`read` would cost a promise and a microtask turn more on the busiest path).
   */
  kept<T>(key: string): T | undefined {
    const kept = this.entries.get(key);
    if (!kept) return undefined;
    this.counts.hits += 1;
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, kept);
    return kept.value as T;
  }

  stats(): ReadCacheStats {
    return { ...this.counts, entries: this.entries.size, bytes: this.bytes };
  }

  private keep(key: string, value: unknown, bytes: number): void {
    if (bytes > this.limits.maxBytes) return;
    const replaced = this.entries.get(key);
    if (replaced) {
      this.entries.delete(key);
      this.bytes -= replaced.bytes;
    }
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }
}

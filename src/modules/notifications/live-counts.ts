import type { DatabaseHandle, Db } from "../../core/db/client.ts";
import { countUnreadOf, NOTIFICATIONS_CHANNEL } from "./repository.ts";

export type Listen = DatabaseHandle["listen"];

/**
 * Live unread counts for open pages: one LISTEN per app process, whichever process made the
 * notification or marked some read; each announcement re-reads the person's count (a lost announcement costs only
 * the wait for the page's next poll).
 *
 * A person's counts are read one at a time, and an announcement that arrives during a read
 * asks for one more read after it: on PostgreSQL two reads on two pooled connections could
 * otherwise answer out of order, and the page would keep the older, lower count.
 */
export class UnreadCountFeed {
  private readonly subscribers = new Map<string, Set<(unreadCount: number) => void>>();
  private listening: Promise<() => Promise<void>> | null = null;
  /** People whose count is being read; true when another announcement came during the read. */
  private readonly reading = new Map<string, boolean>();
  private readonly reads = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly listen: Listen,
  ) {}

  async subscribe(userId: string, send: (unreadCount: number) => void): Promise<() => void> {
    this.listening ??= this.listen(
      NOTIFICATIONS_CHANNEL,
      (recipient) => this.announce(recipient),
      // Announcements made while the listening connection was down are lost: everyone
      // listening here gets a fresh count once it is back.
      (state) => {
        if (state === "resumed")
          for (const userId of this.subscribers.keys()) this.announce(userId);
      },
    ).catch((error: unknown) => {
      this.listening = null;
      throw error;
    });
    await this.listening;
    const sends = this.subscribers.get(userId) ?? new Set();
    sends.add(send);
    this.subscribers.set(userId, sends);
    return () => {
      sends.delete(send);
      if (sends.size === 0) this.subscribers.delete(userId);
    };
  }

  /** Reads the person's count again and sends it to each of their open streams here. */
  announce(userId: string): void {
    if (!this.subscribers.has(userId)) return;
    if (this.reading.has(userId)) {
      this.reading.set(userId, true);
      return;
    }
    this.reading.set(userId, false);
    const read = this.sendCounts(userId);
    this.reads.add(read);
    void read.finally(() => this.reads.delete(read));
  }

  private async sendCounts(userId: string): Promise<void> {
    try {
      for (;;) {
        const unreadCount = await countUnreadOf(this.db, userId).catch(() => null);
        if (unreadCount !== null) {
          for (const send of this.subscribers.get(userId) ?? []) send(unreadCount);
        }
        if (!this.reading.get(userId)) return;
        this.reading.set(userId, false);
      }
    } finally {
      this.reading.delete(userId);
    }
  }

  /** Resolves once no count is being read (tests wait for it; closing waits for it too). */
  async settled(): Promise<void> {
    while (this.reads.size > 0) await Promise.all(this.reads);
  }

  async close(): Promise<void> {
    const listening = this.listening;
    this.listening = null;
    this.subscribers.clear();
    await this.settled();
    if (listening) await (await listening.catch(() => async () => {}))();
  }
}

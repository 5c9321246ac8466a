import type { DatabaseHandle, Db } from "../../core/db/client.ts";
import { countUnreadOf, NOTIFICATIONS_CHANNEL } from "./repository.ts";

export type Listen = DatabaseHandle["listen"];

/**
 * Live unread counts for open pages: one LISTEN per app process, whichever process made the
 * notification; each announcement re-reads the person's count (a lost announcement costs only
 * the wait for the page's next poll).
 */
export class UnreadCountFeed {
  private readonly subscribers = new Map<string, Set<(unreadCount: number) => void>>();
  private listening: Promise<() => Promise<void>> | null = null;

  constructor(
    private readonly db: Db,
    private readonly listen: Listen,
  ) {}

  async subscribe(userId: string, send: (unreadCount: number) => void): Promise<() => void> {
    this.listening ??= this.listen(NOTIFICATIONS_CHANNEL, (recipient) => {
      void this.announce(recipient);
    }).catch((error: unknown) => {
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

  private async announce(userId: string): Promise<void> {
    const sends = this.subscribers.get(userId);
    if (!sends || sends.size === 0) return;
    const unreadCount = await countUnreadOf(this.db, userId).catch(() => null);
    if (unreadCount === null) return;
    for (const send of sends) send(unreadCount);
  }

  async close(): Promise<void> {
    const listening = this.listening;
    this.listening = null;
    this.subscribers.clear();
    if (listening) await (await listening.catch(() => async () => {}))();
  }
}

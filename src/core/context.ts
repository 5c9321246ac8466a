import type { ReadCache } from "./cache/read-cache.ts";
import type { Clock } from "./clock.ts";
import type { Db } from "./db/client.ts";

/** What every command needs from the world, passed explicitly rather than imported. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  /** Address users reach the platform at, for links in e-mail. */
  publicUrl: string;
  demo: boolean;
  /** Answers of public reads kept until content changes (absent: every read computes). */
  readCache?: ReadCache;
}

/**
 * Accounts: people, sign-up and sign-in, sessions, two-factor, API tokens, platform roles.
 * Other modules use accounts only through what this file exports.
 */
import type { Credentials } from "../../core/auth/session-cookie.ts";
import type { Db } from "../../core/db/client.ts";
import { pruneRateLimits } from "../../core/http/rate-limit.ts";
import type { ModuleManifest } from "../../core/module.ts";
import { authenticate } from "./commands/authenticate.ts";
import {
  countUsers,
  deleteExpiredSessions,
  findUserByEmail,
  findUserById,
  findUsersByIds,
} from "./repository.ts";
import { accountsRoutes } from "./routes.ts";
import { users } from "./schema.ts";
import type { AccountsContext } from "./settings.ts";

export { seedUser } from "./commands/seed-user.ts";
export type { AccountSettings, AccountsContext } from "./settings.ts";
export { currentTotpCode, newTotpSecret } from "./totp.ts";

/** Other modules' tables reference people by this foreign key. */
export const userForeignKey = () => users.id;

/** What other modules may know about a person. */
export interface Person {
  id: string;
  name: string;
  email: string;
  locale: string;
  emailVerified: boolean;
}

function toPerson(row: {
  id: string;
  name: string;
  email: string;
  locale: string;
  emailVerifiedAt: Date | null;
}): Person {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    locale: row.locale,
    emailVerified: row.emailVerifiedAt !== null,
  };
}

export async function findPerson(db: Db, id: string): Promise<Person | undefined> {
  const row = await findUserById(db, id);
  return row ? toPerson(row) : undefined;
}

/** The person with this e-mail address (lower-cased, as accounts store them), if any. */
export async function findPersonByEmail(db: Db, email: string): Promise<Person | undefined> {
  const row = await findUserByEmail(db, email.trim().toLowerCase());
  return row ? toPerson(row) : undefined;
}

export async function findPeople(db: Db, ids: string[]): Promise<Map<string, Person>> {
  const rows = await findUsersByIds(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, toPerson(row)]));
}

export async function countActivePeople(db: Db): Promise<number> {
  return countUsers(db);
}

/** Turns the credentials of a request into the actor the kernel puts on it. */
export function authenticatorFor(ctx: AccountsContext) {
  return async (credentials: Credentials) => {
    const { actor, csrfToken } = await authenticate(ctx, credentials);
    return { actor, csrfToken };
  };
}

export function accountsModule(
  ctx: AccountsContext,
  options: { secureCookies: boolean },
): ModuleManifest {
  return {
    name: "accounts",
    routes: async (app) => {
      await app.register(accountsRoutes, { ctx, secureCookies: options.secureCookies });
    },
    housekeeping: async () => {
      const now = ctx.clock.now();
      await deleteExpiredSessions(ctx.db, now);
      await pruneRateLimits(ctx.db, now);
    },
  };
}

import { DAY } from "../../../core/clock.ts";
import { recordAccountEvent } from "../audit.ts";
import { accountErrors } from "../errors.ts";
import { type ApiTokenRow, insertApiToken, revokeApiToken as revokeRow } from "../repository.ts";
import { API_TOKEN_PREFIX, newSecret } from "../secrets.ts";
import type { AccountsContext } from "../settings.ts";

export async function createApiToken(
  ctx: AccountsContext,
  userId: string,
  input: { name: string; expiresInDays: number | null },
): Promise<{ row: ApiTokenRow; token: string }> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const { token, hash } = newSecret(API_TOKEN_PREFIX);
    const row = await insertApiToken(tx, {
      userId,
      name: input.name,
      tokenHash: hash,
      prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      createdAt: now,
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY) : null,
    });
    await recordAccountEvent(tx, ctx.clock, {
      action: "account.api_token_created",
      actorId: userId,
      subjectId: userId,
      payload: { tokenId: row.id, name: row.name },
    });
    return { row, token };
  });
}

export async function revokeApiToken(
  ctx: AccountsContext,
  userId: string,
  tokenId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const revoked = await revokeRow(tx, userId, tokenId, ctx.clock.now());
    if (!revoked) throw accountErrors.notFound("No such active token.");
    await recordAccountEvent(tx, ctx.clock, {
      action: "account.api_token_revoked",
      actorId: userId,
      subjectId: userId,
      payload: { tokenId },
    });
  });
}

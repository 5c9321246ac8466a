import { recordAccountEvent } from "../audit.ts";
import type { AdminUserPatch } from "../contract.ts";
import { accountErrors } from "../errors.ts";
import {
  countAdmins,
  deleteSessionsOfUser,
  findUserById,
  lockPlatformAdmins,
  type UserRow,
  updateUser,
} from "../repository.ts";
import type { AccountsContext } from "../settings.ts";

/**
 * A platform admin grants or removes platform roles, or disables an account (which ends its
 * sessions at once). The platform always keeps one active admin.
 */
export async function administerUser(
  ctx: AccountsContext,
  adminId: string,
  userId: string,
  patch: AdminUserPatch,
): Promise<UserRow> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    // Its own lock, not the audit chain's: two admins demoting each other must not both succeed.
    await lockPlatformAdmins(tx);
    const user = await findUserById(tx, userId);
    if (!user) throw accountErrors.notFound();
    const changes: Partial<UserRow> = { updatedAt: now };
    const wasAdmin = user.platformRoles.includes("admin") && !user.disabledAt;
    if (patch.platformRoles) {
      const roles = [...new Set(patch.platformRoles)].sort();
      if (roles.join() !== [...user.platformRoles].sort().join()) {
        changes.platformRoles = roles;
        await recordAccountEvent(tx, ctx.clock, {
          action: "account.roles_changed",
          actorId: adminId,
          subjectId: user.id,
          payload: { from: user.platformRoles, to: roles },
        });
      }
    }
    if (patch.disabled !== undefined && patch.disabled !== (user.disabledAt !== null)) {
      changes.disabledAt = patch.disabled ? now : null;
      if (patch.disabled) await deleteSessionsOfUser(tx, user.id);
      await recordAccountEvent(tx, ctx.clock, {
        action: patch.disabled ? "account.disabled" : "account.enabled",
        actorId: adminId,
        subjectId: user.id,
        payload: {},
      });
    }
    const updated = await updateUser(tx, user.id, changes);
    const stillAdmin =
      (updated?.platformRoles.includes("admin") ?? false) && !(updated?.disabledAt ?? null);
    if (wasAdmin && !stillAdmin && (await countAdmins(tx)) === 0) throw accountErrors.lastAdmin();
    return updated!;
  });
}

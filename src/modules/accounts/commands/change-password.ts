import { queueMail } from "../../../core/mail/mailer.ts";
import { recordAccountEvent } from "../audit.ts";
import { accountErrors } from "../errors.ts";
import { accountMail } from "../mail.ts";
import { hashPassword, verifyPassword } from "../passwords.ts";
import { deleteSessionsOfUser, findUserById, updateUser } from "../repository.ts";
import type { AccountsContext } from "../settings.ts";
import { requireStrongPassword } from "./sign-up.ts";

/** Changes the password and signs out every other session; the owner is told by mail. */
export async function changePassword(
  ctx: AccountsContext,
  userId: string,
  currentSessionId: string | null,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw accountErrors.notFound();
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw accountErrors.invalidCredentials("The current password is wrong.", {
      errors: [{ field: "body.currentPassword", message: "is wrong" }],
    });
  }
  requireStrongPassword(input.newPassword, [user.email, user.name], "body.newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await updateUser(tx, user.id, { passwordHash, updatedAt: now });
    await deleteSessionsOfUser(tx, user.id, currentSessionId);
    await queueMail(
      tx,
      ctx.clock,
      accountMail("passwordChanged", user, `${ctx.publicUrl}/forgot-password`),
    );
    await recordAccountEvent(tx, ctx.clock, {
      action: "account.password_changed",
      actorId: user.id,
      subjectId: user.id,
      payload: {},
    });
  });
}

import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { commonErrors } from "../../../core/http/problem.ts";
import { recordNotificationEvent } from "../audit.ts";
import {
  type Delivery,
  type DeliveryPreferences,
  defaultDelivery,
  NotificationKind,
} from "../contract.ts";
import { preferencesOfUser, savePreferences } from "../repository.ts";

/** Every kind with the delivery in force for the person, in the contract's order. */
export async function deliveryPreferencesOf(db: Db, userId: string): Promise<DeliveryPreferences> {
  const chosen = await preferencesOfUser(db, userId);
  return {
    preferences: NotificationKind.options.map((kind) => ({
      kind,
      delivery: chosen.get(kind) ?? defaultDelivery[kind],
      defaultDelivery: defaultDelivery[kind],
    })),
  };
}

/** Saves the kinds given (the others keep theirs) and audits what actually changed. */
export async function changeDeliveryPreferences(
  ctx: ServiceContext,
  userId: string,
  preferences: Array<{ kind: NotificationKind; delivery: Delivery }>,
): Promise<DeliveryPreferences> {
  const kinds = preferences.map((preference) => preference.kind);
  const repeated = kinds.find((kind, index) => kinds.indexOf(kind) !== index);
  if (repeated) {
    throw commonErrors.validationFailed(undefined, {
      errors: [{ field: "body.preferences", message: `names ${repeated} more than once` }],
    });
  }
  return ctx.db.transaction(async (tx) => {
    const before = await deliveryPreferencesOf(tx, userId);
    const current = new Map(before.preferences.map((p) => [p.kind, p.delivery]));
    const changes = preferences
      .filter((preference) => current.get(preference.kind) !== preference.delivery)
      .map((preference) => ({
        kind: preference.kind,
        from: current.get(preference.kind)!,
        to: preference.delivery,
      }));
    await savePreferences(tx, userId, preferences, ctx.clock.now());
    if (changes.length > 0) {
      await recordNotificationEvent(tx, ctx.clock, {
        action: "notification.delivery_changed",
        actorId: userId,
        subjectId: userId,
        payload: { changes },
      });
    }
    return deliveryPreferencesOf(tx, userId);
  });
}

import type { Delivery } from "../contract.ts";

/**
 * The deliveries in the order the form offers them. A plain list rather than the contract's zod
 * enum, so the page does not ship the zod runtime; the check below fails to compile if the
 * contract gains a delivery.
 */
export const deliveries = [
  "immediately",
  "daily",
  "weekly",
  "off",
] as const satisfies readonly Delivery[];

type Unlisted = Exclude<Delivery, (typeof deliveries)[number]>;
export const everyDeliveryListed: [Unlisted] extends [never] ? true : never = true;

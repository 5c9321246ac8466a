import { defineAuditLog } from "../../core/audit/log.ts";

export interface FundingAuditEvents extends Record<string, Record<string, unknown>> {
  "funding_source.created": { funderId: string; title: string; via: "api" | "import" | "seed" };
  "funding_source.updated": { fields: string[]; via: "api" | "import" };
  "funding_source.deleted": { funderId: string; title: string };
  "funding_source.followed": { userId: string };
  "funding_source.unfollowed": { userId: string };
  "funding_source.reminded": { userId: string; closesOn: string };
  "funding_source.co_funding_set": { challengeId: string; amountMinor: number; currency: string };
  "funding_source.co_funding_removed": { challengeId: string };
}

export const recordFundingEvent = defineAuditLog<FundingAuditEvents>("funding_source");

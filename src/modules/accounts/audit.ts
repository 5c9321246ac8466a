import { defineAuditLog } from "../../core/audit/log.ts";

/** Every account change the audit chain records, with its payload. */
export interface AccountAuditEvents extends Record<string, Record<string, unknown>> {
  "account.signed_up": { email: string };
  "account.email_verified": Record<string, never>;
  "account.password_reset": Record<string, never>;
  "account.password_changed": Record<string, never>;
  "account.two_factor_enabled": Record<string, never>;
  "account.two_factor_disabled": Record<string, never>;
  "account.api_token_created": { tokenId: string; name: string };
  "account.api_token_revoked": { tokenId: string };
  "account.roles_changed": { from: string[]; to: string[] };
  "account.disabled": Record<string, never>;
  "account.enabled": Record<string, never>;
}

export const recordAccountEvent = defineAuditLog<AccountAuditEvents>("user");

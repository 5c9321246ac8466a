import type { ServiceContext } from "../../core/context.ts";

export interface AccountSettings {
  sessionDays: number;
  signInLimitPerAccount: number;
  signInLimitPerIp: number;
}

export interface AccountsContext extends ServiceContext {
  accounts: AccountSettings;
}

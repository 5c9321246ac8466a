import { useTranslation } from "react-i18next";
import { Button } from "../../../../ui/components/Button.tsx";
import { Card } from "../../../../ui/components/Card.tsx";
import { QueryState } from "../../../../ui/components/QueryState.tsx";
import type { DemoAccount } from "../../contract.ts";
import { useDemoAccounts } from "./demo-accounts.ts";

interface DemoAccountsPanelProps {
  onUse: (account: DemoAccount) => void;
}

/** In demo mode, anyone can try each role: the accounts, their password and the admin's code. */
export function DemoAccountsPanel({ onUse }: DemoAccountsPanelProps) {
  const { t } = useTranslation("accounts");
  const accounts = useDemoAccounts(true);
  return (
    <Card title={t("demo.title")} className="demo-panel">
      <p>{t("demo.intro")}</p>
      <QueryState query={accounts} namespace="accounts">
        {(data) => (
          <ul className="demo-accounts">
            {data.accounts.map((account) => (
              <li key={account.email}>
                <p className="stack--tight">
                  <strong>{account.name}</strong>
                  <br />
                  <span className="muted small">
                    {t(`demo.roles.${account.roleKey}`, { defaultValue: account.role })}
                    {account.organisation ? ` · ${account.organisation}` : ""}
                  </span>
                  <br />
                  <span className="small mono">{account.email}</span>
                </p>
                {account.totpCode && (
                  <p className="small">
                    {t("demo.currentCode")} <span className="totp-code">{account.totpCode}</span>
                  </p>
                )}
                <Button variant="secondary" small onClick={() => onUse(account)}>
                  {t("demo.use")}
                  <span className="visually-hidden"> — {account.name}</span>
                </Button>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {accounts.data?.accounts[0] && (
        <p className="small muted">
          {t("demo.password")} <code>{accounts.data.accounts[0].password}</code>
        </p>
      )}
    </Card>
  );
}

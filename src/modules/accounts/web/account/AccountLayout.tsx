import { useTranslation } from "react-i18next";
import { Outlet, useMatches } from "react-router";
import { SectionNav } from "../../../../ui/components/SectionNav.tsx";
import { RequireSignIn } from "../RequireSignIn.tsx";
import type { AccountAreaHandle } from "../routes.tsx";

/** The account area: a section list beside the section shown. */
export function AccountLayout() {
  const { t } = useTranslation("accounts");
  const added =
    useMatches()
      .map((match) => match.handle as Partial<AccountAreaHandle> | undefined)
      .find((handle) => handle?.accountSections)?.accountSections ?? [];
  return (
    <RequireSignIn>
      {() => (
        <div className="with-sidebar">
          <SectionNav
            label={t("account.sections")}
            links={[
              { to: "/account", label: t("account.profile.title"), end: true },
              { to: "/account/password", label: t("account.password.title") },
              { to: "/account/two-factor", label: t("account.twoFactor.title") },
              { to: "/account/sessions", label: t("account.sessions.title") },
              { to: "/account/tokens", label: t("account.tokens.title") },
              ...added.map((section) => ({
                to: `/account/${section.path}`,
                label: t(section.label.key, { ns: section.label.namespace }),
              })),
            ]}
          />
          <div>
            <Outlet />
          </div>
        </div>
      )}
    </RequireSignIn>
  );
}

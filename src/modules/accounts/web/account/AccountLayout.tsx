import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import { SectionNav } from "../../../../ui/components/SectionNav.tsx";
import { RequireSignIn } from "../RequireSignIn.tsx";

/** The account area: a section list beside the section shown. */
export function AccountLayout() {
  const { t } = useTranslation("accounts");
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

import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCurrentUser } from "./session.ts";

/**
 * Admins hold their powers only with two-factor sign-in on; until then every page says so and
 * where to fix it.
 */
export function TwoFactorBanner() {
  const { t } = useTranslation("accounts");
  const user = useCurrentUser();
  if (!user?.twoFactorRequired) return null;
  return (
    <section className="site-banner" aria-label={t("banner.label")}>
      <div className="site-banner__inner">
        <p>
          <strong>{t("banner.title")}</strong>{" "}
          {user.twoFactorEnabled ? t("banner.signInAgain") : t("banner.body")}{" "}
          {!user.twoFactorEnabled && <Link to="/account/two-factor">{t("banner.action")}</Link>}
        </p>
      </div>
    </section>
  );
}

import { useTranslation } from "react-i18next";
import { Link, Outlet, ScrollRestoration } from "react-router";
import { AccountMenu } from "../../modules/accounts/web/AccountMenu.tsx";
import { useSaveLocale, useSession } from "../../modules/accounts/web/session.ts";
import { TwoFactorBanner } from "../../modules/accounts/web/TwoFactorBanner.tsx";
import { NotificationBell } from "../../modules/notifications/web/NotificationBell.tsx";
import { PendingInvitationNotice } from "../../modules/organisations/web/invitations/PendingInvitationNotice.tsx";
import { LanguageSwitcher } from "../../ui/i18n/LanguageSwitcher.tsx";
import { SiteNameContext } from "../../ui/layout/document-title.ts";
import { NavigationProgress } from "../../ui/layout/NavigationProgress.tsx";
import { useFocusHeadingOnNavigation } from "../../ui/layout/route-focus.ts";
import { SiteFooter } from "../../ui/layout/SiteFooter.tsx";
import { SiteHeader } from "../../ui/layout/SiteHeader.tsx";
import { SkipLink } from "../../ui/layout/SkipLink.tsx";
import { BrandMark } from "./BrandMark.tsx";

const MAIN_ID = "main";

/** The frame around every page: skip link, header, notices, the page, footer. */
export function AppLayout() {
  const { t } = useTranslation("app");
  const session = useSession();
  const saveLocale = useSaveLocale();
  const demo = session.data?.demo ?? false;
  useFocusHeadingOnNavigation(MAIN_ID);

  return (
    <SiteNameContext.Provider value={t("siteName")}>
      <div className="app">
        <SkipLink targetId={MAIN_ID} />
        <NavigationProgress />
        <SiteHeader
          brand={{ name: t("siteName"), href: "/", logo: <BrandMark /> }}
          items={[
            { to: "/", label: t("nav.home"), end: true },
            { to: "/challenges", label: t("nav.challenges") },
            { to: "/solutions", label: t("catalogue:nav") },
            { to: "/organisations", label: t("nav.organisations") },
            { to: "/events", label: t("events:nav") },
            { to: "/funding", label: t("funding:nav") },
            { to: "/insights", label: t("insights:nav") },
            ...(demo ? [{ to: "/dev/mail", label: t("nav.mailbox") }] : []),
          ]}
          tools={
            <>
              <LanguageSwitcher onSwitched={saveLocale} />
              <NotificationBell />
              <AccountMenu />
            </>
          }
        />
        {demo && (
          <section className="site-banner site-banner--demo" aria-label={t("demo.label")}>
            <div className="site-banner__inner">
              <p>
                <strong>{t("demo.title")}</strong> {t("demo.body")}{" "}
                <Link to="/dev/mail">{t("demo.mailbox")}</Link>
              </p>
            </div>
          </section>
        )}
        <TwoFactorBanner />
        <PendingInvitationNotice />
        <main id={MAIN_ID} className="site-main" tabIndex={-1}>
          <div className="container">
            <Outlet />
          </div>
        </main>
        <SiteFooter>
          <p>{t("footer.about")}</p>
          <ul>
            <li>
              <a href="/api/docs">{t("footer.api")}</a>
            </li>
            <li>
              <a href="/api/v1/audit/verification">{t("footer.audit")}</a>
            </li>
            <li>{t("footer.licence")}</li>
          </ul>
        </SiteFooter>
        <ScrollRestoration />
      </div>
    </SiteNameContext.Provider>
  );
}

import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useViewer } from "../viewer.ts";

const STORAGE_KEY = "csp.invitation-token";

/**
 * Someone who opened an invitation, then went off to create an account or sign in, is reminded
 * that the invitation still waits for an answer.
 */
export function PendingInvitationNotice() {
  const { t } = useTranslation("organisations");
  const { pathname } = useLocation();
  const viewer = useViewer();
  let waiting = false;
  try {
    waiting = sessionStorage.getItem(STORAGE_KEY) !== null;
  } catch {
    waiting = false;
  }
  if (!waiting || !viewer.user || pathname === "/invitations") return null;
  return (
    <section className="site-banner site-banner--demo" aria-label={t("invitation.title")}>
      <div className="site-banner__inner">
        <p>
          {t("invitation.waiting")} <Link to="/invitations">{t("invitation.open")}</Link>
        </p>
      </div>
    </section>
  );
}

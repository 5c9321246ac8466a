import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AdminUsers } from "../../modules/accounts/web/admin/AdminUsers.tsx";
import { RequireSignIn } from "../../modules/accounts/web/RequireSignIn.tsx";
import { hasAdminPowers } from "../../modules/accounts/web/session.ts";
import { CapabilityAdmin } from "../../modules/catalogue/web/admin/CapabilityAdmin.tsx";
import { SharedNeedsSection } from "../../modules/matchmaking/web/AcrossSections.tsx";
import { VerificationQueue } from "../../modules/organisations/web/admin/VerificationQueue.tsx";
import { Alert } from "../../ui/components/Alert.tsx";
import { PageHeader } from "../../ui/components/PageHeader.tsx";

/**
 * The secretariat's area: people and organisations waiting for the verified badge. The server
 * checks every call; this page only avoids showing controls that would be refused.
 */
export function AdminPage() {
  const { t } = useTranslation("app");
  return (
    <RequireSignIn>
      {(user) => (
        <>
          <PageHeader
            title={t("admin.title")}
            lead={t("admin.lead")}
            actions={
              hasAdminPowers(user) &&
              user.platformRoles.includes("admin") && <Link to="/import">{t("exchange:link")}</Link>
            }
          />
          {hasAdminPowers(user) ? (
            <div className="stack">
              <VerificationQueue />
              <AdminUsers />
              <CapabilityAdmin />
              <SharedNeedsSection />
            </div>
          ) : user.platformRoles.includes("admin") ? (
            <Alert tone="warning" title={t("admin.needsTwoFactor")}>
              <p>
                <Link to="/account/two-factor">{t("admin.setUpTwoFactor")}</Link>
              </p>
            </Alert>
          ) : (
            <Alert tone="error" title={t("admin.forbidden")} />
          )}
        </>
      )}
    </RequireSignIn>
  );
}

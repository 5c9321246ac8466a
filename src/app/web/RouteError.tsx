import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, useRouteError } from "react-router";
import { Alert } from "../../ui/components/Alert.tsx";
import { Button } from "../../ui/components/Button.tsx";
import { PageHeader } from "../../ui/components/PageHeader.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";

/**
 * When a page cannot be shown: most often its code could not be fetched (offline, or a new
 * version was deployed meanwhile), which a reload fixes.
 */
export function RouteError() {
  const { t } = useTranslation("app");
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <div className="reading">
      <PageHeader title={t("routeError.title")} />
      <Alert tone="error" title={t("routeError.lead")}>
        <p>
          <Button onClick={() => window.location.reload()}>{t("routeError.reload")}</Button>
        </p>
      </Alert>
    </div>
  );
}

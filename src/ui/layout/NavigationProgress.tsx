import { useTranslation } from "react-i18next";
import { useNavigation } from "react-router";

/** A thin bar at the top while the next page's code loads, announced once to screen readers. */
export function NavigationProgress() {
  const { t } = useTranslation("ui");
  const loading = useNavigation().state !== "idle";
  return (
    <>
      <div className={`navigation-progress${loading ? " navigation-progress--active" : ""}`} />
      <span className="visually-hidden" role="status">
        {loading ? t("loadingPage") : ""}
      </span>
    </>
  );
}

import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";

/** Where each dashboard's numbers are, as JSON and CSV, and what the CSV's columns mean. */
export function AboutOpenDataPage() {
  const { t } = useTranslation("insights");
  const addresses = [
    ["network", "/api/v1/insights/network"],
    ["city", "/api/v1/insights/cities/{organisation id}"],
    ["provider", "/api/v1/insights/providers/{organisation id}"],
    ["sector", "/api/v1/insights/sectors/{sector}"],
  ] as const;
  return (
    <>
      <PageHeader eyebrow={t("eyebrow")} title={t("about.title")} lead={<p>{t("about.lead")}</p>} />
      <div className="stack prose">
        <ul>
          {addresses.map(([scope, address]) => (
            <li key={scope}>
              {t(`about.scope.${scope}`)}: <code>{address}</code> {t("about.and")}{" "}
              <code>{`${address}/data.csv`}</code>
            </li>
          ))}
        </ul>
        <p>{t("about.csv")}</p>
        <p>
          <Link to="/insights">{t("about.back")}</Link>
        </p>
      </div>
    </>
  );
}

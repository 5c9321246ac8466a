import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeader } from "../../ui/components/PageHeader.tsx";

export function NotFoundPage() {
  const { t } = useTranslation("app");
  return (
    <div className="reading">
      <PageHeader title={t("notFound.title")} lead={t("notFound.lead")} />
      <ul>
        <li>
          <Link to="/">{t("notFound.home")}</Link>
        </li>
        <li>
          <Link to="/organisations">{t("notFound.organisations")}</Link>
        </li>
      </ul>
    </div>
  );
}

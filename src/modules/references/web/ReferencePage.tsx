import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { isApiError } from "../../../ui/api/api-error.ts";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { LoadingBlock } from "../../../ui/components/Spinner.tsx";
import { ReferenceCard } from "./ReferenceCard.tsx";
import { useReference } from "./references-queries.ts";
import "./references.css";

/** One reference on its own page (where an import's report and notices link). */
export function ReferencePage() {
  const { t } = useTranslation("references");
  const { id = "" } = useParams();
  const reference = useReference(id);
  if (reference.isPending) return <LoadingBlock />;
  if (reference.isError) {
    const missing = isApiError(reference.error) && [400, 404].includes(reference.error.status);
    return (
      <>
        <PageHeader title={missing ? t("page.notFound") : t("page.failed")} />
        {missing ? (
          <p>
            <Link to="/solutions">{t("page.backToCatalogue")}</Link>
          </p>
        ) : (
          <ProblemAlert
            error={reference.error}
            namespace="references"
            onRetry={() => void reference.refetch()}
          />
        )}
      </>
    );
  }
  const data = reference.data;
  return (
    <>
      <PageHeader
        eyebrow={t("page.eyebrow")}
        title={t("page.title", { solution: data.solution.title, city: data.city.name })}
        lead={
          <p>
            <Link to={`/solutions/${data.solution.id}`}>{data.solution.title}</Link> ·{" "}
            <Link to={`/organisations/${data.provider.slug}`}>{data.provider.name}</Link>
          </p>
        }
      />
      <ReferenceCard reference={data} headingLevel={2} />
    </>
  );
}

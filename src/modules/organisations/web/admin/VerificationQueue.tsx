import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../../../ui/api/api-client.ts";
import { Button } from "../../../../ui/components/Button.tsx";
import { DataTable } from "../../../../ui/components/DataTable.tsx";
import { EmptyState } from "../../../../ui/components/EmptyState.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { QueryState } from "../../../../ui/components/QueryState.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import type { Organisation } from "../../contract.ts";
import { useOrganisationList, useRefreshOrganisations } from "../organisation-queries.ts";
import { usePlaceOf } from "../place.ts";

const PAGE = 50;

/** Organisations without the verified badge, for platform admins to check and verify. */
export function VerificationQueue() {
  const { t } = useTranslation("organisations");
  const format = useFormatting();
  const placeOf = usePlaceOf();
  const refresh = useRefreshOrganisations();
  const [offset, setOffset] = useState(0);
  const queue = useOrganisationList({ verified: "false", limit: PAGE, offset });
  const verify = useMutation({
    mutationFn: (id: string) =>
      api.post<Organisation>(`/api/v1/organisations/${id}/verification`, { verified: true }),
    onSuccess: refresh,
  });

  return (
    <section aria-labelledby="verification-queue">
      <h2 id="verification-queue">{t("queue.title")}</h2>
      <p>{t("queue.lead")}</p>
      {verify.isError && <ProblemAlert error={verify.error} namespace="organisations" />}
      {verify.isSuccess && (
        <p className="visually-hidden" role="status">
          {t("queue.verified", { name: verify.data.name })}
        </p>
      )}
      <QueryState query={queue} namespace="organisations">
        {(data) =>
          data.organisations.length === 0 ? (
            <EmptyState title={t("queue.none")} />
          ) : (
            <>
              <p className="result-count">
                {t("queue.count", { count: data.total, formatted: format.number(data.total) })}
              </p>
              <DataTable
                caption={t("queue.title")}
                captionHidden
                rows={data.organisations}
                rowKey={(organisation) => organisation.id}
                columns={[
                  {
                    key: "name",
                    header: t("fields.name"),
                    rowHeader: true,
                    render: (organisation) => (
                      <Link to={`/organisations/${organisation.slug}`}>{organisation.name}</Link>
                    ),
                  },
                  {
                    key: "kind",
                    header: t("fields.kind"),
                    render: (organisation) => t(`kinds.${organisation.kind}`),
                  },
                  {
                    key: "place",
                    header: t("fields.place"),
                    render: (organisation) => placeOf(organisation),
                  },
                  {
                    key: "actions",
                    header: t("queue.action"),
                    render: (organisation) => (
                      <Button
                        small
                        busy={verify.isPending && verify.variables === organisation.id}
                        onClick={() => verify.mutate(organisation.id)}
                      >
                        {t("verification.grant")}
                        <span className="visually-hidden"> — {organisation.name}</span>
                      </Button>
                    ),
                  },
                ]}
              />
              <div className="button-row">
                {offset > 0 && (
                  <Button variant="secondary" onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                    {t("queue.previous")}
                  </Button>
                )}
                {offset + PAGE < data.total && (
                  <Button variant="secondary" onClick={() => setOffset(offset + PAGE)}>
                    {t("queue.next")}
                  </Button>
                )}
              </div>
            </>
          )
        }
      </QueryState>
    </section>
  );
}

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../../../ui/api/api-client.ts";
import { Badge } from "../../../../ui/components/Badge.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { Card } from "../../../../ui/components/Card.tsx";
import { ConfirmDialog } from "../../../../ui/components/Dialog.tsx";
import { EmptyState } from "../../../../ui/components/EmptyState.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { QueryState } from "../../../../ui/components/QueryState.tsx";
import type { Affiliation, Organisation } from "../../contract.ts";
import { useAffiliations, useRefreshOrganisations } from "../organisation-queries.ts";
import { memberKindsOf, parentKindsOf } from "./affiliation-kinds.ts";
import { ProposeAffiliationForm } from "./ProposeAffiliationForm.tsx";

/**
 * Cluster and network ties: open ones (pending ones wait for the other side to accept), and
 * proposals to join or to admit another organisation.
 */
export function AffiliationsSection({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation("organisations");
  const refresh = useRefreshOrganisations();
  const affiliations = useAffiliations(organisation.id);
  const [ending, setEnding] = useState<Affiliation | null>(null);
  const accept = useMutation({
    mutationFn: (id: string) => api.post(`/api/v1/affiliations/${id}/accept`),
    onSuccess: refresh,
  });
  const end = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/affiliations/${id}`),
    onSuccess: async () => {
      setEnding(null);
      await refresh();
    },
  });
  const related = (affiliations.data?.affiliations ?? []).map((affiliation) =>
    affiliation.parent.id === organisation.id ? affiliation.member.id : affiliation.parent.id,
  );
  const joinKinds = parentKindsOf[organisation.kind];
  const admitKinds = memberKindsOf[organisation.kind];
  const failure = accept.error ?? end.error;

  const describe = (affiliation: Affiliation) => {
    const weAreParent = affiliation.parent.id === organisation.id;
    const other = weAreParent ? affiliation.member : affiliation.parent;
    const ourSide = weAreParent ? "parent" : "member";
    const waitingForUs = affiliation.status === "pending" && affiliation.awaiting === ourSide;
    return { weAreParent, other, waitingForUs };
  };

  return (
    <Card title={t("affiliations.title")} headingLevel={3}>
      {failure && <ProblemAlert error={failure} namespace="organisations" />}
      <QueryState query={affiliations} namespace="organisations">
        {({ affiliations: list }) =>
          list.length === 0 ? (
            <EmptyState title={t("affiliations.none")} />
          ) : (
            <ul className="item-list">
              {list.map((affiliation) => {
                const { weAreParent, other, waitingForUs } = describe(affiliation);
                return (
                  <li key={affiliation.id}>
                    <div className="item-list__main">
                      <p className="stack--tight">
                        {t(
                          `affiliations.${affiliation.status === "pending" ? "proposed" : "current"}.${weAreParent ? "hasMember" : "isMemberOf"}`,
                        )}{" "}
                        <Link to={`/organisations/${other.slug}`}>{other.name}</Link>{" "}
                        <span className="small muted">({t(`kinds.${other.kind}`)})</span>
                      </p>
                      <Badge tone={affiliation.status === "active" ? "success" : "warning"}>
                        {affiliation.status === "active"
                          ? t("affiliations.active")
                          : waitingForUs
                            ? t("affiliations.waitingForYou")
                            : t("affiliations.waitingForThem")}
                      </Badge>
                    </div>
                    <div className="item-list__actions">
                      {waitingForUs && (
                        <Button
                          small
                          busy={accept.isPending && accept.variables === affiliation.id}
                          onClick={() => accept.mutate(affiliation.id)}
                        >
                          {t("affiliations.accept")}
                          <span className="visually-hidden"> — {other.name}</span>
                        </Button>
                      )}
                      <Button
                        variant="secondary"
                        small
                        busy={end.isPending && end.variables === affiliation.id}
                        onClick={() =>
                          // Ending an active tie deserves a second thought; a request does not.
                          affiliation.status === "active"
                            ? setEnding(affiliation)
                            : end.mutate(affiliation.id)
                        }
                      >
                        {affiliation.status === "active"
                          ? t("affiliations.end")
                          : waitingForUs
                            ? t("affiliations.decline")
                            : t("affiliations.withdraw")}
                        <span className="visually-hidden"> — {other.name}</span>
                      </Button>
                    </div>
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryState>
      {joinKinds.length > 0 && (
        <section className="section" aria-labelledby="affiliation-join">
          <h4 id="affiliation-join">{t(`affiliations.joinTitle.${joinKinds[0]}`)}</h4>
          <ProposeAffiliationForm
            organisation={organisation}
            direction="join"
            kinds={joinKinds}
            related={related}
          />
        </section>
      )}
      {admitKinds.length > 0 && (
        <section className="section" aria-labelledby="affiliation-admit">
          <h4 id="affiliation-admit">{t("affiliations.admitTitle")}</h4>
          <ProposeAffiliationForm
            organisation={organisation}
            direction="admit"
            kinds={admitKinds}
            related={related}
          />
        </section>
      )}
      <ConfirmDialog
        open={ending !== null}
        title={t("affiliations.endTitle", { name: ending ? describe(ending).other.name : "" })}
        confirmLabel={t("affiliations.end")}
        tone="danger"
        busy={end.isPending}
        onConfirm={() => ending && end.mutate(ending.id)}
        onClose={() => setEnding(null)}
      >
        <p>{t("affiliations.endBody")}</p>
      </ConfirmDialog>
    </Card>
  );
}

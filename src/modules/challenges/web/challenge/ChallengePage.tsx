import "../challenges.css";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { isApiError } from "../../../../ui/api/api-error.ts";
import { Badge } from "../../../../ui/components/Badge.tsx";
import { ButtonLink } from "../../../../ui/components/Button.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { LoadingBlock } from "../../../../ui/components/Spinner.tsx";
import { ConsortiaPanel } from "../../../consortia/web/ConsortiaPanel.tsx";
import { RecommendationsPanel } from "../../../matchmaking/web/RecommendationsPanel.tsx";
import { ProcurementPlanPanel } from "../../../procurement/web/ProcurementPlanPanel.tsx";
import { ProposalsPanel } from "../../../procurement/web/ProposalsPanel.tsx";
import type { Challenge } from "../../contract.ts";
import { useChallenge } from "../challenge-queries.ts";
import { usePlaceOf } from "../place.ts";
import { statusTone } from "../vocabulary.ts";
import { ChallengeTabs } from "./ChallengeTabs.tsx";
import { CoCreationTab } from "./CoCreationTab.tsx";
import { FollowButton } from "./FollowButton.tsx";
import { OverviewTab } from "./OverviewTab.tsx";
import { OwnerTools } from "./OwnerTools.tsx";
import { QuestionsTab } from "./QuestionsTab.tsx";

export function ChallengePage() {
  const { t } = useTranslation("challenges");
  const { id = "" } = useParams();
  const challenge = useChallenge(id);
  if (challenge.isPending) return <LoadingBlock />;
  if (challenge.isError) {
    const missing =
      isApiError(challenge.error) &&
      (challenge.error.status === 404 || challenge.error.status === 400);
    return (
      <>
        <PageHeader title={missing ? t("page.notFound") : t("page.failed")} />
        {missing ? (
          <p>
            <Link to="/challenges">{t("page.backToCatalogue")}</Link>
          </p>
        ) : (
          <ProblemAlert
            error={challenge.error}
            namespace="challenges"
            onRetry={() => void challenge.refetch()}
          />
        )}
      </>
    );
  }
  return <ChallengeView challenge={challenge.data} />;
}

function ChallengeView({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation("challenges");
  const placeOf = usePlaceOf();
  const { abilities } = challenge;
  const owner = abilities.edit || abilities.extendTimeline || abilities.transitions.length > 0;
  return (
    <>
      <PageHeader
        eyebrow={
          <>
            <Link to={`/organisations/${challenge.organisation.slug}`}>
              {challenge.organisation.name}
            </Link>{" "}
            · {placeOf(challenge.city)}
          </>
        }
        title={challenge.title}
        aside={
          <Badge tone={statusTone[challenge.status]}>{t(`statuses.${challenge.status}`)}</Badge>
        }
        lead={<p>{challenge.summary}</p>}
        actions={
          <>
            {abilities.edit && (
              <ButtonLink variant="secondary" to={`/challenges/${challenge.id}/edit`}>
                {t("page.edit")}
              </ButtonLink>
            )}
            <FollowButton challenge={challenge} />
          </>
        }
      />
      {owner && <OwnerTools challenge={challenge} />}
      <ChallengeTabs
        label={t("tabs.label")}
        tabs={[
          {
            key: "overview",
            label: t("tabs.overview"),
            panel: () => <OverviewTab challenge={challenge} />,
          },
          {
            key: "questions",
            label: t("tabs.questions"),
            panel: () => <QuestionsTab challenge={challenge} />,
          },
          {
            key: "co-creation",
            label: t("tabs.coCreation"),
            panel: () => <CoCreationTab challenge={challenge} />,
          },
          {
            key: "recommendations",
            label: t("tabs.recommendations"),
            panel: () => <RecommendationsPanel challengeId={challenge.id} />,
          },
          {
            key: "consortia",
            label: t("tabs.consortia"),
            panel: () => (
              <ConsortiaPanel challengeId={challenge.id} challengeTitle={challenge.title} />
            ),
          },
          {
            key: "plan",
            label: t("tabs.plan"),
            panel: () => (
              <ProcurementPlanPanel challengeId={challenge.id} editable={abilities.edit} />
            ),
          },
          {
            key: "proposals",
            label: t("tabs.proposals"),
            panel: () => <ProposalsPanel challengeId={challenge.id} />,
          },
        ]}
      />
    </>
  );
}

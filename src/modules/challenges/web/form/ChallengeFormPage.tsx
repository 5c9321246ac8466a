import "../challenges.css";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useNavigate, useParams } from "react-router";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { ButtonLink } from "../../../../ui/components/Button.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { LoadingBlock } from "../../../../ui/components/Spinner.tsx";
import type { Challenge } from "../../contract.ts";
import { AttachmentUpload } from "../challenge/AttachmentUpload.tsx";
import {
  challengeCalls,
  useChallenge,
  useMyCityOrganisations,
  useRefreshChallenges,
} from "../challenge-queries.ts";
import { signInAddressFor, useViewer } from "../viewer.ts";
import { ChallengeForm } from "./ChallengeForm.tsx";
import { bodyOf, type ChallengeDraft, draftOf, emptyDraft } from "./challenge-draft.ts";

/** /challenges/new: a city member drafts a challenge; publishing is a step on its page. */
export function NewChallengePage() {
  const { t } = useTranslation("challenges");
  const viewer = useViewer();
  const location = useLocation();
  const navigate = useNavigate();
  const refresh = useRefreshChallenges();
  const cities = useMyCityOrganisations(viewer.user !== null);
  const create = useMutation({
    mutationFn: (draft: ChallengeDraft) =>
      challengeCalls.create({ ...bodyOf(draft), organisationId: draft.organisationId }),
    onSuccess: async (challenge) => {
      await refresh();
      navigate(`/challenges/${challenge.id}`, { state: { created: true } });
    },
  });
  if (viewer.pending || (viewer.user && cities.isPending)) return <LoadingBlock />;
  if (!viewer.user) return <Navigate to={signInAddressFor(location.pathname)} replace />;
  const organisations = cities.data ?? [];
  return (
    <div className="reading">
      <PageHeader title={t("form.newTitle")} lead={t("form.newLead")} />
      {cities.isError ? (
        <ProblemAlert
          error={cities.error}
          namespace="challenges"
          onRetry={() => void cities.refetch()}
        />
      ) : organisations.length === 0 ? (
        <Alert tone="info" title={t("form.noCity")}>
          <p>{t("form.noCityBody")}</p>
          <ButtonLink variant="secondary" to="/organisations">
            {t("form.findCity")}
          </ButtonLink>
        </Alert>
      ) : (
        <ChallengeForm
          initial={{
            ...emptyDraft,
            organisationId: organisations.length === 1 ? organisations[0]!.id : "",
          }}
          organisations={organisations}
          submitLabel={t("form.create")}
          busy={create.isPending}
          error={create.error}
          onSubmit={(draft) => create.mutate(draft)}
        />
      )}
    </div>
  );
}

/** /challenges/:id/edit: drafts only; after publication the page offers moving deadlines. */
export function EditChallengePage() {
  const { t } = useTranslation("challenges");
  const { id = "" } = useParams();
  const challenge = useChallenge(id);
  if (challenge.isPending) return <LoadingBlock />;
  if (challenge.isError) {
    return (
      <>
        <PageHeader title={t("page.failed")} />
        <ProblemAlert
          error={challenge.error}
          namespace="challenges"
          onRetry={() => void challenge.refetch()}
        />
      </>
    );
  }
  if (!challenge.data.abilities.edit) {
    return (
      <>
        <PageHeader title={t("form.editTitle", { title: challenge.data.title })} />
        <Alert tone="info" title={t("form.notEditable")}>
          <Link to={`/challenges/${id}`}>{t("form.back")}</Link>
        </Alert>
      </>
    );
  }
  return <EditChallenge challenge={challenge.data} />;
}

function EditChallenge({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation("challenges");
  const navigate = useNavigate();
  const refresh = useRefreshChallenges();
  const save = useMutation({
    mutationFn: (draft: ChallengeDraft) => challengeCalls.update(challenge.id, bodyOf(draft)),
    onSuccess: async () => {
      await refresh();
      navigate(`/challenges/${challenge.id}`);
    },
  });
  return (
    <div className="reading">
      <PageHeader
        title={t("form.editTitle", { title: challenge.title })}
        lead={<Link to={`/challenges/${challenge.id}`}>{t("form.back")}</Link>}
      />
      <ChallengeForm
        initial={draftOf(challenge)}
        organisations={null}
        submitLabel={t("form.save")}
        busy={save.isPending}
        error={save.error}
        onSubmit={(draft) => save.mutate(draft)}
      />
      <AttachmentUpload challenge={challenge} />
    </div>
  );
}

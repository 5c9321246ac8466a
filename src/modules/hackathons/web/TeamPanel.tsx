import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { Card } from "../../../ui/components/Card.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { Select } from "../../../ui/forms/Select.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import type { Hackathon, Team } from "../contract.ts";
import {
  useAddFile,
  useFreeParticipants,
  useInvite,
  useLeaveTeam,
  useRemoveFile,
  useStartPilot,
  useSubmit,
  useTeam,
  useUpdateTeam,
} from "./hackathon-queries.ts";
import { SubmissionView } from "./SubmissionView.tsx";

/** "My team": members and invitations, the challenge, the submission and its files, the pilot. */
export function TeamPanel({ hackathon, teamId }: { hackathon: Hackathon; teamId: string }) {
  const { t } = useTranslation("hackathons");
  const team = useTeam(hackathon.eventId, teamId);
  return (
    <section aria-labelledby="my-team-title" className="stack">
      <h2 id="my-team-title">{t("team.title")}</h2>
      <QueryState query={team} namespace="hackathons" loadingLabel={t("page.loading")}>
        {(data) => <TeamView hackathon={hackathon} team={data} />}
      </QueryState>
    </section>
  );
}

function TeamView({ hackathon, team }: { hackathon: Hackathon; team: Team }) {
  const { t } = useTranslation("hackathons");
  return (
    <>
      <Card title={team.name} headingLevel={3}>
        <p>{team.challenge ? team.challenge.title : t("teams.noChallenge")}</p>
        <p>
          {t("team.membersLabel")} {team.members.map((member) => member.name).join(", ")}
        </p>
        {team.invitations.some((invitation) => invitation.status === "pending") && (
          <p className="small muted">
            {t("team.pending", {
              names: team.invitations
                .filter((invitation) => invitation.status === "pending")
                .map((invitation) => invitation.invitee.name)
                .join(", "),
            })}
          </p>
        )}
        {team.me.edit && <TeamSettings hackathon={hackathon} team={team} />}
      </Card>
      {team.me.edit && <InviteForm hackathon={hackathon} team={team} />}
      {team.me.edit ? (
        <SubmissionForm hackathon={hackathon} team={team} />
      ) : team.submission ? (
        <Card title={t("submission.title")} headingLevel={3}>
          <SubmissionView teamId={team.id} submission={team.submission} />
        </Card>
      ) : (
        <Alert tone="info" title={t("submission.noneClosed")} />
      )}
      {(team.me.startPilot || team.pilot) && <PilotCard hackathon={hackathon} team={team} />}
    </>
  );
}

function TeamSettings({ hackathon, team }: { hackathon: Hackathon; team: Team }) {
  const { t } = useTranslation("hackathons");
  const update = useUpdateTeam(hackathon.eventId, team.id);
  const leave = useLeaveTeam(hackathon.eventId, team.id);
  const [challengeId, setChallengeId] = useState(team.challenge?.id ?? "");
  return (
    <div className="stack">
      <form
        className="form"
        onSubmit={(submitted) => {
          submitted.preventDefault();
          update.mutate({ challengeId: challengeId || null });
        }}
      >
        {update.error ? <ProblemAlert error={update.error} namespace="hackathons" /> : null}
        <Select
          label={t("teams.challenge")}
          value={challengeId}
          onChange={setChallengeId}
          placeholder={t("teams.pickLater")}
          options={hackathon.challenges.map((challenge) => ({
            value: challenge.id,
            label: challenge.title,
          }))}
        />
        <Button type="submit" variant="secondary" small busy={update.isPending}>
          {t("team.saveChallenge")}
        </Button>
      </form>
      {leave.error ? <ProblemAlert error={leave.error} namespace="hackathons" /> : null}
      <Button variant="danger" small busy={leave.isPending} onClick={() => leave.mutate()}>
        {t("team.leave")}
      </Button>
    </div>
  );
}

function InviteForm({ hackathon, team }: { hackathon: Hackathon; team: Team }) {
  const { t } = useTranslation("hackathons");
  const invite = useInvite(hackathon.eventId, team.id);
  const free = useFreeParticipants(hackathon.eventId, true);
  const [email, setEmail] = useState("");
  const [userId, setUserId] = useState("");
  const pending = new Set(
    team.invitations
      .filter((invitation) => invitation.status === "pending")
      .map((invitation) => invitation.invitee.userId),
  );
  const options = (free.data?.participants ?? []).filter(
    (participant) => !pending.has(participant.userId),
  );
  return (
    <Card title={t("team.invite")} headingLevel={3}>
      {options.length > 0 && (
        <form
          className="form"
          onSubmit={(submitted) => {
            submitted.preventDefault();
            if (userId) invite.mutate({ userId }, { onSuccess: () => setUserId("") });
          }}
        >
          <Select
            label={t("team.pickParticipant")}
            hint={t("team.pickParticipantHint")}
            value={userId}
            onChange={setUserId}
            placeholder={t("team.choosePerson")}
            options={options.map((participant) => ({
              value: participant.userId,
              label: participant.name,
            }))}
          />
          <Button type="submit" variant="secondary" busy={invite.isPending} disabled={!userId}>
            {t("team.inviteParticipant")}
          </Button>
        </form>
      )}
      <form
        className="form"
        onSubmit={(submitted) => {
          submitted.preventDefault();
          invite.mutate({ email }, { onSuccess: () => setEmail("") });
        }}
      >
        {invite.error ? <ProblemAlert error={invite.error} namespace="hackathons" /> : null}
        {invite.isSuccess && <Alert tone="success" title={t("team.invited")} />}
        <TextField
          label={t("team.inviteEmail")}
          hint={t("team.inviteHint", { max: hackathon.maxTeamSize })}
          type="email"
          value={email}
          onChange={setEmail}
          required
          width="medium"
        />
        <Button type="submit" busy={invite.isPending}>
          {t("team.sendInvitation")}
        </Button>
      </form>
    </Card>
  );
}

function SubmissionForm({ hackathon, team }: { hackathon: Hackathon; team: Team }) {
  const { t } = useTranslation("hackathons");
  const format = useFormatting();
  const submit = useSubmit(hackathon.eventId, team.id);
  const addFile = useAddFile(hackathon.eventId, team.id);
  const removeFile = useRemoveFile(hackathon.eventId, team.id);
  const [description, setDescription] = useState(team.submission?.description ?? "");
  const [repositoryUrl, setRepositoryUrl] = useState(team.submission?.repositoryUrl ?? "");
  const [demoUrl, setDemoUrl] = useState(team.submission?.demoUrl ?? "");
  const fileInput = useRef<HTMLInputElement>(null);
  const submission = team.submission;
  return (
    <Card title={t("submission.title")} headingLevel={3}>
      <p className="small muted">
        {t("submission.deadline", { date: format.dateTime(hackathon.submissionDeadline ?? "") })}
      </p>
      {submission && (
        <Alert
          tone="success"
          title={t("submission.saved", {
            revision: submission.revision,
            date: format.dateTime(submission.updatedAt),
          })}
        />
      )}
      <form
        className="form"
        onSubmit={(submitted) => {
          submitted.preventDefault();
          submit.mutate({
            description,
            repositoryUrl: repositoryUrl.trim() || null,
            demoUrl: demoUrl.trim() || null,
          });
        }}
      >
        {submit.error ? <ProblemAlert error={submit.error} namespace="hackathons" /> : null}
        <TextField
          label={t("submission.description")}
          hint={t("submission.descriptionHint")}
          value={description}
          onChange={setDescription}
          rows={8}
          maxLength={20000}
          required
        />
        <TextField
          label={t("submission.repository")}
          type="url"
          value={repositoryUrl}
          onChange={setRepositoryUrl}
          optional
          width="medium"
        />
        <TextField
          label={t("submission.demo")}
          type="url"
          value={demoUrl}
          onChange={setDemoUrl}
          optional
          width="medium"
        />
        <Button type="submit" busy={submit.isPending}>
          {submission ? t("submission.revise") : t("submission.submit")}
        </Button>
      </form>
      <div className="stack hackathon-files">
        <h4>{t("submission.files")}</h4>
        {removeFile.error ? <ProblemAlert error={removeFile.error} namespace="hackathons" /> : null}
        {submission && submission.files.length > 0 ? (
          <ul className="hackathon-list">
            {submission.files.map((file) => (
              <li key={file.id} className="cluster">
                <span>{file.filename}</span>
                <Button
                  small
                  variant="quiet"
                  busy={removeFile.isPending}
                  onClick={() => removeFile.mutate(file.id)}
                >
                  {t("submission.removeFile", { name: file.filename })}
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">{t("submission.noFiles")}</p>
        )}
        {addFile.error ? <ProblemAlert error={addFile.error} namespace="hackathons" /> : null}
        <label className="field__label" htmlFor={`files-${team.id}`}>
          {t("submission.addFile")}
        </label>
        <input
          ref={fileInput}
          id={`files-${team.id}`}
          type="file"
          accept="application/pdf,image/png,image/jpeg,image/webp"
          aria-describedby={`files-hint-${team.id}`}
          onChange={(changed) => {
            const file = changed.target.files?.[0];
            if (file) {
              addFile.mutate(file, {
                onSettled: () => {
                  if (fileInput.current) fileInput.current.value = "";
                },
              });
            }
          }}
        />
        <p id={`files-hint-${team.id}`} className="small muted">
          {t("submission.fileHint")}
        </p>
      </div>
    </Card>
  );
}

function PilotCard({ hackathon, team }: { hackathon: Hackathon; team: Team }) {
  const { t } = useTranslation("hackathons");
  const start = useStartPilot(hackathon.eventId, team.id);
  const [kind, setKind] = useState<"company" | "research">("company");
  return (
    <Card title={t("pilot.title")} headingLevel={3}>
      {team.pilot ? (
        <Alert tone="success" title={t("pilot.done")}>
          <p>
            <Link to={`/organisations/${team.pilot.organisation.slug}`}>
              {team.pilot.organisation.name}
            </Link>{" "}
            · <Link to={`/solutions/${team.pilot.solutionId}`}>{t("pilot.solution")}</Link> ·{" "}
            <Link to={`/challenges/${team.pilot.challenge.id}`}>{team.pilot.challenge.title}</Link>
          </p>
        </Alert>
      ) : (
        <form
          className="form"
          onSubmit={(submitted) => {
            submitted.preventDefault();
            start.mutate({ kind, trl: 4 });
          }}
        >
          <p>{t("pilot.lead")}</p>
          {start.error ? <ProblemAlert error={start.error} namespace="hackathons" /> : null}
          <Select
            label={t("pilot.kind")}
            value={kind}
            onChange={(value) => setKind(value === "research" ? "research" : "company")}
            options={[
              { value: "company", label: t("pilot.company") },
              { value: "research", label: t("pilot.research") },
            ]}
          />
          <Button type="submit" busy={start.isPending}>
            {t("pilot.start")}
          </Button>
        </form>
      )}
    </Card>
  );
}

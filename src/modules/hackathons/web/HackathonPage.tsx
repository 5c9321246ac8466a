import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Badge } from "../../../ui/components/Badge.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { Card } from "../../../ui/components/Card.tsx";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { Select } from "../../../ui/forms/Select.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import type { Hackathon } from "../contract.ts";
import { HostPanel } from "./HostPanel.tsx";
import { useAnswerInvitation, useHackathon, useStartTeam, useTeam } from "./hackathon-queries.ts";
import { JudgingPanel } from "./JudgingPanel.tsx";
import { ResultsPanel } from "./ResultsPanel.tsx";
import { SubmissionView } from "./SubmissionView.tsx";
import { TeamPanel } from "./TeamPanel.tsx";
import "./hackathons.css";

/**
 * A hackathon: what it asks (sizes, deadline, criteria, judges), its teams, and for each person
 * their part — the hosts' set-up and results, a participant's team and submission, a judge's
 * declarations and scores — then the results and the public gallery.
 */
export function HackathonPage() {
  const { t } = useTranslation("hackathons");
  const { id = "" } = useParams();
  const hackathon = useHackathon(id);
  return (
    <QueryState query={hackathon} namespace="hackathons" loadingLabel={t("page.loading")}>
      {(data) => <HackathonView hackathon={data} />}
    </QueryState>
  );
}

function HackathonView({ hackathon }: { hackathon: Hackathon }) {
  const { t } = useTranslation("hackathons");
  const format = useFormatting();
  const announced = hackathon.winnersAnnouncedAt !== null;
  return (
    <>
      <PageHeader
        eyebrow={t("page.eyebrow")}
        title={hackathon.title}
        lead={
          <p>
            <Link to={`/events/${hackathon.eventId}`}>{t("page.backToEvent")}</Link>
          </p>
        }
        aside={
          announced ? (
            <Badge tone="success">{t("page.announced")}</Badge>
          ) : hackathon.submissionsOpen ? (
            <Badge tone="info">{t("page.open")}</Badge>
          ) : hackathon.setUp ? (
            <Badge tone="neutral">{t("page.closed")}</Badge>
          ) : null
        }
      />
      <div className="with-sidebar with-sidebar--right">
        <div className="stack">
          {!hackathon.setUp && <Alert tone="info" title={t("page.notSetUp")} />}
          {hackathon.me.manage && <HostPanel hackathon={hackathon} />}
          {announced && <ResultsPanel hackathon={hackathon} />}
          <Invitations hackathon={hackathon} />
          {hackathon.me.teamId && <TeamPanel hackathon={hackathon} teamId={hackathon.me.teamId} />}
          {hackathon.me.judge && hackathon.setUp && <JudgingPanel hackathon={hackathon} />}
          <Teams hackathon={hackathon} />
        </div>
        <aside className="stack" aria-label={t("rules.title")}>
          <Card title={t("rules.title")}>
            {hackathon.setUp ? (
              <dl className="hackathon-facts">
                <dt>{t("rules.teamSize")}</dt>
                <dd>
                  {t("rules.teamSizeValue", {
                    min: hackathon.minTeamSize,
                    max: hackathon.maxTeamSize,
                  })}
                </dd>
                <dt>{t("rules.deadline")}</dt>
                <dd>
                  <time dateTime={hackathon.submissionDeadline ?? ""}>
                    {format.dateTime(hackathon.submissionDeadline ?? "")}
                  </time>
                </dd>
              </dl>
            ) : (
              <p className="muted">{t("page.notSetUp")}</p>
            )}
          </Card>
          {hackathon.criteria.length > 0 && (
            <Card title={t("rules.criteria")}>
              <ul>
                {hackathon.criteria.map((criterion) => (
                  <li key={criterion.id}>
                    <strong>{criterion.name}</strong> —{" "}
                    {t("rules.weight", { weight: criterion.weight })}
                    {criterion.description && (
                      <span className="small muted"> · {criterion.description}</span>
                    )}
                  </li>
                ))}
              </ul>
            </Card>
          )}
          {hackathon.judges.length > 0 && (
            <Card title={t("rules.judges")}>
              <ul>
                {hackathon.judges.map((judge) => (
                  <li key={judge.userId}>{judge.name}</li>
                ))}
              </ul>
            </Card>
          )}
        </aside>
      </div>
    </>
  );
}

function Invitations({ hackathon }: { hackathon: Hackathon }) {
  const { t } = useTranslation("hackathons");
  const answer = useAnswerInvitation(hackathon.eventId);
  if (hackathon.me.invitations.length === 0) return null;
  return (
    <Card title={t("invitations.title")}>
      {answer.error ? <ProblemAlert error={answer.error} namespace="hackathons" /> : null}
      {!hackathon.me.registered && <p className="muted">{t("invitations.registerFirst")}</p>}
      <ul className="hackathon-list">
        {hackathon.me.invitations.map((invitation) => (
          <li key={invitation.id}>
            <p>
              {t("invitations.from", { team: invitation.team.name, person: invitation.invitedBy })}
            </p>
            <div className="cluster">
              <Button
                small
                busy={answer.isPending}
                onClick={() => answer.mutate({ invitationId: invitation.id, answer: "accept" })}
              >
                {t("invitations.accept", { team: invitation.team.name })}
              </Button>
              <Button
                small
                variant="secondary"
                busy={answer.isPending}
                onClick={() => answer.mutate({ invitationId: invitation.id, answer: "decline" })}
              >
                {t("invitations.decline", { team: invitation.team.name })}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Teams({ hackathon }: { hackathon: Hackathon }) {
  const { t } = useTranslation("hackathons");
  const canStart =
    hackathon.setUp &&
    hackathon.submissionsOpen &&
    hackathon.me.registered &&
    !hackathon.me.judge &&
    hackathon.me.teamId === null;
  return (
    <section aria-labelledby="teams-title" className="stack">
      <h2 id="teams-title">{t("teams.title", { count: hackathon.teams.length })}</h2>
      {hackathon.setUp &&
        !hackathon.me.registered &&
        !hackathon.me.manage &&
        !hackathon.me.judge && <p className="muted">{t("teams.registerToJoin")}</p>}
      {canStart && <StartTeam hackathon={hackathon} />}
      {hackathon.teams.length === 0 ? (
        <p className="muted">{t("teams.none")}</p>
      ) : (
        <ul className="hackathon-teams">
          {hackathon.teams.map((team) => (
            <li key={team.id}>
              <h3>
                {team.name}
                {team.winnerPlace !== null && (
                  <>
                    {" "}
                    <Badge tone="success">{t("results.place", { place: team.winnerPlace })}</Badge>
                  </>
                )}
              </h3>
              <p className="small">
                {team.challenge ? team.challenge.title : t("teams.noChallenge")} ·{" "}
                {t("teams.members", { count: team.memberCount })}
                {team.submitted && ` · ${t("teams.submitted")}`}
              </p>
              {team.members.length > 0 && (
                <p className="small muted">
                  {team.members.map((member) => member.name).join(", ")}
                </p>
              )}
              {hackathon.me.manage && team.submitted && hackathon.winnersAnnouncedAt === null && (
                <HostSubmission eventId={hackathon.eventId} teamId={team.id} name={team.name} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The hosts read each submission before the results (folded, loaded when opened). */
function HostSubmission({
  eventId,
  teamId,
  name,
}: {
  eventId: string;
  teamId: string;
  name: string;
}) {
  const { t } = useTranslation("hackathons");
  const [open, setOpen] = useState(false);
  const team = useTeam(eventId, open ? teamId : null);
  return (
    <details onToggle={(toggled) => setOpen(toggled.currentTarget.open)}>
      <summary>{t("teams.readSubmission", { team: name })}</summary>
      {open && (
        <QueryState query={team} namespace="hackathons" loadingLabel={t("page.loading")}>
          {(data) =>
            data.submission ? <SubmissionView teamId={teamId} submission={data.submission} /> : null
          }
        </QueryState>
      )}
    </details>
  );
}

function StartTeam({ hackathon }: { hackathon: Hackathon }) {
  const { t } = useTranslation("hackathons");
  const start = useStartTeam(hackathon.eventId);
  const [name, setName] = useState("");
  const [challengeId, setChallengeId] = useState("");
  return (
    <Card title={t("teams.start")} headingLevel={3}>
      <form
        className="form"
        onSubmit={(submitted) => {
          submitted.preventDefault();
          start.mutate({ name, challengeId: challengeId || null });
        }}
      >
        {start.error ? <ProblemAlert error={start.error} namespace="hackathons" /> : null}
        <TextField
          label={t("teams.name")}
          value={name}
          onChange={setName}
          required
          maxLength={80}
          width="medium"
        />
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
        <Button type="submit" busy={start.isPending}>
          {t("teams.create")}
        </Button>
      </form>
    </Card>
  );
}

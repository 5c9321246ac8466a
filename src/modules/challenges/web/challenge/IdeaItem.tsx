import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "../../../../ui/components/Badge.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import type { Challenge, Idea } from "../../contract.ts";
import { challengeCalls, useChallengeAction } from "../challenge-queries.ts";
import { isEditable } from "./editing-window.ts";
import { IdeaComments } from "./IdeaComments.tsx";
import { IdeaForm } from "./IdeaForm.tsx";
import { ModerationControls } from "./ModerationControls.tsx";

export function IdeaItem({ challenge, idea }: { challenge: Challenge; idea: Idea }) {
  const { t } = useTranslation("challenges");
  const format = useFormatting();
  const [editing, setEditing] = useState(false);
  const vote = useChallengeAction((on: boolean) => challengeCalls.vote(challenge.id, idea.id, on));
  const edit = useChallengeAction((body: { title: string; body: string }) =>
    challengeCalls.editIdea(challenge.id, idea.id, body),
  );
  const canVote = challenge.abilities.contribute && !idea.mine && !idea.moderation;
  const headingId = `idea-${idea.id}`;
  return (
    <li className="card idea">
      <article aria-labelledby={headingId}>
        <div className="idea__header">
          <h3 id={headingId} className="idea__title">
            {idea.title}
          </h3>
          <div className="cluster">
            {canVote ? (
              <Button
                variant={idea.myVote ? "primary" : "secondary"}
                small
                aria-pressed={idea.myVote}
                busy={vote.isPending}
                onClick={() => vote.mutate(!idea.myVote)}
                aria-label={t("ideas.voteFor", { title: idea.title, count: idea.votes })}
              >
                {t("ideas.vote", { count: idea.votes })}
              </Button>
            ) : (
              <span className="small">{t("ideas.votes", { count: idea.votes })}</span>
            )}
          </div>
        </div>
        <p className="entity-card__meta">
          {idea.author.name}
          {idea.author.organisation && `, ${idea.author.organisation}`} ·{" "}
          <time dateTime={idea.createdAt}>{format.dateTime(idea.createdAt)}</time>
          {idea.editedAt && ` · ${t("ideas.edited")}`}
          {idea.reportCount ? (
            <>
              {" "}
              <Badge tone="warning">{t("moderation.reports", { count: idea.reportCount })}</Badge>
            </>
          ) : null}
        </p>
        {idea.moderation && (
          <p>
            <Badge tone="danger">{t("moderation.hidden")}</Badge>{" "}
            {t("moderation.hiddenBecause", { reason: idea.moderation.reason })}
          </p>
        )}
        {editing ? (
          <IdeaForm
            initial={{ title: idea.title, body: idea.body }}
            submitLabel={t("ideas.save")}
            busy={edit.isPending}
            error={edit.error}
            onSubmit={(body) => edit.mutate(body, { onSuccess: () => setEditing(false) })}
            onCancel={() => setEditing(false)}
          />
        ) : (
          idea.body && <p className="idea__body">{idea.body}</p>
        )}
        {vote.isError && <ProblemAlert error={vote.error} namespace="challenges" />}
        <div className="cluster">
          {isEditable(idea) && !editing && challenge.coCreationOpen && (
            <Button variant="quiet" small onClick={() => setEditing(true)}>
              {t("ideas.edit")}
            </Button>
          )}
          <ModerationControls
            challenge={challenge}
            ideaId={idea.id}
            subject={idea.title}
            moderation={idea.moderation}
            mine={idea.mine}
          />
        </div>
        <IdeaComments challenge={challenge} idea={idea} />
      </article>
    </li>
  );
}

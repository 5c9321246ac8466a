import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "../../../../ui/components/Badge.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import type { Challenge, Idea, IdeaComment } from "../../contract.ts";
import { challengeCalls, useChallengeAction } from "../challenge-queries.ts";
import { isEditable } from "./editing-window.ts";
import { ModerationControls } from "./ModerationControls.tsx";

/** The comments under an idea, and a box to add one while the board is open. */
export function IdeaComments({ challenge, idea }: { challenge: Challenge; idea: Idea }) {
  const { t } = useTranslation("challenges");
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const post = useChallengeAction((body: string) =>
    challengeCalls.comment(challenge.id, idea.id, body),
  );
  const open = challenge.abilities.contribute && challenge.coCreationOpen && !idea.moderation;
  if (idea.comments.length === 0 && !open) return null;
  return (
    <section className="idea__comments" aria-label={t("comments.label", { title: idea.title })}>
      {idea.comments.length > 0 && (
        <ul className="link-list">
          {idea.comments.map((comment) => (
            <CommentItem key={comment.id} challenge={challenge} idea={idea} comment={comment} />
          ))}
        </ul>
      )}
      {open && (
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim().length < 2) return setProblem(t("comments.checks.short"));
            setProblem(undefined);
            post.mutate(text.trim(), { onSuccess: () => setText("") });
          }}
        >
          <TextField
            label={t("comments.add", { title: idea.title })}
            rows={2}
            value={text}
            onChange={setText}
            error={problem}
            maxLength={4000}
          />
          {post.isError && <ProblemAlert error={post.error} namespace="challenges" />}
          <Button type="submit" small variant="secondary" busy={post.isPending}>
            {t("comments.post")}
          </Button>
        </form>
      )}
    </section>
  );
}

function CommentItem({
  challenge,
  idea,
  comment,
}: {
  challenge: Challenge;
  idea: Idea;
  comment: IdeaComment;
}) {
  const { t } = useTranslation("challenges");
  const format = useFormatting();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(comment.body);
  const edit = useChallengeAction((body: string) =>
    challengeCalls.editComment(challenge.id, idea.id, comment.id, body),
  );
  const subject = t("comments.subject", { name: comment.author.name });
  return (
    <li>
      <p className="entity-card__meta">
        {comment.author.name}
        {comment.author.organisation && `, ${comment.author.organisation}`} ·{" "}
        <time dateTime={comment.createdAt}>{format.dateTime(comment.createdAt)}</time>
        {comment.editedAt && ` · ${t("ideas.edited")}`}
      </p>
      {comment.moderation && (
        <p>
          <Badge tone="danger">{t("moderation.hidden")}</Badge>{" "}
          {t("moderation.hiddenBecause", { reason: comment.moderation.reason })}
        </p>
      )}
      {editing ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim().length >= 2)
              edit.mutate(text.trim(), { onSuccess: () => setEditing(false) });
          }}
        >
          <TextField label={t("comments.edit")} rows={2} value={text} onChange={setText} />
          {edit.isError && <ProblemAlert error={edit.error} namespace="challenges" />}
          <div className="cluster">
            <Button type="submit" small busy={edit.isPending}>
              {t("ideas.save")}
            </Button>
            <Button variant="quiet" small onClick={() => setEditing(false)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : (
        comment.body && <p>{comment.body}</p>
      )}
      <div className="cluster">
        {isEditable(comment) && !editing && challenge.coCreationOpen && (
          <Button variant="quiet" small onClick={() => setEditing(true)}>
            {t("comments.edit")}
          </Button>
        )}
        <ModerationControls
          challenge={challenge}
          ideaId={idea.id}
          commentId={comment.id}
          subject={subject}
          moderation={comment.moderation}
          mine={comment.mine}
        />
      </div>
    </li>
  );
}

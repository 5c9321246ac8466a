import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { Card } from "../../../ui/components/Card.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { useFieldErrors } from "../../../ui/forms/field-errors.ts";
import { TextField } from "../../../ui/forms/TextField.tsx";
import type { Event } from "../contract.ts";
import type { EventOutcomes } from "../contract-outcomes.ts";
import { type LinkTarget, useOutcomes, useRecordOutcomes } from "./events-queries.ts";
import { LinkPicker } from "./LinkPicker.tsx";

/** What came out of a workshop or meeting, and the hosts' form to record it once it ended. */
export function OutcomesSection({ event }: { event: Event }) {
  const { t } = useTranslation("events");
  const outcomes = useOutcomes(event.id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const view = outcomes.data;
  if (!view || (!view.outcomes && !view.canRecord)) return null;
  return (
    <div id="outcomes">
      <Card title={t("outcomes.title")}>
        <div aria-live="polite">
          {saved && !editing && <Alert tone="success" title={t("outcomes.saved")} />}
        </div>
        {editing ? (
          <OutcomesForm
            event={event}
            outcomes={view.outcomes}
            onDone={(didSave) => {
              setEditing(false);
              setSaved(didSave);
            }}
          />
        ) : (
          <>
            {view.outcomes ? (
              <OutcomesView outcomes={view.outcomes} />
            ) : (
              <p className="muted">{t("outcomes.none")}</p>
            )}
            {view.canRecord && (
              <div className="button-row">
                <Button
                  variant="secondary"
                  onClick={() => {
                    setSaved(false);
                    setEditing(true);
                  }}
                >
                  {view.outcomes ? t("outcomes.edit") : t("outcomes.record")}
                </Button>
              </div>
            )}
          </>
        )}
      </Card>
    </div>
  );
}

/** Notes, ideas and links, as both the event page and the challenge page show them. */
export function OutcomesView({
  outcomes,
  headingLevel = 3,
}: {
  outcomes: EventOutcomes;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation("events");
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="stack">
      {outcomes.notesHtml && (
        <div
          className="prose"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered by the server from Markdown with raw HTML disabled.
          dangerouslySetInnerHTML={{ __html: outcomes.notesHtml }}
        />
      )}
      {outcomes.ideas.length > 0 && (
        <>
          <Heading>{t("outcomes.ideas")}</Heading>
          <ul className="event-ideas">
            {outcomes.ideas.map((idea, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: ideas are an ordered list without ids.
              <li key={index}>
                <p>
                  <strong>{idea.title}</strong>
                </p>
                {idea.text && <p>{idea.text}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      {outcomes.challenges.length > 0 && (
        <>
          <Heading>{t("outcomes.challenges")}</Heading>
          <ul>
            {outcomes.challenges.map((challenge) => (
              <li key={challenge.id}>
                <Link to={`/challenges/${challenge.id}`}>{challenge.title}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {outcomes.solutions.length > 0 && (
        <>
          <Heading>{t("outcomes.solutions")}</Heading>
          <ul>
            {outcomes.solutions.map((solution) => (
              <li key={solution.id}>
                <Link to={`/solutions/${solution.id}`}>{solution.title}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

interface IdeaRow {
  title: string;
  text: string;
}

function OutcomesForm({
  event,
  outcomes,
  onDone,
}: {
  event: Event;
  outcomes: EventOutcomes | null;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation("events");
  const record = useRecordOutcomes(event.id);
  const fieldError = useFieldErrors({}, record.error);
  const [notes, setNotes] = useState(outcomes?.notes ?? "");
  const [ideas, setIdeas] = useState<IdeaRow[]>(outcomes?.ideas ?? []);
  const [challenges, setChallenges] = useState<LinkTarget[]>(
    outcomes?.challenges ?? event.challenges,
  );
  const [solutions, setSolutions] = useState<LinkTarget[]>(outcomes?.solutions ?? []);
  const setIdea = (index: number, change: Partial<IdeaRow>) =>
    setIdeas((rows) => rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  return (
    <form
      className="form"
      onSubmit={(submitted) => {
        submitted.preventDefault();
        record.mutate(
          {
            notes,
            ideas,
            challengeIds: challenges.map((challenge) => challenge.id),
            solutionIds: solutions.map((solution) => solution.id),
          },
          { onSuccess: () => onDone(true) },
        );
      }}
    >
      {record.error ? <ProblemAlert error={record.error} namespace="events" /> : null}
      <TextField
        label={t("outcomes.notes")}
        hint={t("outcomes.notesHint")}
        rows={6}
        value={notes}
        onChange={setNotes}
        error={fieldError("notes")}
        optional
      />
      <fieldset className="stack">
        <legend className="field__label">{t("outcomes.ideas")}</legend>
        {ideas.map((idea, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved.
          <div className="card" key={index}>
            <div className="card__body stack">
              <TextField
                label={t("outcomes.ideaTitle", { n: index + 1 })}
                value={idea.title}
                onChange={(title) => setIdea(index, { title })}
                error={fieldError(`ideas.${index}.title`)}
                required
                maxLength={200}
              />
              <TextField
                label={t("outcomes.ideaText", { n: index + 1 })}
                rows={3}
                value={idea.text}
                onChange={(text) => setIdea(index, { text })}
                error={fieldError(`ideas.${index}.text`)}
                optional
              />
              <Button
                variant="quiet"
                small
                onClick={() => setIdeas((rows) => rows.filter((_, at) => at !== index))}
              >
                {t("outcomes.ideaRemove", { n: index + 1 })}
              </Button>
            </div>
          </div>
        ))}
        <Button
          variant="secondary"
          small
          onClick={() => setIdeas((rows) => [...rows, { title: "", text: "" }])}
        >
          {t("outcomes.ideaAdd")}
        </Button>
      </fieldset>
      <LinkPicker
        label={t("outcomes.linkChallenges")}
        hint={t("picker.hint")}
        source="challenges"
        value={challenges}
        onChange={setChallenges}
        error={fieldError("challengeIds") ?? fieldError("challengeIds.0")}
      />
      <LinkPicker
        label={t("outcomes.linkSolutions")}
        hint={t("picker.hint")}
        source="solutions"
        value={solutions}
        onChange={setSolutions}
        error={fieldError("solutionIds") ?? fieldError("solutionIds.0")}
        max={20}
      />
      <div className="button-row">
        <Button type="submit" busy={record.isPending}>
          {t("outcomes.save")}
        </Button>
        <Button variant="quiet" onClick={() => onDone(false)}>
          {t("outcomes.cancel")}
        </Button>
      </div>
    </form>
  );
}

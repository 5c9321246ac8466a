import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Badge } from "../../../ui/components/Badge.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { Card } from "../../../ui/components/Card.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import type { Hackathon, Judging } from "../contract.ts";
import { useDeclare, useJudging, useScore } from "./hackathon-queries.ts";
import { SubmissionView } from "./SubmissionView.tsx";

type Entry = Judging["entries"][number];

/** A judge's work list: a declaration per team, then the submission and scores once cleared. */
export function JudgingPanel({ hackathon }: { hackathon: Hackathon }) {
  const { t } = useTranslation("hackathons");
  const judging = useJudging(hackathon.eventId, true);
  return (
    <section aria-labelledby="judging-title" className="stack">
      <h2 id="judging-title">{t("judging.title")}</h2>
      <p className="muted">{t("judging.lead")}</p>
      <QueryState query={judging} namespace="hackathons" loadingLabel={t("page.loading")}>
        {(data) =>
          data.entries.length === 0 ? (
            <p className="muted">{t("teams.none")}</p>
          ) : (
            <>
              {!data.scoringOpen && hackathon.winnersAnnouncedAt === null && (
                <Alert tone="info" title={t("judging.scoringLater")} />
              )}
              {data.entries.map((entry) => (
                <JudgingEntry
                  key={entry.team.id}
                  hackathon={hackathon}
                  judging={data}
                  entry={entry}
                />
              ))}
            </>
          )
        }
      </QueryState>
    </section>
  );
}

function JudgingEntry({
  hackathon,
  judging,
  entry,
}: {
  hackathon: Hackathon;
  judging: Judging;
  entry: Entry;
}) {
  const { t } = useTranslation("hackathons");
  const tone =
    entry.standing === "cleared" ? "success" : entry.standing === "recused" ? "warning" : "neutral";
  return (
    <Card
      headingLevel={3}
      title={entry.team.name}
      actions={<Badge tone={tone}>{t(`judging.standing.${entry.standing}`)}</Badge>}
    >
      {entry.challenge && <p className="small">{entry.challenge.title}</p>}
      {entry.recusal && <p>{t(`judging.recusal.${entry.recusal}`)}</p>}
      {entry.detectedConflicts.length > 0 && (
        <ul className="small">
          {entry.detectedConflicts.map((conflict) => (
            <li key={conflict.organisation}>
              {t(`judging.detected.${conflict.relation === "cluster" ? "cluster" : "party"}`, {
                organisation: conflict.organisation,
              })}
            </li>
          ))}
        </ul>
      )}
      {entry.declaration?.verdict !== "conflict" && hackathon.winnersAnnouncedAt === null && (
        <DeclarationForm hackathon={hackathon} entry={entry} />
      )}
      {entry.submission && (
        <div className="stack">
          <h4>{t("submission.title")}</h4>
          <SubmissionView teamId={entry.team.id} submission={entry.submission} />
        </div>
      )}
      {entry.standing === "cleared" && entry.submission && judging.scoringOpen && (
        <ScoreForm hackathon={hackathon} judging={judging} entry={entry} />
      )}
      {entry.myScores.length > 0 && !judging.scoringOpen && (
        <p className="small muted">{t("judging.scored")}</p>
      )}
    </Card>
  );
}

function DeclarationForm({ hackathon, entry }: { hackathon: Hackathon; entry: Entry }) {
  const { t } = useTranslation("hackathons");
  const declare = useDeclare(hackathon.eventId);
  const [verdict, setVerdict] = useState<"no_conflict" | "conflict">(
    entry.declaration?.verdict ?? "no_conflict",
  );
  const [reason, setReason] = useState("");
  const name = `verdict-${entry.team.id}`;
  return (
    <form
      className="form"
      onSubmit={(submitted) => {
        submitted.preventDefault();
        declare.mutate({ teamId: entry.team.id, body: { verdict, reason } });
      }}
    >
      {declare.error ? <ProblemAlert error={declare.error} namespace="hackathons" /> : null}
      <fieldset className="field">
        <legend className="field__label">
          {t("judging.declareFor", { team: entry.team.name })}
        </legend>
        <div className="checkbox">
          <input
            type="radio"
            id={`${name}-none`}
            name={name}
            checked={verdict === "no_conflict"}
            onChange={() => setVerdict("no_conflict")}
          />
          <label htmlFor={`${name}-none`}>{t("judging.noConflict")}</label>
        </div>
        <div className="checkbox">
          <input
            type="radio"
            id={`${name}-conflict`}
            name={name}
            checked={verdict === "conflict"}
            onChange={() => setVerdict("conflict")}
          />
          <label htmlFor={`${name}-conflict`}>{t("judging.conflict")}</label>
        </div>
      </fieldset>
      {verdict === "conflict" && (
        <TextField
          label={t("judging.reason")}
          value={reason}
          onChange={setReason}
          rows={2}
          maxLength={1000}
          required
        />
      )}
      <Button type="submit" small busy={declare.isPending}>
        {t("judging.declare")}
      </Button>
    </form>
  );
}

function ScoreForm({
  hackathon,
  judging,
  entry,
}: {
  hackathon: Hackathon;
  judging: Judging;
  entry: Entry;
}) {
  const { t } = useTranslation("hackathons");
  const score = useScore(hackathon.eventId);
  const given = new Map(entry.myScores.map((row) => [row.criterionId, row]));
  const [values, setValues] = useState<Record<string, { score: string; justification: string }>>(
    Object.fromEntries(
      judging.criteria.map((criterion) => [
        criterion.id,
        {
          score: given.has(criterion.id) ? String(given.get(criterion.id)!.score) : "",
          justification: given.get(criterion.id)?.justification ?? "",
        },
      ]),
    ),
  );
  return (
    <form
      className="form"
      onSubmit={(submitted) => {
        submitted.preventDefault();
        score.mutate({
          teamId: entry.team.id,
          body: {
            scores: judging.criteria.map((criterion) => ({
              criterionId: criterion.id,
              score: Number(values[criterion.id]?.score),
              justification: values[criterion.id]?.justification ?? "",
            })),
          },
        });
      }}
    >
      <h4>{t("judging.scoresFor", { team: entry.team.name })}</h4>
      {score.error ? <ProblemAlert error={score.error} namespace="hackathons" /> : null}
      {score.isSuccess && <Alert tone="success" title={t("judging.saved")} />}
      {judging.criteria.map((criterion) => (
        <div key={criterion.id} className="hackathon-criterion">
          <TextField
            label={t("judging.scoreLabel", { criterion: criterion.name, weight: criterion.weight })}
            type="number"
            min={0}
            max={10}
            value={values[criterion.id]?.score ?? ""}
            onChange={(value) =>
              setValues({ ...values, [criterion.id]: { ...values[criterion.id]!, score: value } })
            }
            required
            width="short"
          />
          <TextField
            label={t("judging.justification", { criterion: criterion.name })}
            value={values[criterion.id]?.justification ?? ""}
            onChange={(value) =>
              setValues({
                ...values,
                [criterion.id]: { ...values[criterion.id]!, justification: value },
              })
            }
            rows={2}
            maxLength={2000}
            required
          />
        </div>
      ))}
      <Button type="submit" busy={score.isPending}>
        {t("judging.saveScores")}
      </Button>
    </form>
  );
}

import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Badge } from "../../../ui/components/Badge.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { ConfirmDialog } from "../../../ui/components/Dialog.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import type { EvaluationSetup, WorkItem } from "../contract-evaluation.ts";
import { SCORE_MAX, SCORE_MIN } from "../contract-evaluation.ts";
import { EvaluationProblem } from "./EvaluationProblem.tsx";
import { useDeclare, useScore, useWorkList } from "./evaluation-queries.ts";
import { ProposalView } from "./ProposalView.tsx";
import { useProposalForm } from "./procurement-queries.ts";

/**
 * A panel member's proposals: each by its pseudonym (and its bidder once the blind phase is
 * over), their standing — declare first, cleared, or recused — and, once cleared, the proposal
 * and a scoring form per criterion with a justification each.
 */
export function EvaluationWorkList({ setup }: { setup: EvaluationSetup }) {
  const { t } = useTranslation("procurement");
  const headingId = useId();
  const work = useWorkList(setup.challengeId, true);
  return (
    <section aria-labelledby={headingId} className="stack">
      <h4 id={headingId}>{t("evaluation.work.heading")}</h4>
      {setup.stage === "blind" && <p className="small">{t("evaluation.work.blind")}</p>}
      <QueryState query={work} namespace="procurement" loadingLabel={t("evaluation.loading")}>
        {(data) =>
          data.proposals.length === 0 ? (
            <p className="small muted">{t("evaluation.work.none")}</p>
          ) : (
            <ul className="stack evaluation-work">
              {data.proposals.map((item) => (
                <WorkEntry key={item.proposalId} item={item} setup={setup} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

function WorkEntry({ item, setup }: { item: WorkItem; setup: EvaluationSetup }) {
  const { t } = useTranslation("procurement");
  const [declaring, setDeclaring] = useState(false);
  const [opened, setOpened] = useState(false);
  const title = item.bidder
    ? t("evaluation.work.titleNamed", { pseudonym: item.pseudonym, bidder: item.bidder.name })
    : t("evaluation.work.title", { pseudonym: item.pseudonym });
  const tone =
    item.standing === "cleared" ? "success" : item.standing === "recused" ? "danger" : "warning";
  const evaluating = setup.abilities.evaluate;
  return (
    <li className="card">
      <div className="card__body stack">
        <h5 className="card__title">{title}</h5>
        <p>
          <Badge tone={tone}>{t(`evaluation.work.standing.${item.standing}`)}</Badge>{" "}
          {item.recusal && (
            <span className="small">{t(`evaluation.work.recusal.${item.recusal}`)}</span>
          )}
        </p>
        {item.standing === "to_declare" && evaluating && (
          <div>
            <Button onClick={() => setDeclaring(true)}>
              {t("evaluation.declare.open", { pseudonym: item.pseudonym })}
            </Button>
            <DeclareDialog item={item} open={declaring} onClose={() => setDeclaring(false)} />
          </div>
        )}
        {item.standing === "cleared" && (
          <>
            <p className="small">
              {t("evaluation.work.scored", {
                count: item.scores.length,
                total: setup.criteria.length,
              })}
            </p>
            <Button variant="secondary" aria-expanded={opened} onClick={() => setOpened(!opened)}>
              {opened
                ? t("evaluation.work.close", { pseudonym: item.pseudonym })
                : t("evaluation.work.open", { pseudonym: item.pseudonym })}
            </Button>
            {opened && <OpenedProposal item={item} setup={setup} />}
          </>
        )}
      </div>
    </li>
  );
}

/** The conflict-of-interest declaration: "no conflict", or a conflict and why (a modal dialog). */
function DeclareDialog({
  item,
  open,
  onClose,
}: {
  item: WorkItem;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation("procurement");
  const [verdict, setVerdict] = useState<"no_conflict" | "conflict">("no_conflict");
  const [reason, setReason] = useState("");
  const declare = useDeclare();
  const name = useId();
  return (
    <ConfirmDialog
      open={open}
      title={t("evaluation.declare.title", { pseudonym: item.pseudonym })}
      confirmLabel={t("evaluation.declare.confirm")}
      busy={declare.isPending}
      onClose={onClose}
      onConfirm={() =>
        declare.mutate({ proposalId: item.proposalId, verdict, reason }, { onSuccess: onClose })
      }
    >
      <p className="small">{t("evaluation.declare.lead")}</p>
      <fieldset className="stack">
        <legend>{t("evaluation.declare.legend")}</legend>
        <label className="choice">
          <input
            type="radio"
            name={name}
            checked={verdict === "no_conflict"}
            onChange={() => setVerdict("no_conflict")}
          />{" "}
          {t("evaluation.declare.none")}
        </label>
        <label className="choice">
          <input
            type="radio"
            name={name}
            checked={verdict === "conflict"}
            onChange={() => setVerdict("conflict")}
          />{" "}
          {t("evaluation.declare.conflict")}
        </label>
      </fieldset>
      {verdict === "conflict" && (
        <TextField
          label={t("evaluation.declare.reason")}
          rows={3}
          value={reason}
          onChange={setReason}
        />
      )}
      {declare.isError && <EvaluationProblem error={declare.error} />}
    </ConfirmDialog>
  );
}

function OpenedProposal({ item, setup }: { item: WorkItem; setup: EvaluationSetup }) {
  const form = useProposalForm(setup.challengeId);
  return (
    <div className="stack">
      {form.data && (
        <ProposalView proposalId={item.proposalId} form={form.data} onRevised={() => {}} />
      )}
      {setup.abilities.evaluate && <ScoringForm item={item} setup={setup} />}
    </div>
  );
}

/** One score (0–10) and its justification per criterion; technical ones frozen once locked. */
function ScoringForm({ item, setup }: { item: WorkItem; setup: EvaluationSetup }) {
  const { t } = useTranslation("procurement");
  const given = new Map(item.scores.map((score) => [score.criterionId, score]));
  const locked = setup.technicalLockedAt !== null;
  const editable = setup.criteria.filter(
    (criterion) => !(locked && criterion.kind === "technical"),
  );
  const [values, setValues] = useState<Record<string, { score: string; justification: string }>>(
    Object.fromEntries(
      setup.criteria.map((criterion) => [
        criterion.id,
        {
          score: given.has(criterion.id) ? String(given.get(criterion.id)!.score) : "",
          justification: given.get(criterion.id)?.justification ?? "",
        },
      ]),
    ),
  );
  const score = useScore();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    score.mutate({
      proposalId: item.proposalId,
      scores: editable
        .filter((criterion) => values[criterion.id]!.score !== "")
        .map((criterion) => ({
          criterionId: criterion.id,
          score: Number(values[criterion.id]!.score),
          justification: values[criterion.id]!.justification,
        })),
    });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <h6>{t("evaluation.score.heading", { pseudonym: item.pseudonym })}</h6>
      {score.isSuccess && <Alert tone="success" title={t("evaluation.score.saved")} focusOnShow />}
      {score.isError && <EvaluationProblem error={score.error} />}
      {setup.criteria.map((criterion) => {
        const frozen = locked && criterion.kind === "technical";
        return (
          <fieldset key={criterion.id} className="stack" disabled={frozen}>
            <legend>
              {criterion.name} ({t("evaluation.criteria.weightOf", { weight: criterion.weight })})
              {frozen && ` — ${t("evaluation.score.locked")}`}
            </legend>
            <TextField
              label={t("evaluation.score.value", { min: SCORE_MIN, max: SCORE_MAX })}
              type="number"
              min={SCORE_MIN}
              max={SCORE_MAX}
              width="short"
              value={values[criterion.id]!.score}
              onChange={(value) =>
                setValues({ ...values, [criterion.id]: { ...values[criterion.id]!, score: value } })
              }
            />
            <TextField
              label={t("evaluation.score.justification")}
              rows={3}
              value={values[criterion.id]!.justification}
              onChange={(value) =>
                setValues({
                  ...values,
                  [criterion.id]: { ...values[criterion.id]!, justification: value },
                })
              }
            />
          </fieldset>
        );
      })}
      <div>
        <Button type="submit" busy={score.isPending}>
          {t("evaluation.score.save")}
        </Button>
      </div>
    </form>
  );
}

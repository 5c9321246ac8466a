import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { Checkbox } from "../../../ui/forms/Checkbox.tsx";
import { Select } from "../../../ui/forms/Select.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import type { CriterionKind, EvaluationSetup, PanelRole } from "../contract-evaluation.ts";
import { EvaluationProblem } from "./EvaluationProblem.tsx";
import { useCityMembers, useDefineEvaluation } from "./evaluation-queries.ts";

interface CriterionDraft {
  /** A key for the list while it is edited (criteria have no id before they are saved). */
  key: number;
  name: string;
  description: string;
  weight: string;
  kind: CriterionKind;
}

let nextKey = 0;
const draftKey = () => {
  nextKey += 1;
  return nextKey;
};

const starter = (): CriterionDraft[] => [
  { key: draftKey(), name: "", description: "", weight: "60", kind: "technical" },
  { key: draftKey(), name: "", description: "", weight: "40", kind: "financial" },
];

/**
 * The city's evaluation setup, before the deadline: criteria with a live weight sum, the panel
 * chosen among the city's members with one chair, the blind phase and the standstill. The
 * server checks it all again (weights sum to 100, the panel are members, exactly one chair).
 */
export function EvaluationSetupForm({ setup }: { setup: EvaluationSetup }) {
  const { t } = useTranslation("procurement");
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [criteria, setCriteria] = useState<CriterionDraft[]>(
    setup.defined
      ? setup.criteria.map((criterion) => ({
          key: draftKey(),
          name: criterion.name,
          description: criterion.description,
          weight: String(criterion.weight),
          kind: criterion.kind,
        }))
      : starter(),
  );
  const [seats, setSeats] = useState<Record<string, PanelRole | "">>(
    Object.fromEntries((setup.panel ?? []).map((seat) => [seat.userId, seat.role])),
  );
  const [blind, setBlind] = useState(setup.blind);
  const [standstill, setStandstill] = useState(String(setup.standstillDays));
  const members = useCityMembers(setup.organisationId, open);
  const define = useDefineEvaluation(setup.challengeId);
  const sum = criteria.reduce((total, criterion) => total + (Number(criterion.weight) || 0), 0);
  const chairs = Object.values(seats).filter((role) => role === "chair").length;

  const change = (index: number, patch: Partial<CriterionDraft>) =>
    setCriteria(
      criteria.map((criterion, at) => (at === index ? { ...criterion, ...patch } : criterion)),
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    define.mutate({
      criteria: criteria.map((criterion) => ({
        name: criterion.name,
        description: criterion.description,
        weight: Number(criterion.weight),
        kind: criterion.kind,
      })),
      panel: Object.entries(seats)
        .filter((entry): entry is [string, PanelRole] => entry[1] !== "")
        .map(([userId, role]) => ({ userId, role })),
      blind,
      standstillDays: Number(standstill),
    });
  };

  return (
    <div>
      <Button
        variant={open ? "secondary" : "primary"}
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen(!open)}
      >
        {setup.defined ? t("evaluation.setup.edit") : t("evaluation.setup.open")}
      </Button>
      <form
        id={formId}
        hidden={!open}
        className="stack card card__body"
        onSubmit={submit}
        noValidate
      >
        <h4>{t("evaluation.setup.heading")}</h4>
        <p className="small">{t("evaluation.setup.lead")}</p>
        {define.isSuccess && (
          <Alert tone="success" title={t("evaluation.setup.saved")} focusOnShow />
        )}
        {define.isError && <EvaluationProblem error={define.error} />}
        <fieldset className="stack">
          <legend>{t("evaluation.setup.criteria")}</legend>
          {criteria.map((criterion, index) => (
            <div className="evaluation-criterion" key={criterion.key}>
              <TextField
                label={t("evaluation.setup.name", { number: index + 1 })}
                value={criterion.name}
                onChange={(name) => change(index, { name })}
                required
              />
              <TextField
                label={t("evaluation.setup.description")}
                value={criterion.description}
                onChange={(description) => change(index, { description })}
                optional
              />
              <TextField
                label={t("evaluation.setup.weight")}
                type="number"
                min={1}
                max={100}
                inputMode="numeric"
                width="short"
                value={criterion.weight}
                onChange={(weight) => change(index, { weight })}
              />
              <Select
                label={t("evaluation.setup.kind")}
                value={criterion.kind}
                onChange={(kind) => change(index, { kind: kind as CriterionKind })}
                options={[
                  { value: "technical", label: t("evaluation.criteria.kind.technical") },
                  { value: "financial", label: t("evaluation.criteria.kind.financial") },
                ]}
              />
              {criteria.length > 1 && (
                <Button
                  variant="secondary"
                  small
                  onClick={() => setCriteria(criteria.filter((_, at) => at !== index))}
                >
                  {t("evaluation.setup.remove", { number: index + 1 })}
                </Button>
              )}
            </div>
          ))}
          <p aria-live="polite" className={sum === 100 ? "" : "evaluation-sum--off"}>
            {t("evaluation.setup.sum", { sum })}
            {sum !== 100 && ` ${t("evaluation.setup.sumOff")}`}
          </p>
          <Button
            variant="secondary"
            small
            onClick={() =>
              setCriteria([
                ...criteria,
                { key: draftKey(), name: "", description: "", weight: "0", kind: "technical" },
              ])
            }
          >
            {t("evaluation.setup.add")}
          </Button>
        </fieldset>
        <fieldset className="stack">
          <legend>{t("evaluation.setup.panel")}</legend>
          <p className="small muted">{t("evaluation.setup.panelHint")}</p>
          {(members.data?.members ?? []).map((member) => (
            <Select
              key={member.userId}
              label={member.name}
              value={seats[member.userId] ?? ""}
              onChange={(role) => setSeats({ ...seats, [member.userId]: role as PanelRole | "" })}
              options={[
                { value: "", label: t("evaluation.setup.seat.none") },
                { value: "evaluator", label: t("evaluation.setup.seat.evaluator") },
                { value: "chair", label: t("evaluation.setup.seat.chair") },
              ]}
            />
          ))}
          <p aria-live="polite" className={chairs === 1 ? "small" : "small evaluation-sum--off"}>
            {t("evaluation.setup.chairs", { count: chairs })}
          </p>
        </fieldset>
        <Checkbox
          label={t("evaluation.setup.blind")}
          hint={t("evaluation.setup.blindHint")}
          checked={blind}
          onChange={setBlind}
        />
        <TextField
          label={t("evaluation.setup.standstill")}
          hint={t("evaluation.setup.standstillHint")}
          type="number"
          min={0}
          max={90}
          width="short"
          value={standstill}
          onChange={setStandstill}
        />
        <div>
          <Button type="submit" busy={define.isPending}>
            {t("evaluation.setup.save")}
          </Button>
        </div>
      </form>
    </div>
  );
}

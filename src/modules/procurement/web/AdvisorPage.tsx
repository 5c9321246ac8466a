import "./advisor.css";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { api } from "../../../ui/api/api-client.ts";
import { Badge } from "../../../ui/components/Badge.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { FormProblems } from "../../../ui/forms/FormProblems.tsx";
import { type FieldErrors, useFieldErrors } from "../../../ui/forms/field-errors.ts";
import { Select } from "../../../ui/forms/Select.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import type { Challenge } from "../../challenges/contract.ts";
import {
  type Advice,
  type AdvisorAnswers,
  type AdvisorAnswersInput,
  DEFAULT_THRESHOLDS,
  type ProcurementModel,
  type ProcurementPlan,
} from "../contract-advisor.ts";
import { toMajor, toMinor, useAdvisorText } from "./advisor-text.ts";
import { useAdvice, useProcurementPlan, useSavePlan } from "./plan-queries.ts";

/**
 * The route advisor: a short form of the answers that decide how the city buys, the advice with
 * its reasons, alternatives and warnings, and applying a plan to the draft challenge (the
 * recommended model or another, with a reason). Native radios and selects: keyboard-usable as
 * they are; the advice takes the focus when it arrives.
 */
export function AdvisorPage() {
  const { t } = useTranslation("procurement");
  const { id = "" } = useParams();
  const challenge = useQuery({
    queryKey: ["procurement", "challenge", id],
    queryFn: ({ signal }) =>
      api.get<Challenge>(`/api/v1/challenges/${encodeURIComponent(id)}`, undefined, signal),
  });
  const plan = useProcurementPlan(id);
  return (
    <QueryState query={challenge} namespace="procurement" loadingLabel={t("advisor.loading")}>
      {(challengeData) => (
        <QueryState query={plan} namespace="procurement" loadingLabel={t("advisor.loading")}>
          {(planData) => <Advisor challenge={challengeData} plan={planData} />}
        </QueryState>
      )}
    </QueryState>
  );
}

type YesNo = "yes" | "no";

interface FormState {
  marketSolution: "yes" | "partly" | "no" | "";
  trl: string;
  amount: string;
  currency: string;
  contractKind: "supplies_services" | "works";
  rdNeeded: YesNo | "";
  buyAfterPilot: YesNo | "";
  needWellDefined: YesNo | "";
  thresholdCurrency: string;
  lowValue: string;
  suppliesServices: string;
  works: string;
}

const yesNo = (value: boolean | undefined): YesNo | "" =>
  value === undefined ? "" : value ? "yes" : "no";

function initialState(answers: AdvisorAnswers | undefined, challenge: Challenge): FormState {
  const thresholds = answers?.thresholds ?? DEFAULT_THRESHOLDS;
  const value = answers?.estimatedValue;
  const budgetCurrency = challenge.budget?.currency;
  return {
    marketSolution: answers?.marketSolution ?? "",
    trl: answers?.trl ? String(answers.trl) : "",
    amount: value
      ? toMajor(value.amountMinor, value.currency)
      : challenge.budget
        ? toMajor(challenge.budget.maxMinor, challenge.budget.currency)
        : "",
    currency: value?.currency ?? budgetCurrency ?? thresholds.currency,
    contractKind: answers?.contractKind ?? "supplies_services",
    rdNeeded: yesNo(answers?.rdNeeded),
    buyAfterPilot: yesNo(answers?.buyAfterPilot),
    needWellDefined: yesNo(answers?.needWellDefined),
    thresholdCurrency: thresholds.currency,
    lowValue: toMajor(thresholds.lowValueMinor, thresholds.currency),
    suppliesServices: toMajor(thresholds.suppliesServicesMinor, thresholds.currency),
    works: toMajor(thresholds.worksMinor, thresholds.currency),
  };
}

const FIELDS = [
  "marketSolution",
  "trl",
  "amount",
  "currency",
  "rdNeeded",
  "buyAfterPilot",
  "needWellDefined",
  "lowValue",
  "suppliesServices",
  "works",
] as const;

function Advisor({ challenge, plan }: { challenge: Challenge; plan: ProcurementPlan | null }) {
  const { t } = useTranslation("procurement");
  const base = useId();
  const [form, setForm] = useState<FormState>(() =>
    initialState(plan?.advisor?.answers, challenge),
  );
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const advice = useAdvice();
  const fieldError = useFieldErrors(client, advice.error);
  const ids = Object.fromEntries(FIELDS.map((name) => [name, `${base}-${name}`])) as Record<
    (typeof FIELDS)[number],
    string
  >;
  const labels = Object.fromEntries(
    FIELDS.map((name) => [name, t(`advisor.fields.${name}`)]),
  ) as Record<string, string>;
  const set = (change: Partial<FormState>) => setForm((current) => ({ ...current, ...change }));

  /** The answers, or the problems with them in the reader's language. */
  const read = (): { answers?: AdvisorAnswersInput; errors: FieldErrors } => {
    const errors: FieldErrors = {};
    const required = t("advisor.checks.choose");
    for (const name of ["marketSolution", "rdNeeded", "buyAfterPilot", "needWellDefined"] as const)
      if (form[name] === "") errors[name] = required;
    const currency = form.currency.trim().toUpperCase();
    const thresholdCurrency = form.thresholdCurrency.trim().toUpperCase();
    const amount = form.amount.trim() === "" ? null : toMinor(form.amount, currency);
    if (form.amount.trim() !== "" && amount === null) errors.amount = t("advisor.checks.amount");
    if (!/^[A-Z]{3}$/.test(currency)) errors.currency = t("advisor.checks.currency");
    const low = toMinor(form.lowValue, thresholdCurrency);
    const supplies = toMinor(form.suppliesServices, thresholdCurrency);
    const works = toMinor(form.works, thresholdCurrency);
    if (low === null) errors.lowValue = t("advisor.checks.amount");
    if (supplies === null) errors.suppliesServices = t("advisor.checks.amount");
    if (works === null) errors.works = t("advisor.checks.amount");
    if (Object.keys(errors).length > 0) return { errors };
    return {
      errors,
      answers: {
        marketSolution: form.marketSolution as "yes" | "partly" | "no",
        trl: form.trl === "" ? null : Number(form.trl),
        estimatedValue: amount === null ? null : { amountMinor: amount, currency },
        contractKind: form.contractKind,
        thresholds: {
          currency: thresholdCurrency,
          lowValueMinor: low!,
          suppliesServicesMinor: supplies!,
          worksMinor: works!,
        },
        rdNeeded: form.rdNeeded === "yes",
        buyAfterPilot: form.buyAfterPilot === "yes",
        needWellDefined: form.needWellDefined === "yes",
      },
    };
  };
  const [asked, setAsked] = useState<AdvisorAnswersInput | null>(null);

  return (
    <>
      <PageHeader
        eyebrow={<Link to={`/challenges/${challenge.id}`}>{challenge.title}</Link>}
        title={t("advisor.page.title")}
        lead={<p>{t("advisor.page.lead")}</p>}
      />
      <form
        className="form advisor-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const { answers, errors } = read();
          setClient(errors);
          setAttempt((n) => n + 1);
          if (!answers) return;
          setAsked(answers);
          advice.mutate(answers);
        }}
      >
        <FormProblems
          client={client}
          error={advice.error}
          fieldIds={ids}
          labels={labels}
          namespace="procurement"
          attempt={attempt}
        />
        <Choice
          id={ids.marketSolution}
          legend={t("advisor.fields.marketSolution")}
          hint={t("advisor.hints.marketSolution")}
          value={form.marketSolution}
          options={["yes", "partly", "no"].map((value) => ({
            value,
            label: t(`advisor.options.market.${value}`),
          }))}
          onChange={(value) => set({ marketSolution: value as FormState["marketSolution"] })}
          error={fieldError("marketSolution")}
        />
        <Select
          id={ids.trl}
          label={t("advisor.fields.trl")}
          hint={t("advisor.hints.trl")}
          value={form.trl}
          onChange={(trl) => set({ trl })}
          placeholder={t("advisor.options.trlUnknown")}
          options={[1, 2, 3, 4, 5, 6, 7, 8, 9].map((trl) => ({
            value: String(trl),
            label: t("advisor.options.trl", { trl }),
          }))}
          error={fieldError("trl")}
        />
        <div className="advisor-form__value">
          <TextField
            id={ids.amount}
            label={t("advisor.fields.amount")}
            hint={t("advisor.hints.amount")}
            value={form.amount}
            onChange={(amount) => set({ amount })}
            inputMode="decimal"
            width="medium"
            optional
            error={fieldError("amount") ?? fieldError("estimatedValue.amountMinor")}
          />
          <TextField
            id={ids.currency}
            label={t("advisor.fields.currency")}
            value={form.currency}
            onChange={(currency) => set({ currency })}
            width="short"
            maxLength={3}
            error={fieldError("currency") ?? fieldError("estimatedValue.currency")}
          />
        </div>
        <Choice
          id={`${base}-contractKind`}
          legend={t("advisor.fields.contractKind")}
          value={form.contractKind}
          options={["supplies_services", "works"].map((value) => ({
            value,
            label: t(`advisor.options.contractKind.${value}`),
          }))}
          onChange={(value) => set({ contractKind: value as FormState["contractKind"] })}
        />
        {(["rdNeeded", "buyAfterPilot", "needWellDefined"] as const).map((name) => (
          <Choice
            key={name}
            id={ids[name]}
            legend={t(`advisor.fields.${name}`)}
            hint={t(`advisor.hints.${name}`)}
            value={form[name]}
            options={["yes", "no"].map((value) => ({
              value,
              label: t(`advisor.options.${value}`),
            }))}
            onChange={(value) => set({ [name]: value as YesNo })}
            error={fieldError(name)}
          />
        ))}
        <details className="advisor-thresholds">
          <summary>{t("advisor.thresholds.summary")}</summary>
          <p className="small">{t("advisor.thresholds.lead")}</p>
          <TextField
            label={t("advisor.fields.thresholdCurrency")}
            value={form.thresholdCurrency}
            onChange={(thresholdCurrency) => set({ thresholdCurrency })}
            width="short"
            maxLength={3}
          />
          {(["lowValue", "suppliesServices", "works"] as const).map((name) => (
            <TextField
              key={name}
              id={ids[name]}
              label={t(`advisor.fields.${name}`)}
              value={form[name]}
              onChange={(value) => set({ [name]: value })}
              inputMode="decimal"
              width="medium"
              error={fieldError(name)}
            />
          ))}
        </details>
        <div className="form__actions">
          <Button type="submit" disabled={advice.isPending}>
            {t("advisor.page.advise")}
          </Button>
        </div>
      </form>
      {advice.data && asked && (
        <>
          <AdviceView advice={advice.data} />
          <ApplyPlan
            challengeId={challenge.id}
            advice={advice.data}
            answers={asked}
            current={plan}
          />
        </>
      )}
    </>
  );
}

/** A radio group in a fieldset: arrow keys move between its options, as browsers do. */
function Choice({
  id,
  legend,
  hint,
  value,
  options,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  hint?: string;
  value: string;
  options: Array<{ value: string; label: ReactNode }>;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <fieldset
      className={`fieldset${error ? " field--error" : ""}`}
      aria-describedby={
        [hint ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined
      }
    >
      <legend>{legend}</legend>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <div key={option.value} className="checkbox">
            <input
              type="radio"
              id={optionId}
              name={id}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <label htmlFor={optionId}>{option.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

const weightMark = { for: "+", against: "−", excludes: "×" } as const;

/** The advice: the recommendation with its reasons, the warnings, then every alternative. */
function AdviceView({ advice }: { advice: Advice }) {
  const { t } = useTranslation("procurement");
  const text = useAdvisorText();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A new advice takes the focus, so keyboard and screen-reader users land on it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new advice moves the focus.
  useEffect(() => {
    headingRef.current?.focus();
  }, [advice]);
  const [best, ...others] = advice.ranking;
  return (
    <section className="stack advice" aria-labelledby="advice-heading">
      <h2 id="advice-heading" ref={headingRef} tabIndex={-1}>
        {t("advisor.result.recommended", { model: t(`advisor.models.${advice.recommended}.name`) })}
      </h2>
      <p>{t(`advisor.models.${advice.recommended}.summary`)}</p>
      {best && (
        <>
          <h3>{t("advisor.result.why")}</h3>
          <ReasonList reasons={best.reasons} />
        </>
      )}
      {advice.warnings.length > 0 && (
        <div className="advice__warnings" role="note" aria-labelledby="advice-warnings">
          <h3 id="advice-warnings">{t("advisor.result.warnings")}</h3>
          <ul>
            {advice.warnings.map((warning) => (
              <li key={warning.key}>{text("warnings", warning)}</li>
            ))}
          </ul>
        </div>
      )}
      <h3>{t("advisor.result.alternatives")}</h3>
      <ol className="advice__alternatives">
        {others.map((entry) => (
          <li key={entry.model}>
            <h4>
              {t(`advisor.models.${entry.model}.name`)}{" "}
              {entry.eligible ? (
                <Badge tone="neutral">{t("advisor.result.score", { score: entry.score })}</Badge>
              ) : (
                <Badge tone="warning">{t("advisor.result.excluded")}</Badge>
              )}
            </h4>
            <ReasonList reasons={entry.reasons} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function ReasonList({ reasons }: { reasons: Advice["ranking"][number]["reasons"] }) {
  const { t } = useTranslation("procurement");
  const text = useAdvisorText();
  return (
    <ul className="advice__reasons">
      {reasons.map((reason) => (
        <li key={reason.key} className={`advice__reason advice__reason--${reason.weight}`}>
          <span aria-hidden="true">{weightMark[reason.weight]} </span>
          <span className="visually-hidden">{t(`advisor.result.weight.${reason.weight}`)}: </span>
          {text("reasons", reason)}
        </li>
      ))}
    </ul>
  );
}

/** Apply a plan: the recommended model, or another with the reason why. */
function ApplyPlan({
  challengeId,
  advice,
  answers,
  current,
}: {
  challengeId: string;
  advice: Advice;
  answers: AdvisorAnswersInput;
  current: ProcurementPlan | null;
}) {
  const { t } = useTranslation("procurement");
  const navigate = useNavigate();
  const base = useId();
  const [model, setModel] = useState<ProcurementModel>(advice.recommended);
  const [reason, setReason] = useState("");
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const save = useSavePlan(challengeId);
  const fieldError = useFieldErrors(client, save.error);
  useEffect(() => setModel(advice.recommended), [advice.recommended]);
  const deviating = model !== advice.recommended;
  const ids = { chosenModel: `${base}-model`, deviationReason: `${base}-reason` };
  return (
    <form
      className="form stack"
      noValidate
      aria-labelledby={`${base}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        const errors: FieldErrors = {};
        if (deviating && reason.trim().length < 10)
          errors.deviationReason = t("advisor.checks.deviationReason");
        setClient(errors);
        setAttempt((n) => n + 1);
        if (Object.keys(errors).length > 0) return;
        save.mutate(
          { answers, chosenModel: model, deviationReason: deviating ? reason.trim() : null },
          { onSuccess: () => navigate(`/challenges/${challengeId}#plan`) },
        );
      }}
    >
      <h2 id={`${base}-heading`}>{t("advisor.apply.heading")}</h2>
      <p>{current ? t("advisor.apply.replaces") : t("advisor.apply.lead")}</p>
      <FormProblems
        client={client}
        error={save.error}
        fieldIds={ids}
        labels={{
          chosenModel: t("advisor.apply.model"),
          deviationReason: t("advisor.apply.reason"),
        }}
        namespace="procurement"
        attempt={attempt}
      />
      <Choice
        id={ids.chosenModel}
        legend={t("advisor.apply.model")}
        value={model}
        options={advice.ranking.map((entry) => ({
          value: entry.model,
          label:
            entry.model === advice.recommended
              ? t("advisor.apply.recommendedOption", {
                  model: t(`advisor.models.${entry.model}.name`),
                })
              : t(`advisor.models.${entry.model}.name`),
        }))}
        onChange={(value) => setModel(value as ProcurementModel)}
      />
      {deviating && (
        <TextField
          id={ids.deviationReason}
          label={t("advisor.apply.reason")}
          hint={t("advisor.apply.reasonHint")}
          value={reason}
          onChange={setReason}
          rows={3}
          error={fieldError("deviationReason")}
        />
      )}
      <div className="form__actions">
        <Button type="submit" disabled={save.isPending}>
          {t("advisor.apply.submit")}
        </Button>
      </div>
    </form>
  );
}

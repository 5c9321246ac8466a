import type { TFunction } from "i18next";
import { looksLikeEmail } from "../../../../ui/forms/checks.ts";
import type { FieldErrors } from "../../../../ui/forms/field-errors.ts";
import type {
  Challenge,
  CreateChallengeBody,
  ProcurementModel,
  Sector,
  UpdateChallengeBody,
} from "../../contract.ts";
import { fromLocalInput, toLocalInput } from "../deadlines.ts";
import { toMajorUnits, toMinorUnits } from "../money.ts";

/** The form's values as typed: text for every number, local times for the deadlines. */
export interface ChallengeDraft {
  organisationId: string;
  title: string;
  summary: string;
  description: string;
  sectors: Sector[];
  capabilities: string[];
  kpis: Array<{ metric: string; baseline: string; target: string; unit: string }>;
  budgetMin: string;
  budgetMax: string;
  currency: string;
  minTrl: string;
  procurementModel: ProcurementModel | "";
  questionDeadline: string;
  proposalDeadline: string;
  awardDate: string;
  contacts: Array<{ name: string; role: string; email: string }>;
}

export const emptyDraft: ChallengeDraft = {
  organisationId: "",
  title: "",
  summary: "",
  description: "",
  sectors: [],
  capabilities: [],
  kpis: [],
  budgetMin: "",
  budgetMax: "",
  currency: "EUR",
  minTrl: "",
  procurementModel: "",
  questionDeadline: "",
  proposalDeadline: "",
  awardDate: "",
  contacts: [{ name: "", role: "", email: "" }],
};

export function draftOf(challenge: Challenge): ChallengeDraft {
  const currency = challenge.budget?.currency ?? "EUR";
  return {
    organisationId: challenge.organisation.id,
    title: challenge.title,
    summary: challenge.summary,
    description: challenge.description,
    sectors: challenge.sectors,
    capabilities: challenge.capabilities,
    kpis: challenge.kpis.map((kpi) => ({
      metric: kpi.metric,
      baseline: kpi.baseline === null ? "" : String(kpi.baseline),
      target: String(kpi.target),
      unit: kpi.unit,
    })),
    budgetMin: challenge.budget ? toMajorUnits(challenge.budget.minMinor, currency) : "",
    budgetMax: challenge.budget ? toMajorUnits(challenge.budget.maxMinor, currency) : "",
    currency,
    minTrl: challenge.minTrl ? String(challenge.minTrl) : "",
    procurementModel: challenge.procurementModel,
    questionDeadline: toLocalInput(challenge.timeline.questionDeadline),
    proposalDeadline: toLocalInput(challenge.timeline.proposalDeadline),
    awardDate: toLocalInput(challenge.timeline.awardDate),
    contacts: challenge.contacts.length
      ? challenge.contacts.map((contact) => ({ ...contact }))
      : emptyDraft.contacts,
  };
}

const decimal = (text: string): number | null => {
  const value = Number(text.replace(",", ".").trim());
  return text.trim() !== "" && Number.isFinite(value) ? value : null;
};

const filled = (row: Record<string, string>) => Object.values(row).some((v) => v.trim() !== "");

/** Our own checks, mirroring the contract's, keyed by the server's field paths. */
export function checkDraft(draft: ChallengeDraft, t: TFunction, creating: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (creating && !draft.organisationId) errors.organisationId = t("form.checks.organisation");
  if (draft.title.trim().length < 5) errors.title = t("form.checks.title");
  if (draft.summary.trim().length < 20) errors.summary = t("form.checks.summary");
  if (draft.sectors.length === 0) errors.sectors = t("form.checks.sectors");
  if (!draft.procurementModel) errors.procurementModel = t("form.checks.model");
  draft.kpis.forEach((kpi, index) => {
    if (!filled(kpi)) return;
    if (kpi.metric.trim().length < 2) errors[`kpis.${index}.metric`] = t("form.checks.kpiMetric");
    if (decimal(kpi.target) === null) errors[`kpis.${index}.target`] = t("form.checks.number");
    if (kpi.baseline.trim() && decimal(kpi.baseline) === null)
      errors[`kpis.${index}.baseline`] = t("form.checks.number");
    if (!kpi.unit.trim()) errors[`kpis.${index}.unit`] = t("form.checks.kpiUnit");
  });
  if (draft.budgetMin || draft.budgetMax) {
    const min = toMinorUnits(draft.budgetMin || "0", draft.currency);
    const max = toMinorUnits(draft.budgetMax || draft.budgetMin, draft.currency);
    if (min === null) errors["budget.minMinor"] = t("form.checks.amount");
    if (max === null) errors["budget.maxMinor"] = t("form.checks.amount");
    else if (min !== null && max < min) errors["budget.maxMinor"] = t("form.checks.budgetOrder");
    if (!/^[A-Za-z]{3}$/.test(draft.currency.trim()))
      errors["budget.currency"] = t("form.checks.currency");
  }
  draft.contacts.forEach((contact, index) => {
    if (!filled(contact)) return;
    if (contact.name.trim().length < 2)
      errors[`contacts.${index}.name`] = t("form.checks.contactName");
    if (!looksLikeEmail(contact.email)) errors[`contacts.${index}.email`] = t("form.checks.email");
  });
  return errors;
}

/** What the API takes: numbers as numbers, money in minor units, times as ISO instants. */
export function bodyOf(
  draft: ChallengeDraft,
): Omit<CreateChallengeBody, "organisationId"> & UpdateChallengeBody {
  const currency = draft.currency.trim().toUpperCase();
  const timeline = {
    ...(fromLocalInput(draft.questionDeadline)
      ? { questionDeadline: fromLocalInput(draft.questionDeadline)! }
      : {}),
    ...(fromLocalInput(draft.proposalDeadline)
      ? { proposalDeadline: fromLocalInput(draft.proposalDeadline)! }
      : {}),
    ...(fromLocalInput(draft.awardDate) ? { awardDate: fromLocalInput(draft.awardDate)! } : {}),
  };
  const hasBudget = draft.budgetMin.trim() !== "" || draft.budgetMax.trim() !== "";
  return {
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    description: draft.description.trim(),
    sectors: draft.sectors,
    capabilities: draft.capabilities,
    kpis: draft.kpis.filter(filled).map((kpi) => ({
      metric: kpi.metric.trim(),
      baseline: decimal(kpi.baseline),
      target: decimal(kpi.target) ?? 0,
      unit: kpi.unit.trim(),
    })),
    budget: hasBudget
      ? {
          minMinor: toMinorUnits(draft.budgetMin || "0", currency) ?? 0,
          maxMinor: toMinorUnits(draft.budgetMax || draft.budgetMin, currency) ?? 0,
          currency,
        }
      : null,
    minTrl: draft.minTrl ? Number(draft.minTrl) : null,
    procurementModel: draft.procurementModel as ProcurementModel,
    timeline,
    contacts: draft.contacts.filter(filled).map((contact) => ({
      name: contact.name.trim(),
      role: contact.role.trim(),
      email: contact.email.trim(),
    })),
  };
}

import type { TFunction } from "i18next";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../../ui/api/api-error.ts";
import { collectErrors, isHttpAddress } from "../../../../ui/forms/checks.ts";
import type { FieldErrors } from "../../../../ui/forms/field-errors.ts";
import type { CreateSolutionBody, Sector, Solution } from "../../contract.ts";

/** What the solution form holds while it is being filled in. */
export interface SolutionValues {
  providerId: string;
  title: string;
  summary: string;
  description: string;
  sectors: Sector[];
  capabilities: string[];
  trl: string;
  countriesDeployed: string[];
  /** One address per line. */
  referenceLinks: string;
}

export const solutionFieldNames = [
  "providerId",
  "title",
  "summary",
  "description",
  "sectors",
  "capabilities",
  "trl",
  "countriesDeployed",
  "media",
  "referenceLinks",
] as const;

export const emptySolution: SolutionValues = {
  providerId: "",
  title: "",
  summary: "",
  description: "",
  sectors: [],
  capabilities: [],
  trl: "",
  countriesDeployed: [],
  referenceLinks: "",
};

export function valuesOf(solution: Solution): SolutionValues {
  return {
    providerId: solution.provider.id,
    title: solution.title,
    summary: solution.summary,
    description: solution.description,
    sectors: solution.sectors,
    capabilities: solution.capabilities.map((capability) => capability.code),
    trl: String(solution.trl),
    countriesDeployed: solution.countriesDeployed,
    referenceLinks: solution.referenceLinks.join("\n"),
  };
}

const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** The same limits the server checks, in the reader's language. */
export function checkSolution(values: SolutionValues, t: TFunction): FieldErrors {
  const title = values.title.trim();
  const summary = values.summary.trim();
  return collectErrors({
    providerId: !values.providerId && t("form.checks.providerMissing"),
    title: (title.length < 3 || title.length > 160) && t("form.checks.title"),
    summary: (summary.length < 10 || summary.length > 500) && t("form.checks.summary"),
    description: values.description.length > 20_000 && t("form.checks.description"),
    sectors: values.sectors.length === 0 && t("form.checks.sectors"),
    trl: !values.trl && t("form.checks.trl"),
    referenceLinks:
      linesOf(values.referenceLinks).some((line) => !isHttpAddress(line)) &&
      t("form.checks.referenceLinks"),
  });
}

/** The form's fields as the API takes them; images are not among them (see MediaFields). */
export function solutionBody(values: SolutionValues): CreateSolutionBody {
  return {
    providerId: values.providerId,
    title: values.title.trim(),
    summary: values.summary.trim(),
    description: values.description.trim(),
    sectors: values.sectors,
    capabilities: values.capabilities,
    trl: Number(values.trl),
    countriesDeployed: values.countriesDeployed,
    referenceLinks: linesOf(values.referenceLinks),
  };
}

/**
 * The message next to a field: our own check first, else what the server said about it or
 * about one of its entries ("body.referenceLinks.2" belongs to referenceLinks).
 */
export function useSolutionFieldErrors(client: FieldErrors, error: unknown) {
  const { t } = useTranslation("ui");
  return useCallback(
    (field: string): string | undefined => {
      const own = client[field];
      if (own) return own;
      if (!isApiError(error)) return undefined;
      const problem = error.fieldProblems.find((candidate) => {
        const name = candidate.field.split(".").slice(1).join(".");
        return name === field || name.startsWith(`${field}.`);
      });
      return problem ? t("form.serverFieldError", { message: problem.message }) : undefined;
    },
    [client, error, t],
  );
}

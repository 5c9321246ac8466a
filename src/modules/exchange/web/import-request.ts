import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../ui/api/api-client.ts";
import { isApiError } from "../../../ui/api/api-error.ts";
import type { ImportProblem, ImportReport } from "../contract.ts";

export interface ImportInput {
  text: string;
  /** The chosen file's name, when the text came from a file. */
  fileName: string | null;
  dryRun: boolean;
  /** The cluster importing, for people who import for a cluster rather than the platform. */
  clusterId: string | null;
}

/** A bundle is JSON (a .json file, or pasted text that starts with "{"); anything else is CSV. */
export function contentTypeOf(input: Pick<ImportInput, "text" | "fileName">): string {
  const json = input.fileName
    ? input.fileName.toLowerCase().endsWith(".json")
    : input.text.trimStart().startsWith("{");
  return json ? "application/json" : "text/csv";
}

export function useImport() {
  return useMutation({
    mutationFn: (input: ImportInput) =>
      apiRequest<ImportReport>("POST", "/api/v1/import", {
        query: {
          dryRun: input.dryRun ? "true" : undefined,
          cluster: input.clusterId ?? undefined,
        },
        raw: new Blob([input.text], { type: contentTypeOf(input) }),
      }),
  });
}

/** The problems of a refused file (422 import_invalid), or null for any other failure. */
export function importProblemsOf(error: unknown): ImportProblem[] | null {
  if (!isApiError(error) || error.status !== 422) return null;
  return error.fieldProblems as unknown as ImportProblem[];
}

import { useCallback, useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../api/api-error.ts";

/** Field name → message. Client-side checks fill it in the reader's language. */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * The message shown next to a field: our own check first, else what the server said about it
 * (its message is English, so a translated lead says what it is about).
 */
export function useFieldErrors(client: FieldErrors, error: unknown) {
  const { t } = useTranslation("ui");
  return useCallback(
    (field: string): string | undefined => {
      const own = client[field];
      if (own) return own;
      const server = isApiError(error) ? error.messageFor(field) : undefined;
      return server ? t("form.serverFieldError", { message: server }) : undefined;
    },
    [client, error, t],
  );
}

/** Stable element ids for a form's fields, so the error summary can link to each. */
export function useFieldIds<const Name extends string>(
  names: readonly Name[],
): Record<Name, string> {
  const base = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the names of a form never change.
  return useMemo(
    () =>
      Object.fromEntries(names.map((name) => [name, `${base}-${name}`])) as Record<Name, string>,
    [base],
  );
}

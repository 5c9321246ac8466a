import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../api/api-error.ts";
import { useFormatting } from "../i18n/formatting.ts";

/**
 * What to tell a person about a failed call: the module's translation of the problem's code,
 * else the kernel's, else the server's (English) title, with the problem's params put in. A
 * requested wait is spelled out.
 */
export function useProblemText(namespace?: string, messages?: Partial<Record<string, string>>) {
  const { t } = useTranslation("ui");
  const format = useFormatting();
  return useCallback(
    (error: unknown): string => {
      if (!isApiError(error)) return t("errors.unexpected");
      const own = messages?.[error.code];
      if (own) return own;
      const keys = [
        ...(namespace ? [`${namespace}:errors.${error.code}`] : []),
        `ui:errors.${error.code}`,
        ...(error.status >= 500 ? ["ui:errors.server"] : []),
      ];
      const text = t(keys, { ...error.params, defaultValue: error.title });
      if (error.status === 429 && error.retryAfterSeconds !== undefined) {
        return `${text} ${t("errors.retryAfter", { when: format.waitFor(error.retryAfterSeconds) })}`;
      }
      return text;
    },
    [t, namespace, messages, format],
  );
}

import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../ui/api/api-error.ts";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { errorIdOf, hintIdOf } from "../../../ui/forms/Field.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import type { VerifyReceiptBody } from "../contract.ts";
import { useVerifyReceipt } from "./procurement-queries.ts";

/** The receipt's fields the server reads, from pasted or uploaded JSON; a problem key otherwise. */
function readReceipt(text: string): VerifyReceiptBody | "empty" | "json" | "fields" {
  if (!text.trim()) return "empty";
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "json";
  }
  const receipt = value as Partial<Record<keyof VerifyReceiptBody, unknown>>;
  if (
    !receipt ||
    typeof receipt.proposalId !== "string" ||
    typeof receipt.revision !== "number" ||
    typeof receipt.sha256 !== "string"
  ) {
    return "fields";
  }
  return { proposalId: receipt.proposalId, revision: receipt.revision, sha256: receipt.sha256 };
}

/** Anyone holding a receipt asks the platform to recompute its hash from the stored content. */
export function VerifyReceiptPage() {
  const { t } = useTranslation("procurement");
  const format = useFormatting();
  const textId = useId();
  const fileId = useId();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const verify = useVerifyReceipt();
  const unknown = isApiError(verify.error) && verify.error.status === 404;
  const result = verify.data;
  return (
    <>
      <PageHeader title={t("verify.title")} lead={<p>{t("verify.lead")}</p>} />
      <div className="stack narrow">
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const receipt = readReceipt(text);
            if (typeof receipt === "string") {
              setProblem(t(`verify.checks.${receipt}`));
              document.getElementById(textId)?.focus();
              return;
            }
            setProblem(null);
            verify.mutate(receipt);
          }}
        >
          <TextField
            id={textId}
            label={t("verify.receipt")}
            hint={t("verify.receiptHint")}
            rows={9}
            value={text}
            onChange={setText}
            error={problem ?? undefined}
            className="mono"
          />
          <div className="field">
            <label className="field__label" htmlFor={fileId}>
              {t("verify.file")}
            </label>
            <input
              id={fileId}
              type="file"
              accept=".json,application/json"
              aria-describedby={problem ? errorIdOf(textId) : hintIdOf(textId)}
              onChange={async (event) => {
                const file = event.target.files?.[0];
                if (file) setText(await file.text());
              }}
            />
          </div>
          <div className="button-row">
            <Button type="submit" busy={verify.isPending}>
              {t("verify.submit")}
            </Button>
          </div>
        </form>
        {result && (
          <Alert
            tone={result.matches ? "success" : "error"}
            title={result.matches ? t("verify.matches") : t("verify.mismatch")}
            focusOnShow
          >
            <p>
              {t("verify.details", {
                revision: result.revision,
                proposalId: result.proposalId,
                date: format.dateTime(result.submittedAt),
              })}
            </p>
            <p>
              {result.status === "submitted"
                ? t("verify.statusSubmitted")
                : t("verify.statusWithdrawn")}{" "}
              {result.latest ? t("verify.latest") : t("verify.notLatest")}
            </p>
          </Alert>
        )}
        {unknown && <Alert tone="warning" title={t("verify.unknown")} focusOnShow />}
        {verify.isError && !unknown && (
          <ProblemAlert error={verify.error} namespace="procurement" />
        )}
      </div>
    </>
  );
}

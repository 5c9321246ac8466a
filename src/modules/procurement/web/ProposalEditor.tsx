import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../ui/components/Button.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { errorIdOf, hintIdOf } from "../../../ui/forms/Field.tsx";
import { FormProblems } from "../../../ui/forms/FormProblems.tsx";
import { type FieldErrors, useFieldErrors } from "../../../ui/forms/field-errors.ts";
import { Select } from "../../../ui/forms/Select.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import { toMajorUnits, toMinorUnits } from "../../challenges/web/money.ts";
import type {
  Bidder,
  BidderRef,
  Price,
  ProposalFile,
  ProposalForm,
  SubmissionResult,
} from "../contract.ts";
import { useSubmitProposal, useUploadFile } from "./procurement-queries.ts";

const MAX_BYTES = 10 * 1024 * 1024;
const characters = (text: string) => [...text.trim()].length;

/** The form's sections with their titles and guidance in the reader's language (default form). */
export function useSectionTexts(form: ProposalForm) {
  const { t } = useTranslation("procurement");
  return form.sections.map((section) =>
    form.custom
      ? section
      : {
          ...section,
          title: t(`defaultSections.${section.key}.title`, { defaultValue: section.title }),
          guidance: t(`defaultSections.${section.key}.guidance`, {
            defaultValue: section.guidance,
          }),
        },
  );
}

export interface ProposalDraft {
  sections: Record<string, string>;
  price: Price;
  files: ProposalFile[];
}

/**
 * The bidder's proposal: the challenge's sections, the price, attachments (uploaded one by one,
 * then listed in the submission). Submits a new proposal, or a revision of `proposalId`.
 */
export function ProposalEditor({
  challengeId,
  form,
  bidders,
  proposalId,
  initial,
  onDone,
  onCancel,
}: {
  challengeId: string;
  form: ProposalForm;
  /** Whom the reader may submit for (one, fixed, for a revision). */
  bidders: Bidder[];
  proposalId?: string;
  initial?: ProposalDraft;
  onDone: (result: SubmissionResult) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation("procurement");
  const base = useId();
  const sections = useSectionTexts(form);
  const [bidderValue, setBidderValue] = useState(
    bidders.length === 1 ? `${bidders[0]!.kind}:${bidders[0]!.id}` : "",
  );
  const [texts, setTexts] = useState<Record<string, string>>(initial?.sections ?? {});
  const [amount, setAmount] = useState(
    initial ? toMajorUnits(initial.price.amountMinor, initial.price.currency) : "",
  );
  const [currency, setCurrency] = useState(initial?.price.currency ?? "EUR");
  const [files, setFiles] = useState<ProposalFile[]>(initial?.files ?? []);
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const submit = useSubmitProposal(challengeId);
  const upload = useUploadFile(challengeId);
  const fieldError = useFieldErrors(client, submit.error);

  const bidder: BidderRef | null = (() => {
    const [kind, id] = bidderValue.split(":");
    return kind && id ? { kind: kind as BidderRef["kind"], id } : null;
  })();
  const ids: Record<string, string> = {
    bidder: `${base}-bidder`,
    "price.amountMinor": `${base}-amount`,
    "price.currency": `${base}-currency`,
    attachments: `${base}-file`,
    ...Object.fromEntries(
      sections.map((section) => [`sections.${section.key}`, `${base}-section-${section.key}`]),
    ),
  };
  files.forEach((_file, index) => {
    ids[`attachments.${index}`] = `${base}-file`;
  });
  const labels: Record<string, string> = {
    bidder: t("submit.bidder"),
    "price.amountMinor": t("submit.amount"),
    "price.currency": t("submit.currency"),
    attachments: t("submit.attachments"),
    ...Object.fromEntries(sections.map((section) => [`sections.${section.key}`, section.title])),
  };

  const check = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!bidder) errors.bidder = t("submit.checks.bidder");
    for (const section of sections) {
      const text = texts[section.key] ?? "";
      const count = characters(text);
      if (section.required && count === 0) {
        errors[`sections.${section.key}`] = t("submit.checks.required", { section: section.title });
      } else if (count > section.maxLength) {
        errors[`sections.${section.key}`] = t("submit.checks.tooLong", {
          section: section.title,
          count,
          max: section.maxLength,
        });
      }
    }
    if (!/^[A-Za-z]{3}$/.test(currency.trim()))
      errors["price.currency"] = t("submit.checks.currency");
    else if (toMinorUnits(amount, currency.trim().toUpperCase()) === null) {
      errors["price.amountMinor"] = t("submit.checks.amount");
    }
    return errors;
  };

  const addFile = () => {
    const file = fileInput.current?.files?.[0];
    if (!file) return setFileProblem(t("submit.checks.fileMissing"));
    if (file.size > MAX_BYTES) return setFileProblem(t("submit.checks.fileSize"));
    if (!bidder) return setFileProblem(t("submit.checks.bidder"));
    setFileProblem(null);
    upload.mutate(
      { bidder, file },
      {
        onSuccess: (uploaded) => {
          setFiles((current) => [...current, uploaded]);
          if (fileInput.current) fileInput.current.value = "";
        },
      },
    );
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const errors = check();
        setClient(errors);
        setAttempt((n) => n + 1);
        if (Object.keys(errors).length > 0 || !bidder) return;
        const code = currency.trim().toUpperCase();
        const content = {
          sections: Object.fromEntries(
            sections
              .map((section) => [section.key, texts[section.key] ?? ""] as const)
              .filter(([, text]) => text.trim() !== ""),
          ),
          price: { amountMinor: toMinorUnits(amount, code)!, currency: code },
          attachments: files.map((file) => file.id),
        };
        // Not mutate's own onSuccess: once the lists refresh, this form may be gone (the bidder
        // has a proposal now), and the receipt must still reach the page.
        submit
          .mutateAsync(
            proposalId
              ? { kind: "revise", proposalId, content }
              : { kind: "submit", bidder, content },
          )
          .then(onDone, () => {
            // Shown from submit.error.
          });
      }}
    >
      <FormProblems
        client={client}
        error={submit.error}
        fieldIds={ids}
        labels={labels}
        namespace="procurement"
        attempt={attempt}
      />
      {bidders.length > 1 ? (
        <Select
          id={ids.bidder}
          label={labels.bidder}
          value={bidderValue}
          placeholder={t("submit.chooseBidder")}
          options={bidders.map((entry) => ({
            value: `${entry.kind}:${entry.id}`,
            label:
              entry.kind === "consortium"
                ? t("submit.consortium", { name: entry.name })
                : t("submit.organisation", { name: entry.name }),
          }))}
          onChange={setBidderValue}
          error={fieldError("bidder")}
        />
      ) : (
        <p>
          {labels.bidder}: <strong>{bidders[0]?.name}</strong>
        </p>
      )}
      {sections.map((section) => {
        const text = texts[section.key] ?? "";
        return (
          <TextField
            key={section.key}
            id={ids[`sections.${section.key}`]}
            label={section.title}
            optional={!section.required}
            hint={
              <>
                {section.guidance && <span>{section.guidance} </span>}
                <span>
                  {t("submit.characters", { count: characters(text), max: section.maxLength })}
                </span>
              </>
            }
            rows={6}
            value={text}
            onChange={(value) => setTexts((current) => ({ ...current, [section.key]: value }))}
            error={fieldError(`sections.${section.key}`)}
          />
        );
      })}
      <fieldset className="fieldset">
        <legend>{t("submit.price")}</legend>
        <p className="field__hint">{t("submit.priceHint")}</p>
        <TextField
          id={ids["price.amountMinor"]}
          label={labels["price.amountMinor"]}
          value={amount}
          onChange={setAmount}
          inputMode="decimal"
          autoComplete="off"
          width="medium"
          error={fieldError("price.amountMinor")}
        />
        <TextField
          id={ids["price.currency"]}
          label={labels["price.currency"]}
          hint={t("submit.currencyHint")}
          value={currency}
          onChange={setCurrency}
          maxLength={3}
          autoComplete="off"
          width="short"
          error={fieldError("price.currency")}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t("submit.attachments")}</legend>
        {files.length === 0 ? (
          <p className="small muted">{t("submit.noFiles")}</p>
        ) : (
          <ul className="item-list">
            {files.map((file) => (
              <li key={file.id}>
                <span className="item-list__main">{file.filename}</span>
                <Button
                  variant="secondary"
                  small
                  aria-label={t("submit.removeFile", { name: file.filename })}
                  onClick={() =>
                    setFiles((current) => current.filter((entry) => entry.id !== file.id))
                  }
                >
                  {t("submit.remove")}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className={`field${fileProblem ? " field--error" : ""}`}>
          <label className="field__label" htmlFor={ids.attachments}>
            {t("submit.file")}
          </label>
          <div className="field__hint" id={hintIdOf(ids.attachments!)}>
            {t("submit.attachmentsHint")}
          </div>
          {fileProblem && (
            <p className="field__error" id={errorIdOf(ids.attachments!)} role="alert">
              {fileProblem}
            </p>
          )}
          <input
            ref={fileInput}
            id={ids.attachments}
            type="file"
            accept=".pdf,.png,.jpg,.jpeg,.webp,application/pdf,image/png,image/jpeg,image/webp"
            aria-describedby={`${hintIdOf(ids.attachments!)}${fileProblem ? ` ${errorIdOf(ids.attachments!)}` : ""}`}
            aria-invalid={fileProblem ? true : undefined}
          />
        </div>
        <Button variant="secondary" busy={upload.isPending} onClick={addFile}>
          {upload.isPending ? t("submit.uploading") : t("submit.upload")}
        </Button>
        {upload.isError && <ProblemAlert error={upload.error} namespace="procurement" />}
      </fieldset>
      <p className="small muted">{t("submit.sealNote")}</p>
      <div className="button-row">
        <Button type="submit" busy={submit.isPending}>
          {proposalId ? t("submit.submitRevision") : t("submit.submit")}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t("submit.cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}

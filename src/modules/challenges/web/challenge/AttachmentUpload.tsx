import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { errorIdOf, hintIdOf } from "../../../../ui/forms/Field.tsx";
import type { Challenge } from "../../contract.ts";
import { challengeCalls, removeAttachment, useChallengeAction } from "../challenge-queries.ts";

const MAX_BYTES = 10 * 1024 * 1024;

/** Adds a document to the challenge (sent as the raw file, named in the address). */
export function AttachmentUpload({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation("challenges");
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useChallengeAction((file: File) => challengeCalls.upload(challenge.id, file));
  const remove = useChallengeAction((attachmentId: string) =>
    removeAttachment(challenge.id, attachmentId),
  );
  const removable = challenge.abilities.edit ? challenge.attachments : [];

  const send = () => {
    const file = input.current?.files?.[0];
    if (!file) return setProblem(t("attachments.checks.missing"));
    if (file.size > MAX_BYTES) return setProblem(t("attachments.checks.size"));
    setProblem(null);
    upload.mutate(file, {
      onSuccess: () => {
        if (input.current) input.current.value = "";
      },
    });
  };

  return (
    <details className="disclosure">
      <summary>{t("attachments.title")}</summary>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        {upload.isSuccess && (
          <Alert tone="success" title={t("attachments.done", { name: upload.data.filename })} />
        )}
        {upload.isError && <ProblemAlert error={upload.error} namespace="challenges" />}
        {remove.isError && <ProblemAlert error={remove.error} namespace="challenges" />}
        {removable.length > 0 && (
          <ul className="item-list">
            {removable.map((attachment) => (
              <li key={attachment.id}>
                <span className="item-list__main">{attachment.filename}</span>
                <Button
                  variant="secondary"
                  small
                  busy={remove.isPending && remove.variables === attachment.id}
                  onClick={() => remove.mutate(attachment.id)}
                  aria-label={t("attachments.removeNamed", { name: attachment.filename })}
                >
                  {t("attachments.remove")}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className={`field${problem ? " field--error" : ""}`}>
          <label className="field__label" htmlFor={id}>
            {t("attachments.file")}
          </label>
          <div className="field__hint" id={hintIdOf(id)}>
            {t("attachments.hint")}
          </div>
          {problem && (
            <p className="field__error" id={errorIdOf(id)} role="alert">
              {problem}
            </p>
          )}
          <input
            ref={input}
            id={id}
            type="file"
            accept=".pdf,.png,.jpg,.jpeg,.webp,.txt,.csv,.docx,.xlsx"
            aria-describedby={`${hintIdOf(id)}${problem ? ` ${errorIdOf(id)}` : ""}`}
            aria-invalid={problem ? true : undefined}
          />
        </div>
        <Button type="submit" busy={upload.isPending}>
          {upload.isPending ? t("attachments.uploading") : t("attachments.upload")}
        </Button>
      </form>
    </details>
  );
}

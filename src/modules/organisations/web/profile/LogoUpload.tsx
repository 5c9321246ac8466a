import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../ui/api/api-client.ts";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { Card } from "../../../../ui/components/Card.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { errorIdOf, hintIdOf } from "../../../../ui/forms/Field.tsx";
import type { Organisation } from "../../contract.ts";
import { bumpLogoVersion, OrganisationLogo } from "../OrganisationLogo.tsx";
import { useRefreshOrganisations } from "../organisation-queries.ts";

const accepted = ["image/png", "image/jpeg", "image/webp"];
const MAX_BYTES = 512 * 1024;

/** Upload (sent as the raw image, typed by its Content-Type) or remove the logo. */
export function LogoUpload({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation("organisations");
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const refresh = useRefreshOrganisations();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<"uploaded" | "removed" | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => api.put(`/api/v1/organisations/${organisation.id}/logo`, file),
    onSuccess: async () => {
      bumpLogoVersion(organisation.id);
      setDone("uploaded");
      if (input.current) input.current.value = "";
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/v1/organisations/${organisation.id}/logo`),
    onSuccess: async () => {
      bumpLogoVersion(organisation.id);
      setDone("removed");
      await refresh();
    },
  });
  const failure = upload.error ?? remove.error;

  const send = () => {
    setDone(null);
    const file = input.current?.files?.[0];
    if (!file) return setProblem(t("logo.checks.missing"));
    if (!accepted.includes(file.type)) return setProblem(t("logo.checks.type"));
    if (file.size > MAX_BYTES) return setProblem(t("logo.checks.size"));
    setProblem(null);
    upload.mutate(file);
  };

  return (
    <Card title={t("logo.title")} headingLevel={3}>
      <div className="cluster">
        <OrganisationLogo organisation={organisation} large />
        <p className="muted">{organisation.hasLogo ? t("logo.current") : t("logo.none")}</p>
      </div>
      {done && <Alert tone="success" title={t(`logo.${done}`)} />}
      {failure && <ProblemAlert error={failure} namespace="organisations" />}
      <form
        className="form section"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <div className={`field${problem ? " field--error" : ""}`}>
          <label className="field__label" htmlFor={id}>
            {t("logo.file")}
          </label>
          <div className="field__hint" id={hintIdOf(id)}>
            {t("logo.hint")}
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
            accept={accepted.join(",")}
            aria-describedby={`${hintIdOf(id)}${problem ? ` ${errorIdOf(id)}` : ""}`}
            aria-invalid={problem ? true : undefined}
          />
        </div>
        <div className="button-row">
          <Button type="submit" busy={upload.isPending}>
            {upload.isPending ? t("logo.uploading") : t("logo.upload")}
          </Button>
          {organisation.hasLogo && (
            <Button variant="secondary" busy={remove.isPending} onClick={() => remove.mutate()}>
              {t("logo.remove")}
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}

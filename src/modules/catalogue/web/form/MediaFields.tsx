import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../../ui/components/Button.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { errorIdOf, hintIdOf } from "../../../../ui/forms/Field.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import {
  SOLUTION_MEDIA_MAX_BYTES,
  SOLUTION_MEDIA_MAX_COUNT,
  SOLUTION_MEDIA_TYPES,
  type Solution,
  uploadedMediaOf,
} from "../../contract.ts";
import { useSolutionMedia } from "../catalogue-queries.ts";

interface MediaFieldsProps {
  /** The file input's id (the form's field id for images). */
  id: string;
  /** The solution being edited; none while it is being added (images come once it exists). */
  solution?: Solution | undefined;
}

/**
 * The solution's images: each is uploaded with its description, shown, and removed, and each of
 * these saves at once (a new version), apart from the form's other fields.
 */
export function MediaFields({ id, solution }: MediaFieldsProps) {
  const { t } = useTranslation("catalogue");
  const groupId = useId();
  return (
    <fieldset className="fieldset" aria-describedby={`${groupId}-hint`}>
      <legend>
        {t("fields.media")} <span className="field__optional">{t("form.optional")}</span>
      </legend>
      <p className="field__hint" id={`${groupId}-hint`}>
        {solution ? t("media.hint") : t("media.afterCreate")}
      </p>
      {solution && <MediaManager id={id} solution={solution} />}
    </fieldset>
  );
}

const acceptedTypes: readonly string[] = SOLUTION_MEDIA_TYPES;

function MediaManager({ id, solution }: { id: string; solution: Solution }) {
  const { t } = useTranslation("catalogue");
  const altId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [alt, setAlt] = useState("");
  const [problems, setProblems] = useState<{ file?: string | undefined; alt?: string }>({});
  const [status, setStatus] = useState("");
  const { upload, remove } = useSolutionMedia(solution);
  const full = solution.media.length >= SOLUTION_MEDIA_MAX_COUNT;

  // A look at the chosen file before it is sent, read as a data: address (the page's content
  // security policy allows those and the platform's own images, nothing else).
  useEffect(() => {
    setPreview(null);
    if (!file || !acceptedTypes.includes(file.type) || file.size > SOLUTION_MEDIA_MAX_BYTES) return;
    let current = true;
    const reader = new FileReader();
    reader.onload = () => {
      if (current && typeof reader.result === "string") setPreview(reader.result);
    };
    reader.readAsDataURL(file);
    return () => {
      current = false;
      reader.abort();
    };
  }, [file]);

  const send = () => {
    const description = alt.trim();
    const found = {
      file: !file
        ? t("media.checks.file")
        : file.type !== "" && !acceptedTypes.includes(file.type)
          ? t("media.checks.type")
          : file.size > SOLUTION_MEDIA_MAX_BYTES
            ? t("media.checks.size")
            : undefined,
      alt: description.length < 3 || description.length > 300 ? t("media.checks.alt") : undefined,
    };
    setProblems(found);
    if (found.file) return fileInput.current?.focus();
    if (found.alt) return document.getElementById(altId)?.focus();
    if (!file) return;
    remove.reset();
    setStatus(t("media.uploading"));
    upload.mutate(
      { file, alt: description },
      {
        onSuccess: () => {
          setStatus(t("media.uploaded", { alt: description }));
          setFile(null);
          setAlt("");
          if (fileInput.current) fileInput.current.value = "";
        },
        onError: () => setStatus(""),
      },
    );
  };

  const removeImage = (url: string, description: string) => {
    upload.reset();
    setStatus("");
    remove.mutate(url, {
      onSuccess: () => {
        setStatus(t("media.removed", { alt: description }));
        fileInput.current?.focus();
      },
    });
  };

  // Enter in the description uploads, instead of submitting the whole solution form.
  const uploadOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    send();
  };

  return (
    <>
      {solution.media.length > 0 ? (
        <ul className="media-list" aria-label={t("media.current")}>
          {solution.media.map((item) => (
            <li key={item.url} className="media-list__item">
              {uploadedMediaOf(item.url) ? (
                <figure className="media-figure">
                  {/* The caption says what the image shows: the image itself adds nothing to it. */}
                  <img src={item.url} alt="" className="media-figure__image" />
                  <figcaption>{item.alt}</figcaption>
                </figure>
              ) : (
                <p className="media-list__external">
                  <a href={item.url} rel="noopener noreferrer nofollow" target="_blank">
                    {t("solution.image", { alt: item.alt })}
                    <span className="visually-hidden"> {t("solution.opensInNewTab")}</span>
                  </a>
                  <span className="small muted"> {t("media.external")}</span>
                </p>
              )}
              <Button
                variant="secondary"
                small
                busy={remove.isPending && remove.variables === item.url}
                disabled={remove.isPending || upload.isPending}
                onClick={() => removeImage(item.url, item.alt)}
                aria-label={t("media.removeNamed", { alt: item.alt })}
              >
                {t("media.remove")}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("media.none")}</p>
      )}
      <p role="status" className="media-status">
        {status}
      </p>
      {upload.isError && <ProblemAlert error={upload.error} namespace="catalogue" />}
      {remove.isError && <ProblemAlert error={remove.error} namespace="catalogue" />}
      {full ? (
        <p>{t("media.full")}</p>
      ) : (
        <div className="media-upload">
          <div className={`field${problems.file ? " field--error" : ""}`}>
            <label className="field__label" htmlFor={id}>
              {t("media.file")}
            </label>
            <div className="field__hint" id={hintIdOf(id)}>
              {t("media.fileHint")}
            </div>
            {problems.file && (
              <p className="field__error" id={errorIdOf(id)}>
                {problems.file}
              </p>
            )}
            <input
              ref={fileInput}
              id={id}
              type="file"
              accept={SOLUTION_MEDIA_TYPES.join(",")}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setProblems((current) => ({ ...current, file: undefined }));
              }}
              aria-describedby={`${hintIdOf(id)}${problems.file ? ` ${errorIdOf(id)}` : ""}`}
              aria-invalid={problems.file ? true : undefined}
            />
          </div>
          {preview && (
            <figure className="media-figure media-figure--preview">
              <img src={preview} alt="" className="media-figure__image" />
              <figcaption>{t("media.preview")}</figcaption>
            </figure>
          )}
          <TextField
            id={altId}
            label={t("media.alt")}
            hint={t("media.altHint")}
            value={alt}
            onChange={setAlt}
            onKeyDown={uploadOnEnter}
            error={problems.alt}
            maxLength={300}
          />
          <div>
            <Button variant="secondary" busy={upload.isPending} onClick={send}>
              {upload.isPending ? t("media.uploading") : t("media.upload")}
            </Button>
          </div>
        </div>
      )}
    </>
  );
}

import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../../ui/components/Button.tsx";
import { errorIdOf } from "../../../../ui/forms/Field.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";

interface MediaFieldsProps {
  id: string;
  value: Array<{ url: string; alt: string }>;
  onChange: (media: Array<{ url: string; alt: string }>) => void;
  error?: string | undefined;
}

/** Images at http(s) addresses, each with the text that describes it. */
export function MediaFields({ id, value, onChange, error }: MediaFieldsProps) {
  const { t } = useTranslation("catalogue");
  const groupId = useId();
  const set = (index: number, changes: Partial<{ url: string; alt: string }>) =>
    onChange(value.map((item, at) => (at === index ? { ...item, ...changes } : item)));
  return (
    <fieldset
      className={`fieldset${error ? " field--error" : ""}`}
      aria-describedby={error ? errorIdOf(groupId) : `${groupId}-hint`}
    >
      <legend>
        {t("fields.media")} <span className="field__optional">{t("form.optional")}</span>
      </legend>
      <p className="field__hint" id={`${groupId}-hint`}>
        {t("form.mediaHint")}
      </p>
      {error && (
        <p className="field__error" id={errorIdOf(groupId)}>
          {error}
        </p>
      )}
      {value.map((item, index) => (
        <div
          // Rows have no identity of their own; their place in the list is what they are.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          key={index}
          className="media-row"
        >
          <TextField
            id={index === 0 ? id : undefined}
            label={t("form.mediaUrl", { number: index + 1 })}
            type="url"
            inputMode="url"
            spellCheck={false}
            value={item.url}
            onChange={(url) => set(index, { url })}
          />
          <TextField
            label={t("form.mediaAlt", { number: index + 1 })}
            value={item.alt}
            onChange={(alt) => set(index, { alt })}
            maxLength={300}
          />
          <Button
            variant="quiet"
            small
            onClick={() => onChange(value.filter((_, at) => at !== index))}
          >
            {t("form.removeImage", { number: index + 1 })}
          </Button>
        </div>
      ))}
      {value.length < 12 && (
        <Button
          id={value.length === 0 ? id : undefined}
          variant="secondary"
          small
          onClick={() => onChange([...value, { url: "", alt: "" }])}
        >
          {t("form.addImage")}
        </Button>
      )}
    </fieldset>
  );
}

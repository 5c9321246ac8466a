import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../../ui/components/Button.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";

/** Required capabilities as free-text tags: type one, add it, remove any. */
export function CapabilityTags({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string[];
  onChange: (tags: string[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation("challenges");
  const [text, setText] = useState("");
  const add = () => {
    const tag = text.trim();
    if (tag.length >= 2 && !value.includes(tag)) onChange([...value, tag]);
    setText("");
  };
  return (
    <div className="tag-input">
      <TextField
        id={id}
        label={t("fields.capabilities")}
        hint={t("form.capabilitiesHint")}
        optional
        width="medium"
        value={text}
        onChange={setText}
        error={error}
        maxLength={80}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            add();
          }
        }}
      />
      <Button variant="secondary" small onClick={add}>
        {t("form.addCapability")}
      </Button>
      {value.length > 0 && (
        <ul className="tag-list" aria-label={t("fields.capabilities")}>
          {value.map((tag) => (
            <li key={tag} className="tag">
              {tag}
              <button
                type="button"
                className="tag__remove"
                aria-label={t("form.removeCapability", { tag })}
                onClick={() => onChange(value.filter((other) => other !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

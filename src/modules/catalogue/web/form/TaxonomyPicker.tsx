import { type KeyboardEvent, useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { describedBy, errorIdOf, hintIdOf } from "../../../../ui/forms/Field.tsx";
import { type CapabilityEntry, matchCapabilities, pathOf } from "../capability-tree.ts";

interface TaxonomyPickerProps {
  id: string;
  label: string;
  hint: string;
  entries: CapabilityEntry[];
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
  max?: number;
}

/**
 * Capabilities chosen by typing (the ARIA combobox pattern): labels and synonyms in the reading
 * language are searched, each suggestion shows its place in the tree, and the chosen ones
 * become removable chips. Arrow keys move through the suggestions, Enter takes one, Escape
 * closes the list (or clears the text when it is closed).
 */
export function TaxonomyPicker({
  id,
  label,
  hint,
  entries,
  value,
  onChange,
  error,
  max = 30,
}: TaxonomyPickerProps) {
  const { t } = useTranslation("catalogue");
  const listId = useId();
  const chipsId = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const byCode = useMemo(() => new Map(entries.map((entry) => [entry.code, entry])), [entries]);
  const matches = useMemo(
    () => matchCapabilities(entries, text).filter((match) => !value.includes(match.entry.code)),
    [entries, text, value],
  );
  const expanded = open && text.trim() !== "" && matches.length > 0;
  const activeMatch = expanded ? matches[Math.min(active, matches.length - 1)] : undefined;
  const optionId = (code: string) => `${listId}-${code.replaceAll(".", "_")}`;
  const [announcement, setAnnouncement] = useState("");
  const activeId = activeMatch ? optionId(activeMatch.entry.code) : undefined;
  // The suggestion chosen with the arrow keys stays in sight when the list scrolls.
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  const choose = (code: string) => {
    if (value.length >= max) return;
    const entry = byCode.get(code);
    onChange([...value, code]);
    setText("");
    setOpen(false);
    setActive(0);
    if (entry) setAnnouncement(t("picker.added", { capability: pathOf(entry) }));
  };
  const remove = (code: string) => {
    const entry = byCode.get(code);
    onChange(value.filter((one) => one !== code));
    if (entry) setAnnouncement(t("picker.removed", { capability: entry.label }));
    document.getElementById(id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        setOpen(true);
        setActive((index) => (expanded ? (index + 1) % matches.length : 0));
        break;
      case "ArrowUp":
        event.preventDefault();
        setOpen(true);
        setActive((index) => (expanded ? (index - 1 + matches.length) % matches.length : 0));
        break;
      case "Enter":
        if (activeMatch) {
          event.preventDefault();
          choose(activeMatch.entry.code);
        }
        break;
      case "Escape":
        if (expanded) {
          event.preventDefault();
          setOpen(false);
        } else if (text) {
          event.preventDefault();
          setText("");
        }
        break;
    }
  };

  const status = !text.trim()
    ? ""
    : matches.length === 0
      ? t("picker.noMatch")
      : t("picker.matches", { count: matches.length });

  return (
    <div className={`field taxonomy-picker${error ? " field--error" : ""}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="field__hint" id={hintIdOf(id)}>
        {hint}
      </div>
      {error && (
        <p className="field__error" id={errorIdOf(id)}>
          {error}
        </p>
      )}
      {value.length > 0 && (
        <ul className="chip-list" id={chipsId} aria-label={t("picker.chosen")}>
          {value.map((code) => {
            const entry = byCode.get(code);
            const name = entry ? pathOf(entry) : code;
            return (
              <li key={code} className="chip">
                <span>{name}</span>
                <button
                  type="button"
                  className="chip__remove"
                  aria-label={t("picker.remove", { capability: name })}
                  onClick={() => remove(code)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="taxonomy-picker__box">
        <input
          id={id}
          className="input"
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-describedby={describedBy(id, hint, error)}
          aria-invalid={error ? true : undefined}
          disabled={value.length >= max}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setAnnouncement("");
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => setOpen(true)}
        />
        <div
          id={listId}
          role="listbox"
          aria-label={t("picker.suggestions")}
          className="taxonomy-picker__list"
          hidden={!expanded}
        >
          {expanded &&
            matches.map((match, index) => (
              // Keyboard users choose through the combobox (arrow keys and Enter); this is for pointers.
              // biome-ignore lint/a11y/useKeyWithClickEvents: see above.
              <div
                key={match.entry.code}
                id={optionId(match.entry.code)}
                role="option"
                tabIndex={-1}
                aria-selected={index === Math.min(active, matches.length - 1)}
                className="taxonomy-picker__option"
                // Keep the focus in the text box while a suggestion is clicked.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(match.entry.code)}
              >
                <span className="taxonomy-picker__path">
                  {match.entry.ancestors.length > 0 && (
                    <span className="muted">{match.entry.ancestors.join(" › ")} › </span>
                  )}
                  {match.entry.label}
                </span>
                {match.synonym && (
                  <span className="taxonomy-picker__synonym small muted">
                    {t("picker.synonym", { synonym: match.synonym })}
                  </span>
                )}
              </div>
            ))}
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {announcement || status}
      </p>
    </div>
  );
}

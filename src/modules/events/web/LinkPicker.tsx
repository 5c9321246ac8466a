import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebouncedValue } from "../../../ui/forms/debounced-value.ts";
import { describedBy, FieldFrame } from "../../../ui/forms/Field.tsx";
import { type LinkSource, type LinkTarget, useLinkSearch } from "./events-queries.ts";

interface LinkPickerProps {
  id?: string;
  label: string;
  hint?: string;
  source: LinkSource;
  value: LinkTarget[];
  onChange: (value: LinkTarget[]) => void;
  error?: string | undefined;
  max?: number;
}

/**
 * Published challenges or catalogue solutions to link, found by words of their title: a combobox
 * (type, arrows to move, Enter to add, Escape to close) and the linked ones as chips, each with
 * its own remove button.
 */
export function LinkPicker({
  id: givenId,
  label,
  hint,
  source,
  value,
  onChange,
  error,
  max = 10,
}: LinkPickerProps) {
  const { t } = useTranslation("events");
  const generated = useId();
  const id = givenId ?? generated;
  const listId = `${id}-options`;
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(text.trim(), 250);
  const found = useLinkSearch(source, q, open);
  const options = (found.data ?? []).filter((option) => !value.some((v) => v.id === option.id));
  const full = value.length >= max;
  const showList = open && !full && options.length > 0;
  const current = Math.min(active, Math.max(0, options.length - 1));

  const pick = (option: LinkTarget) => {
    onChange([...value, { id: option.id, title: option.title }]);
    setText("");
    setActive(0);
  };

  return (
    <div className="link-picker">
      <FieldFrame
        id={id}
        label={label}
        hint={full ? t("picker.full", { count: max }) : hint}
        error={error}
        optional
      >
        {value.length > 0 && (
          <ul className="link-picker__chips" aria-label={t("picker.linked", { label })}>
            {value.map((linked) => (
              <li key={linked.id} className="link-picker__chip">
                <span>{linked.title}</span>
                <button
                  type="button"
                  className="link-picker__remove"
                  aria-label={t("picker.remove", { title: linked.title })}
                  onClick={() => {
                    onChange(value.filter((other) => other.id !== linked.id));
                    // The chip and its button go: the focus goes back to the search box.
                    // After the render: a full picker's box is enabled again only then.
                    window.setTimeout(() => input.current?.focus(), 0);
                  }}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          ref={input}
          id={id}
          className="input input--medium"
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList ? `${listId}-${current}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint || full, error)}
          disabled={full}
          value={text}
          onChange={(typed) => {
            setText(typed.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={(key) => {
            if (key.key === "ArrowDown") {
              key.preventDefault();
              setOpen(true);
              setActive(options.length ? (current + 1) % options.length : 0);
            } else if (key.key === "ArrowUp") {
              key.preventDefault();
              setActive(options.length ? (current - 1 + options.length) % options.length : 0);
            } else if (key.key === "Enter") {
              // Enter adds the highlighted match instead of submitting the form.
              if (showList && options[current]) {
                key.preventDefault();
                pick(options[current]);
              }
            } else if (key.key === "Escape") {
              setOpen(false);
            }
          }}
        />
      </FieldFrame>
      <div
        id={listId}
        role="listbox"
        aria-label={label}
        className="link-picker__options"
        hidden={!showList}
      >
        {showList &&
          options.map((option, index) => (
            // Keyboard users choose through the combobox (arrow keys and Enter); this is for pointers.
            // biome-ignore lint/a11y/useKeyWithClickEvents: see above.
            <div
              key={option.id}
              id={`${listId}-${index}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === current}
              className={
                index === current ? "link-picker__option is-active" : "link-picker__option"
              }
              // Keep the focus in the text box while a match is clicked.
              onMouseDown={(press) => press.preventDefault()}
              onClick={() => pick(option)}
            >
              {option.title}
              {option.detail && <span className="small muted"> · {option.detail}</span>}
            </div>
          ))}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {open && !found.isFetching && !full ? t("picker.matches", { count: options.length }) : ""}
      </p>
    </div>
  );
}

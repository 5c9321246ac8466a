import { type ReactNode, useId } from "react";
import { errorIdOf, hintIdOf } from "./Field.tsx";

interface CheckboxProps {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  error?: string | undefined;
  name?: string;
  disabled?: boolean;
}

export function Checkbox({ label, checked, onChange, hint, error, name, disabled }: CheckboxProps) {
  const id = useId();
  const described = [hint ? hintIdOf(id) : null, error ? errorIdOf(id) : null].filter(Boolean);
  return (
    <div className={`checkbox${error ? " checkbox--error" : ""}`}>
      <input
        type="checkbox"
        id={id}
        name={name}
        checked={checked}
        disabled={disabled}
        aria-describedby={described.length ? described.join(" ") : undefined}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <div className="checkbox__hint" id={hintIdOf(id)}>
          {hint}
        </div>
      )}
      {error && (
        <p className="field__error" id={errorIdOf(id)}>
          {error}
        </p>
      )}
    </div>
  );
}

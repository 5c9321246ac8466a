import { type ReactNode, type SelectHTMLAttributes, useId } from "react";
import { describedBy, FieldFrame } from "./Field.tsx";

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

interface SelectProps
  extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "onChange" | "value" | "id"> {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: SelectOption[];
  /** A first, empty choice ("Any kind", "Choose a city"). */
  placeholder?: string;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  id?: string;
}

export function Select({
  label,
  value,
  onChange,
  options,
  placeholder,
  hint,
  error,
  optional,
  id: givenId,
  className,
  ...rest
}: SelectProps) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={error}
      {...(optional !== undefined ? { optional } : {})}
    >
      <select
        {...rest}
        id={id}
        value={value}
        className={`select${className ? ` ${className}` : ""}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

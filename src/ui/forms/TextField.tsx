import { type InputHTMLAttributes, type ReactNode, useId } from "react";
import { describedBy, FieldFrame } from "./Field.tsx";

interface TextFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value" | "id"> {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  id?: string;
  /** A multi-line text box instead of a single line. */
  rows?: number;
  /** Shown under the control, e.g. a strength meter; counted in aria-describedby. */
  after?: ReactNode;
  afterId?: string;
  width?: "short" | "medium" | "full";
}

export function TextField({
  label,
  value,
  onChange,
  hint,
  error,
  optional,
  id: givenId,
  rows,
  after,
  afterId,
  width = "full",
  className,
  ...rest
}: TextFieldProps) {
  const generated = useId();
  const id = givenId ?? generated;
  const description =
    [describedBy(id, hint, error), afterId].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    value,
    "aria-describedby": description,
    "aria-invalid": error ? true : undefined,
    className: `input input--${width}${className ? ` ${className}` : ""}`,
  };
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={error}
      {...(optional !== undefined ? { optional } : {})}
    >
      {rows ? (
        <textarea
          {...common}
          rows={rows}
          name={rest.name}
          required={rest.required}
          maxLength={rest.maxLength}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input {...rest} {...common} onChange={(event) => onChange(event.target.value)} />
      )}
      {after}
    </FieldFrame>
  );
}

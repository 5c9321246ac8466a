import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface FieldFrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Shown after the label, e.g. "(optional)". */
  optional?: boolean;
  className?: string;
  children: ReactNode;
}

export const hintIdOf = (id: string) => `${id}-hint`;
export const errorIdOf = (id: string) => `${id}-error`;

/** The ids a control points at with aria-describedby: its hint and its error, when shown. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? hintIdOf(id) : null, error ? errorIdOf(id) : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** Label, hint and error around one control, wired for assistive technology. */
export function FieldFrame({
  id,
  label,
  hint,
  error,
  optional,
  className,
  children,
}: FieldFrameProps) {
  const { t } = useTranslation("ui");
  return (
    <div className={`field${error ? " field--error" : ""}${className ? ` ${className}` : ""}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> {t("form.optional")}</span>}
      </label>
      {hint && (
        <div className="field__hint" id={hintIdOf(id)}>
          {hint}
        </div>
      )}
      {error && (
        <p className="field__error" id={errorIdOf(id)}>
          <span className="visually-hidden">{t("form.errorPrefix")} </span>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

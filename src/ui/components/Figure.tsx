import type { ReactNode } from "react";
import { useFormatting } from "../i18n/formatting.ts";

/** A headline number with what it counts, e.g. "96 C40 cities". */
export function Figure({ value, label }: { value: number; label: ReactNode }) {
  const format = useFormatting();
  return (
    <div className="figure">
      <dt className="figure__label">{label}</dt>
      <dd className="figure__value">{format.number(value)}</dd>
    </div>
  );
}

export function FigureList({ children }: { children: ReactNode }) {
  return <dl className="figure-list">{children}</dl>;
}

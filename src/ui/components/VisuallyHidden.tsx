import type { ReactNode } from "react";

/** Text for screen readers only: it fills in what the layout shows by position. */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}

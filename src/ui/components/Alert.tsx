import { type ReactNode, useEffect, useRef } from "react";

export type AlertTone = "info" | "success" | "warning" | "error";

interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** Take the focus when shown, so keyboard and screen-reader users land on it. */
  focusOnShow?: boolean;
  className?: string;
}

/**
 * A message box. Errors and warnings are announced at once (role=alert); good news and
 * information politely (role=status).
 */
export function Alert({
  tone = "info",
  title,
  children,
  focusOnShow = false,
  className,
}: AlertProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusOnShow) ref.current?.focus();
  }, [focusOnShow]);
  return (
    <div
      ref={ref}
      className={`alert alert--${tone}${className ? ` ${className}` : ""}`}
      role={tone === "error" || tone === "warning" ? "alert" : "status"}
      tabIndex={focusOnShow ? -1 : undefined}
    >
      {title && <p className="alert__title">{title}</p>}
      {children && <div className="alert__body">{children}</div>}
    </div>
  );
}

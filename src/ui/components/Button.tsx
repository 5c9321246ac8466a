import type { ButtonHTMLAttributes, ReactNode } from "react";
import { Link, type LinkProps } from "react-router";
import { Spinner } from "./Spinner.tsx";

export type ButtonVariant = "primary" | "secondary" | "quiet" | "danger";

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  small?: boolean;
  /** Work is under way: the button says so and cannot be pressed twice. */
  busy?: boolean;
  children: ReactNode;
}

export function buttonClass(variant: ButtonVariant = "primary", small = false): string {
  return `button button--${variant}${small ? " button--small" : ""}`;
}

export function Button({
  variant = "primary",
  small = false,
  busy = false,
  type = "button",
  disabled,
  className,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={`${buttonClass(variant, small)}${className ? ` ${className}` : ""}`}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy && <Spinner size="small" decorative />}
      {children}
    </button>
  );
}

interface ButtonLinkProps extends LinkProps {
  variant?: ButtonVariant;
  small?: boolean;
}

/** A link that looks like a button: it goes somewhere, it does not act. */
export function ButtonLink({
  variant = "primary",
  small = false,
  className,
  ...rest
}: ButtonLinkProps) {
  return (
    <Link
      className={`${buttonClass(variant, small)}${className ? ` ${className}` : ""}`}
      {...rest}
    />
  );
}

import { useTranslation } from "react-i18next";

interface SpinnerProps {
  size?: "small" | "medium";
  /** Next to text that already says what is happening. */
  decorative?: boolean;
  label?: string;
}

export function Spinner({ size = "medium", decorative = false, label }: SpinnerProps) {
  const { t } = useTranslation("ui");
  if (decorative) return <span className={`spinner spinner--${size}`} aria-hidden="true" />;
  return (
    <span className="spinner-wrap" role="status">
      <span className={`spinner spinner--${size}`} aria-hidden="true" />
      <span className="visually-hidden">{label ?? t("loading")}</span>
    </span>
  );
}

/** A block-level "loading" state for a section or a page. */
export function LoadingBlock({ label }: { label?: string }) {
  const { t } = useTranslation("ui");
  return (
    <div className="loading-block" role="status">
      <span className="spinner spinner--medium" aria-hidden="true" />
      <span>{label ?? t("loading")}</span>
    </div>
  );
}

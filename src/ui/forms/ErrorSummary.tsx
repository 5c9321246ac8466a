import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

export interface SummaryItem {
  /** The control to jump to; without it the item is plain text. */
  targetId?: string | undefined;
  message: string;
}

interface ErrorSummaryProps {
  items: SummaryItem[];
  title?: string;
  /** Changes on each failed submit, so the summary takes the focus again. */
  focusKey?: number;
}

function jumpTo(id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: "center" });
  target.focus();
}

/**
 * The list of what is wrong at the top of a form (the GOV.UK pattern): it takes the focus and
 * each item leads to its field.
 */
export function ErrorSummary({ items, title, focusKey }: ErrorSummaryProps) {
  const { t } = useTranslation("ui");
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again on every new attempt.
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  if (items.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1}>
      <h2 className="error-summary__title">{title ?? t("form.summaryTitle")}</h2>
      <ul className="error-summary__list">
        {items.map((item) => (
          <li key={`${item.targetId ?? ""}${item.message}`}>
            {item.targetId ? (
              <a
                href={`#${item.targetId}`}
                onClick={(event) => {
                  event.preventDefault();
                  jumpTo(item.targetId!);
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

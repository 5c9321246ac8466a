import type { ReactNode } from "react";

interface CardProps {
  title?: ReactNode;
  /** The heading level the title takes in the page outline. */
  headingLevel?: 2 | 3;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  as?: "section" | "article" | "div";
}

export function Card({
  title,
  headingLevel = 2,
  actions,
  children,
  className,
  as: Tag = "section",
}: CardProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <Tag className={`card${className ? ` ${className}` : ""}`}>
      {(title || actions) && (
        <div className="card__header">
          {title && <Heading className="card__title">{title}</Heading>}
          {actions && <div className="card__actions">{actions}</div>}
        </div>
      )}
      <div className="card__body">{children}</div>
    </Tag>
  );
}

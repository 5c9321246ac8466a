import type { ReactNode } from "react";
import { useDocumentTitle } from "../layout/document-title.ts";

interface PageHeaderProps {
  title: string;
  /** Shown above the title, e.g. the kind of thing the page is about. */
  eyebrow?: ReactNode;
  lead?: ReactNode;
  actions?: ReactNode;
  /** Shown after the title on the same line (badges). */
  aside?: ReactNode;
  media?: ReactNode;
}

/** The page's one h1, which also names the browser tab. */
export function PageHeader({ title, eyebrow, lead, actions, aside, media }: PageHeaderProps) {
  useDocumentTitle(title);
  return (
    <header className="page-header">
      {media && <div className="page-header__media">{media}</div>}
      <div className="page-header__text">
        {eyebrow && <p className="page-header__eyebrow">{eyebrow}</p>}
        <div className="page-header__heading">
          <h1 className="page-header__title" tabIndex={-1}>
            {title}
          </h1>
          {aside && <span className="page-header__aside">{aside}</span>}
        </div>
        {lead && <div className="page-header__lead">{lead}</div>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </header>
  );
}

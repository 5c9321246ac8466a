import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormatting } from "../i18n/formatting.ts";

interface PaginationProps {
  total: number;
  limit: number;
  offset: number;
  /** The address of the page that starts at `offset`. */
  hrefFor: (offset: number) => string;
}

/** Previous / next links with "21–40 of 132"; links, so each page has its own address. */
export function Pagination({ total, limit, offset, hrefFor }: PaginationProps) {
  const { t } = useTranslation("ui");
  const format = useFormatting();
  if (total <= limit && offset === 0) return null;
  const first = Math.min(total, offset + 1);
  const last = Math.min(total, offset + limit);
  const previous = offset > 0 ? Math.max(0, offset - limit) : null;
  const next = offset + limit < total ? offset + limit : null;
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      <p className="pagination__status">
        {t("pagination.status", {
          first: format.number(first),
          last: format.number(last),
          total: format.number(total),
        })}
      </p>
      <ul className="pagination__links">
        <li>
          {previous !== null ? (
            <Link to={hrefFor(previous)} rel="prev">
              <span aria-hidden="true">← </span>
              {t("pagination.previous")}
            </Link>
          ) : null}
        </li>
        <li>
          {next !== null ? (
            <Link to={hrefFor(next)} rel="next">
              {t("pagination.next")}
              <span aria-hidden="true"> →</span>
            </Link>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}

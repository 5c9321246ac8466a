import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Button } from "../../../ui/components/Button.tsx";
import type { FundingSource } from "../contract.ts";
import { useFollow } from "./funding-queries.ts";

/** Amounts in the reader's language: minor units of the source's currency. */
export function amountText(locale: string, minor: number | null, currency: string): string | null {
  if (minor === null) return null;
  const format = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    maximumFractionDigits: 0,
  });
  const digits =
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

/** A source's facts (funder, instrument, amounts, dates) and, when signed in, follow or not. */
export function SourceSummary({
  source,
  headingLevel = 3,
}: {
  source: FundingSource;
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation("funding");
  const follow = useFollow();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const low = amountText(i18n.language, source.minAmountMinor, source.currency);
  const high = amountText(i18n.language, source.maxAmountMinor, source.currency);
  return (
    <div className="stack funding-source">
      <Heading>
        <Link to={`/funding/sources/${source.id}`}>{source.title}</Link>
      </Heading>
      <p>
        {source.funder.name} · {source.programme} · {t(`instrument.${source.instrument}`)}
      </p>
      <dl className="funding-facts">
        {(low || high) && (
          <>
            <dt>{t("source.amount")}</dt>
            <dd>{low && high ? t("source.range", { low, high }) : (low ?? high)}</dd>
          </>
        )}
        {source.coFinancingRate !== null && (
          <>
            <dt>{t("source.rate")}</dt>
            <dd>{t("source.percent", { value: source.coFinancingRate })}</dd>
          </>
        )}
        <dt>{t("source.deadline")}</dt>
        <dd>{source.closesOn ?? t("source.rolling")}</dd>
        <dt>{t("source.status")}</dt>
        <dd>{source.open ? t("source.open") : t("source.closed")}</dd>
      </dl>
      {source.abilities.follow && (
        <div>
          <Button
            variant="secondary"
            small
            busy={follow.isPending}
            aria-pressed={source.followed}
            onClick={() => follow.mutate({ id: source.id, follow: !source.followed })}
          >
            {source.followed
              ? t("follow.following", { title: source.title })
              : t("follow.follow", { title: source.title })}
          </Button>
        </div>
      )}
    </div>
  );
}

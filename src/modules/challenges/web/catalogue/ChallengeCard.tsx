import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Badge } from "../../../../ui/components/Badge.tsx";
import type { ChallengeSummary } from "../../contract.ts";
import { useDeadlineFormat } from "../deadlines.ts";
import { useBudgetFormat } from "../money.ts";
import { usePlaceOf } from "../place.ts";
import { statusTone } from "../vocabulary.ts";

/** One challenge in the catalogue: what, where, how it is bought, by when and for how much. */
export function ChallengeCard({ challenge }: { challenge: ChallengeSummary }) {
  const { t } = useTranslation("challenges");
  const deadline = useDeadlineFormat();
  const budget = useBudgetFormat();
  const placeOf = usePlaceOf();
  const proposalDeadline = challenge.timeline.proposalDeadline;
  return (
    <article className="card challenge-card">
      <p className="entity-card__meta">
        {placeOf(challenge.city)} · {t(`models.${challenge.procurementModel}.name`)}
      </p>
      <h3 className="entity-card__title">
        <Link to={`/challenges/${challenge.id}`}>{challenge.title}</Link>
      </h3>
      <p>{challenge.summary}</p>
      <ul className="tag-list" aria-label={t("catalogue.tags")}>
        <li>
          <Badge tone={statusTone[challenge.status]}>{t(`statuses.${challenge.status}`)}</Badge>
        </li>
        {challenge.sectors.map((sector) => (
          <li key={sector}>
            <Badge>{t(`sectors.${sector}`)}</Badge>
          </li>
        ))}
      </ul>
      <dl className="challenge-card__facts">
        <div>
          <dt>{t("fields.proposalDeadline")}</dt>
          <dd>
            {proposalDeadline ? (
              <>
                <time dateTime={proposalDeadline}>{deadline.dateTime(proposalDeadline)}</time> (
                {deadline.daysLeft(proposalDeadline)})
              </>
            ) : (
              t("deadline.none")
            )}
          </dd>
        </div>
        <div>
          <dt>{t("fields.budget")}</dt>
          <dd>{budget(challenge.budget)}</dd>
        </div>
      </dl>
    </article>
  );
}

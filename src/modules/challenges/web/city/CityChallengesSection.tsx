import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Badge } from "../../../../ui/components/Badge.tsx";
import { useCataloguePages } from "../challenge-queries.ts";
import { useDeadlineFormat } from "../deadlines.ts";
import { statusTone } from "../vocabulary.ts";

const SHOWN = 5;

/** On a city organisation's profile: the latest public challenges of its city. */
export function CityChallengesSection({ cityId, cityName }: { cityId: string; cityName: string }) {
  const { t } = useTranslation("challenges");
  const deadline = useDeadlineFormat();
  const pages = useCataloguePages({ cityId, limit: SHOWN, sort: "newest" });
  const first = pages.data?.pages[0];
  if (!first || first.total === 0) return null;
  return (
    <section aria-labelledby="city-challenges">
      <h2 id="city-challenges">{t("city.title", { city: cityName })}</h2>
      <ul className="link-list">
        {first.challenges.map((challenge) => (
          <li key={challenge.id}>
            <Link to={`/challenges/${challenge.id}`}>{challenge.title}</Link>{" "}
            <Badge tone={statusTone[challenge.status]}>{t(`statuses.${challenge.status}`)}</Badge>
            {challenge.timeline.proposalDeadline && (
              <span className="small muted">
                {" "}
                · {t("fields.proposalDeadline")}:{" "}
                {deadline.dateTime(challenge.timeline.proposalDeadline)}
              </span>
            )}
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/challenges?cityId=${cityId}`}>
          {t("city.all", { count: first.total, city: cityName })}
        </Link>
      </p>
    </section>
  );
}

import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Card } from "../../../ui/components/Card.tsx";
import { useEventTime } from "./event-time.ts";
import { useChallengeOutcomes } from "./events-queries.ts";
import { OutcomesView } from "./OutcomesSection.tsx";
import "./events.css";

/**
 * "Outcomes from events" on a challenge's page: what workshops and meetings that worked on the
 * challenge recorded. Nothing is shown while there are none.
 */
export function EventOutcomesSection({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation("events");
  const headingId = useId();
  const time = useEventTime();
  const query = useChallengeOutcomes(challengeId);
  const outcomes = query.data?.outcomes ?? [];
  if (outcomes.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="stack">
      <h2 id={headingId}>{t("outcomes.fromEvents")}</h2>
      {outcomes.map((outcome) => (
        <Card
          key={outcome.event.id}
          as="article"
          headingLevel={3}
          title={<Link to={`/events/${outcome.event.id}#outcomes`}>{outcome.event.title}</Link>}
        >
          <div className="stack">
            <p className="small muted">
              {t(`kinds.${outcome.event.kind}`)} ·{" "}
              <time dateTime={outcome.event.startsAt}>
                {time.range(outcome.event.startsAt, outcome.event.endsAt, outcome.event.timeZone)}
              </time>
            </p>
            <OutcomesView
              // The page is the challenge's own: the other challenges worked on are news.
              outcomes={{
                ...outcome,
                challenges: outcome.challenges.filter((linked) => linked.id !== challengeId),
              }}
              headingLevel={4}
            />
          </div>
        </Card>
      ))}
    </section>
  );
}

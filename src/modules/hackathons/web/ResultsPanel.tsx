import { useTranslation } from "react-i18next";
import { Badge } from "../../../ui/components/Badge.tsx";
import { Card } from "../../../ui/components/Card.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import type { Hackathon } from "../contract.ts";
import { RankingTable } from "./HostPanel.tsx";
import { useGallery, useRanking } from "./hackathon-queries.ts";
import { SubmissionView } from "./SubmissionView.tsx";

/** Once the winners are announced: the ranking and the public gallery of submissions. */
export function ResultsPanel({ hackathon }: { hackathon: Hackathon }) {
  const { t } = useTranslation("hackathons");
  const format = useFormatting();
  const ranking = useRanking(hackathon.eventId, !hackathon.me.manage);
  const gallery = useGallery(hackathon.eventId, true);
  return (
    <section aria-labelledby="gallery-title" className="stack">
      <h2 id="gallery-title">{t("results.title")}</h2>
      <p className="muted">
        {t("results.announcedOn", { date: format.dateTime(hackathon.winnersAnnouncedAt ?? "") })}
      </p>
      {!hackathon.me.manage && (
        <Card title={t("host.ranking")} headingLevel={3}>
          <QueryState query={ranking} namespace="hackathons" loadingLabel={t("page.loading")}>
            {(data) => <RankingTable hackathon={hackathon} ranking={data} />}
          </QueryState>
        </Card>
      )}
      <h3>{t("results.gallery")}</h3>
      <QueryState query={gallery} namespace="hackathons" loadingLabel={t("page.loading")}>
        {(data) => (
          <ul className="hackathon-gallery">
            {data.entries.map((entry) => (
              <li key={entry.team.id}>
                <article aria-labelledby={`gallery-${entry.team.id}`} className="card">
                  <div className="card__body stack">
                    <h4 id={`gallery-${entry.team.id}`}>
                      {entry.team.name}{" "}
                      {entry.winnerPlace !== null && (
                        <Badge tone="success">
                          {t("results.place", { place: entry.winnerPlace })}
                        </Badge>
                      )}
                    </h4>
                    <p className="small">
                      {entry.challenge?.title ?? t("teams.noChallenge")} ·{" "}
                      {entry.members.join(", ")}
                    </p>
                    <SubmissionView teamId={entry.team.id} submission={entry.submission} />
                  </div>
                </article>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

import "./matchmaking.css";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../../ui/api/api-client.ts";
import { Badge } from "../../../ui/components/Badge.tsx";
import { Card } from "../../../ui/components/Card.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { useCapabilityLabels } from "../../catalogue/web/form/CapabilityField.tsx";
import type { ChallengesForSolution, SharedNeeds, SimilarChallenges } from "../contract.ts";
import { Explanation, FitBar } from "./RecommendationsPanel.tsx";

/** On a challenge's page: challenges of other cities that ask for the same thing. */
export function SimilarChallengesSection({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation("matchmaking");
  const headingId = useId();
  const capabilityLabel = useCapabilityLabels();
  const query = useQuery({
    queryKey: ["similar-challenges", challengeId],
    queryFn: ({ signal }) =>
      api.get<SimilarChallenges>(`/api/v1/challenges/${challengeId}/similar`, { limit: 5 }, signal),
  });
  return (
    <section aria-labelledby={headingId} className="stack">
      <h2 id={headingId}>{t("similar.heading")}</h2>
      <QueryState query={query} namespace="matchmaking">
        {(result) =>
          result.similar.length === 0 ? (
            <p className="muted">{t("similar.none")}</p>
          ) : (
            <>
              <p className="muted">{t("similar.lead")}</p>
              <ul className="similar-list">
                {result.similar.map((item) => (
                  <li key={item.challenge.id}>
                    <Link to={`/challenges/${item.challenge.id}`}>{item.challenge.title}</Link>{" "}
                    <span className="small">
                      {t("similar.city", { city: item.challenge.city.name })}
                    </span>
                    {item.sharedCapabilities.length > 0 && (
                      <span className="small muted">
                        {" "}
                        {t("similar.shared", {
                          list: item.sharedCapabilities.map(capabilityLabel).join(", "),
                        })}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </QueryState>
    </section>
  );
}

/** On a solution's page: the open challenges it fits. */
export function ChallengesForSolutionSection({ solutionId }: { solutionId: string }) {
  const { t } = useTranslation("matchmaking");
  const headingId = useId();
  const [belowMinTrl, setBelowMinTrl] = useState(false);
  const query = useQuery({
    queryKey: ["challenges-for-solution", solutionId, belowMinTrl],
    queryFn: ({ signal }) =>
      api.get<ChallengesForSolution>(
        `/api/v1/solutions/${solutionId}/recommendations`,
        { limit: 5, belowMinTrl: belowMinTrl ? "true" : undefined },
        signal,
      ),
  });
  return (
    <section aria-labelledby={headingId} className="stack">
      <h2 id={headingId}>{t("forSolution.heading")}</h2>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={belowMinTrl}
          onChange={(event) => setBelowMinTrl(event.target.checked)}
        />
        {t("forSolution.belowMinTrl")}
      </label>
      <QueryState query={query} namespace="matchmaking">
        {(result) =>
          result.challenges.length === 0 ? (
            <p className="muted">{t("forSolution.none")}</p>
          ) : (
            <ol className="recommendation-list">
              {result.challenges.map((item) => (
                <li key={item.challenge.id} className="recommendation card">
                  <div className="recommendation__head">
                    <h3 className="recommendation__title">
                      <Link to={`/challenges/${item.challenge.id}`}>{item.challenge.title}</Link>
                    </h3>
                    <FitBar score={item.score} label={item.challenge.title} />
                  </div>
                  <p className="small">
                    {t("similar.city", { city: item.challenge.city.name })}{" "}
                    {item.belowMinTrl && <Badge tone="warning">{t("belowMinTrlBadge")}</Badge>}
                  </p>
                  <p>{item.challenge.summary}</p>
                  <Explanation factors={item.factors} />
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
    </section>
  );
}

/** The secretariat's view: needs two or more cities share, where a buyers' group could form. */
export function SharedNeedsSection() {
  const { t } = useTranslation("matchmaking");
  const capabilityLabel = useCapabilityLabels();
  const query = useQuery({
    queryKey: ["shared-needs"],
    queryFn: ({ signal }) => api.get<SharedNeeds>("/api/v1/shared-needs", undefined, signal),
  });
  return (
    <Card title={t("shared.heading")} headingLevel={2}>
      <p className="muted">{t("shared.lead")}</p>
      <QueryState query={query} namespace="matchmaking">
        {(result) =>
          result.needs.length === 0 ? (
            <p>{t("shared.none")}</p>
          ) : (
            <ul className="stack shared-needs">
              {result.needs.map((need) => (
                <li key={need.capability}>
                  <h3 className="shared-needs__title">
                    {capabilityLabel(need.capability)}{" "}
                    <span className="small muted">
                      {t("shared.cities", {
                        count: need.cities.length,
                        list: need.cities.map((city) => city.name).join(", "),
                      })}
                    </span>
                  </h3>
                  <ul className="small">
                    {need.challenges.map((challenge) => (
                      <li key={challenge.id}>
                        <Link to={`/challenges/${challenge.id}`}>{challenge.title}</Link>{" "}
                        {t("similar.city", { city: challenge.city.name })}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Card>
  );
}

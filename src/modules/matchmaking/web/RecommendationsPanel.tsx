import "./matchmaking.css";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Badge } from "../../../ui/components/Badge.tsx";
import { EmptyState } from "../../../ui/components/EmptyState.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { useCountries } from "../../../ui/i18n/countries.ts";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import { useCapabilityLabels } from "../../catalogue/web/form/CapabilityField.tsx";
import type {
  FactorExplanation,
  OrganisationRecommendation,
  Recommendations,
  SolutionRecommendation,
} from "../contract.ts";
import { type RecommendationChoice, useRecommendations } from "./recommendation-queries.ts";

/**
 * A challenge's recommendations: solutions (or their providers) with their fit as a bar, and
 * why, factor by factor, in plain words. The reader chooses solutions or providers, and whether
 * to see solutions below the challenge's minimum TRL.
 */
export function RecommendationsPanel({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation("matchmaking");
  const kindId = useId();
  const [choice, setChoice] = useState<RecommendationChoice>({
    kind: "solutions",
    belowMinTrl: false,
  });
  const query = useRecommendations(challengeId, choice);
  return (
    <section aria-labelledby={`${kindId}-heading`} className="stack recommendations">
      <h2 id={`${kindId}-heading`}>{t("heading")}</h2>
      <p className="muted">{t("lead")}</p>
      <div className="cluster recommendations__controls">
        <fieldset className="segmented">
          <legend className="visually-hidden">{t("show")}</legend>
          {(["solutions", "organisations"] as const).map((kind) => (
            <label key={kind} className="segmented__option">
              <input
                type="radio"
                name={`${kindId}-kind`}
                value={kind}
                checked={choice.kind === kind}
                onChange={() => setChoice({ ...choice, kind })}
              />
              {t(`kinds.${kind}`)}
            </label>
          ))}
        </fieldset>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={choice.belowMinTrl}
            onChange={(event) => setChoice({ ...choice, belowMinTrl: event.target.checked })}
          />
          {t("belowMinTrl")}
        </label>
      </div>
      <QueryState query={query} namespace="matchmaking" loadingLabel={t("loading")}>
        {(recommendations) => <RecommendationList recommendations={recommendations} />}
      </QueryState>
    </section>
  );
}

function RecommendationList({ recommendations }: { recommendations: Recommendations }) {
  const { t } = useTranslation("matchmaking");
  const capabilityLabel = useCapabilityLabels();
  const inferred = recommendations.requirements.some((requirement) => requirement.inferred);
  const requirementList = recommendations.requirements
    .map((requirement) => capabilityLabel(requirement.code))
    .join(", ");
  const items =
    recommendations.kind === "solutions"
      ? recommendations.solutions
      : recommendations.organisations;
  return (
    <>
      <p>
        {recommendations.requirements.length === 0
          ? t("requirements.none")
          : inferred
            ? t("requirements.inferred", { list: requirementList })
            : t("requirements.named", { list: requirementList })}
      </p>
      {items.length === 0 ? (
        <EmptyState title={t("empty.title")}>{t("empty.body")}</EmptyState>
      ) : (
        <ol className="recommendation-list">
          {recommendations.kind === "solutions"
            ? recommendations.solutions.map((item) => (
                <SolutionItem key={item.solution.id} item={item} />
              ))
            : recommendations.organisations.map((item) => (
                <OrganisationItem key={item.organisation.id} item={item} />
              ))}
        </ol>
      )}
      <p className="small muted">{t("weights")}</p>
    </>
  );
}

/** The fit as a bar and a percentage: the number people compare between results. */
export function FitBar({ score, label }: { score: number; label: string }) {
  const { t } = useTranslation("matchmaking");
  const format = useFormatting();
  const percent = format.percent(score);
  return (
    <div className="fit">
      <meter
        className="fit__bar"
        min={0}
        max={1}
        low={0.4}
        high={0.7}
        optimum={1}
        value={score}
        aria-label={t("fitOf", { name: label })}
      >
        {percent}
      </meter>
      <span className="fit__value">{t("fit", { percent })}</span>
    </div>
  );
}

function SolutionItem({ item }: { item: SolutionRecommendation }) {
  const { t } = useTranslation("matchmaking");
  const headingId = useId();
  return (
    <li className="recommendation card" aria-labelledby={headingId}>
      <div className="recommendation__head">
        <h3 id={headingId} className="recommendation__title">
          <Link to={`/solutions/${item.solution.id}`}>{item.solution.title}</Link>
        </h3>
        <FitBar score={item.score} label={item.solution.title} />
      </div>
      <p className="small">
        {t("by")}{" "}
        <Link to={`/organisations/${item.solution.provider.slug}`}>
          {item.solution.provider.name}
        </Link>{" "}
        {item.belowMinTrl && <Badge tone="warning">{t("belowMinTrlBadge")}</Badge>}
      </p>
      <p>{item.solution.summary}</p>
      <Explanation factors={item.factors} />
    </li>
  );
}

function OrganisationItem({ item }: { item: OrganisationRecommendation }) {
  const { t } = useTranslation("matchmaking");
  const headingId = useId();
  return (
    <li className="recommendation card" aria-labelledby={headingId}>
      <div className="recommendation__head">
        <h3 id={headingId} className="recommendation__title">
          <Link to={`/organisations/${item.organisation.slug}`}>{item.organisation.name}</Link>
        </h3>
        <FitBar score={item.score} label={item.organisation.name} />
      </div>
      <p className="small">{t("matchingSolutions", { count: item.matchingSolutions })}</p>
      <ul className="small">
        {item.solutions.map((solution) => (
          <li key={solution.id}>
            <Link to={`/solutions/${solution.id}`}>{solution.title}</Link>
          </li>
        ))}
      </ul>
      <Explanation factors={item.factors} />
    </li>
  );
}

/** Each factor in plain words, with what it added to the score. */
export function Explanation({ factors }: { factors: FactorExplanation[] }) {
  const { t } = useTranslation("matchmaking");
  const format = useFormatting();
  const sentence = useFactorSentence();
  return (
    <details className="recommendation__why">
      <summary>{t("why")}</summary>
      <ul className="factor-list">
        {factors.map((factor) => (
          <li key={factor.factor}>
            <span className="factor-list__name">{t(`factors.${factor.factor}`)}</span>{" "}
            {sentence(factor)}{" "}
            <span className="small muted">
              {t("contribution", {
                points: format.number(Math.round(factor.weight * factor.value * 100)),
                max: format.number(Math.round(factor.weight * 100)),
              })}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

function useFactorSentence(): (factor: FactorExplanation) => string {
  const { t } = useTranslation("matchmaking");
  const { t: tc } = useTranslation("challenges");
  const capabilityLabel = useCapabilityLabels();
  const { nameOf } = useCountries();
  const list = (items: string[]) => items.join(", ");
  return (factor) => {
    switch (factor.factor) {
      case "capabilities": {
        if (factor.required.length === 0) return t("capabilities.noneRequired");
        const covered = factor.required.filter((item) => item.cover !== "none");
        const parts = covered.map((item) =>
          t(`capabilities.cover.${item.cover}`, { capability: capabilityLabel(item.code) }),
        );
        return covered.length === 0
          ? t("capabilities.missing", { count: factor.required.length })
          : t("capabilities.covers", {
              covered: covered.length,
              count: factor.required.length,
              list: list(parts),
            });
      }
      case "text": {
        const words =
          factor.words.length > 0
            ? t("text.words", { list: list(factor.words.map((word) => `“${word}”`)) })
            : t("text.noWords");
        const synonyms = factor.synonyms.map((synonym) =>
          t("text.synonym", { term: synonym.term, via: synonym.via }),
        );
        return [words, ...synonyms].join(" ");
      }
      case "sectors":
        return factor.shared.length > 0
          ? t("sectors.shared", { list: list(factor.shared.map((s) => tc(`sectors.${s}`))) })
          : t("sectors.none");
      case "trl":
        return factor.minTrl === null
          ? t("trl.noMinimum", { trl: factor.trl })
          : factor.trl >= factor.minTrl
            ? t("trl.meets", { trl: factor.trl, min: factor.minTrl })
            : t("trl.below", { trl: factor.trl, min: factor.minTrl });
      case "evidence": {
        const parts = [
          factor.countries.length > 0
            ? t("evidence.deployed", {
                count: factor.countries.length,
                list: list(factor.countries.map(nameOf)),
              })
            : "",
          factor.verifiedReferences > 0
            ? t("evidence.verified", { count: factor.verifiedReferences })
            : "",
        ].filter(Boolean);
        return parts.length > 0 ? parts.join(" ") : t("evidence.none");
      }
      case "geography": {
        const country = nameOf(factor.country);
        const parts = [
          factor.deployed !== "none" ? t(`geography.deployed.${factor.deployed}`, { country }) : "",
          factor.provider !== "none" ? t(`geography.provider.${factor.provider}`, { country }) : "",
        ].filter(Boolean);
        return parts.length > 0 ? parts.join(" ") : t("geography.none", { country });
      }
    }
  };
}

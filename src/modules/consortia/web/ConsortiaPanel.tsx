import "./consortia.css";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { Button } from "../../../ui/components/Button.tsx";
import { EmptyState } from "../../../ui/components/EmptyState.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { useCapabilityLabels } from "../../catalogue/web/form/CapabilityField.tsx";
import type { ConsortiumSummary, SuggestedTeam, TeamSuggestions } from "../contract.ts";
import { CoverageGrid } from "./CoverageGrid.tsx";
import {
  useChallengeConsortia,
  useMyOrganisations,
  useTeamSuggestions,
  useViewer,
} from "./consortia-queries.ts";
import { type LeadChoice, StartConsortiumForm } from "./StartConsortiumForm.tsx";
import { useListFormat, useScoreLine } from "./vocabulary.ts";

const JOINABLE = ["company", "research", "cluster"];

/**
 * A challenge's Consortia tab: the consortia the reader is part of, the builder's suggested
 * teams (who covers what, and a way to start a consortium from one), organisations that cover
 * everything alone, and — when nothing covers everything — what is missing and who comes closest.
 */
export function ConsortiaPanel({
  challengeId,
  challengeTitle,
}: {
  challengeId: string;
  challengeTitle: string;
}) {
  const { t } = useTranslation("consortia");
  const headingId = useId();
  const viewer = useViewer();
  const signedIn = Boolean(viewer.user);
  const memberships = useMyOrganisations(signedIn);
  const leads: LeadChoice[] = (memberships.data?.memberships ?? [])
    .filter((entry) => entry.role === "admin" && JOINABLE.includes(entry.organisation.kind))
    .map((entry) => ({ id: entry.organisation.id, name: entry.organisation.name }));
  const suggestions = useTeamSuggestions(challengeId, 3);
  return (
    <section aria-labelledby={headingId} className="stack consortia-panel">
      <h2 id={headingId}>{t("panel.heading")}</h2>
      <p className="muted">{t("panel.lead")}</p>
      {signedIn && <MyConsortiaForChallenge challengeId={challengeId} />}
      <QueryState query={suggestions} namespace="consortia" loadingLabel={t("panel.loading")}>
        {(data) => (
          <Suggestions
            suggestions={data}
            challengeId={challengeId}
            challengeTitle={challengeTitle}
            signedIn={signedIn}
            leads={leads}
          />
        )}
      </QueryState>
    </section>
  );
}

function MyConsortiaForChallenge({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation("consortia");
  const consortia = useChallengeConsortia(challengeId, true);
  const list: ConsortiumSummary[] = consortia.data?.consortia ?? [];
  if (list.length === 0) return null;
  return (
    <div className="card consortia-panel__mine">
      <h3 className="card__title">{t("panel.mine")}</h3>
      <ul className="link-list">
        {list.map((consortium) => (
          <li key={consortium.id}>
            <Link to={`/consortia/${consortium.id}`}>{consortium.name}</Link>{" "}
            <span className="small muted">
              {t("panel.mineLine", {
                lead: consortium.lead.name,
                count: consortium.memberCount,
              })}
            </span>
          </li>
        ))}
      </ul>
      <p className="small">
        <Link to="/consortia">{t("panel.allMine")}</Link>
      </p>
    </div>
  );
}

function Suggestions({
  suggestions,
  challengeId,
  challengeTitle,
  signedIn,
  leads,
}: {
  suggestions: TeamSuggestions;
  challengeId: string;
  challengeTitle: string;
  signedIn: boolean;
  leads: LeadChoice[];
}) {
  const { t } = useTranslation("consortia");
  const capabilityLabel = useCapabilityLabels();
  const list = useListFormat();
  const scoreLine = useScoreLine();
  const requirementList = list(
    suggestions.requirements.map((entry) => capabilityLabel(entry.code)),
  );
  const inferred = suggestions.requirements.some((entry) => entry.inferred);
  if (suggestions.requirements.length === 0) {
    return (
      <EmptyState title={t("panel.noRequirements")}>{t("panel.noRequirementsBody")}</EmptyState>
    );
  }
  return (
    <>
      <p>
        {inferred
          ? t("panel.requirementsInferred", { list: requirementList })
          : t("panel.requirements", { list: requirementList })}
      </p>
      {suggestions.tooManyRequirements && (
        <p className="small muted">{t("panel.tooManyRequirements")}</p>
      )}
      <h3>{t("panel.teams")}</h3>
      {suggestions.teams.length === 0 ? (
        <p>{t("panel.noTeam")}</p>
      ) : (
        <ol className="team-list">
          {suggestions.teams.map((team, index) => (
            <TeamItem
              key={team.members.map((member) => member.organisation.id).join("-")}
              team={team}
              number={index + 1}
              challengeId={challengeId}
              challengeTitle={challengeTitle}
              signedIn={signedIn}
              leads={leads}
            />
          ))}
        </ol>
      )}
      {suggestions.singles.length > 0 && (
        <>
          <h3>{t("panel.singles")}</h3>
          <p className="small muted">{t("panel.singlesLead")}</p>
          <ul className="link-list">
            {suggestions.singles.map((single) => {
              const member = single.members[0]!;
              return (
                <li key={member.organisation.id}>
                  <Link to={`/organisations/${member.organisation.slug}`}>
                    {member.organisation.name}
                  </Link>{" "}
                  <span className="small muted">{scoreLine(single)}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {suggestions.gap && <Gap suggestions={suggestions} />}
      <p className="small muted">
        {t("panel.how")} {suggestions.localCandidates ? t("panel.localYes") : t("panel.localNo")}
      </p>
    </>
  );
}

function TeamItem({
  team,
  number,
  challengeId,
  challengeTitle,
  signedIn,
  leads,
}: {
  team: SuggestedTeam;
  number: number;
  challengeId: string;
  challengeTitle: string;
  signedIn: boolean;
  leads: LeadChoice[];
}) {
  const { t } = useTranslation("consortia");
  const location = useLocation();
  const headingId = useId();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const list = useListFormat();
  const scoreLine = useScoreLine();
  const names = list(team.members.map((member) => member.organisation.name));
  return (
    <li className="card team" aria-labelledby={headingId}>
      <h4 id={headingId} className="team__title">
        {t("team.title", { number, names })}
      </h4>
      <p className="small">{scoreLine(team)}</p>
      <CoverageGrid team={team} caption={t("team.gridCaption", { number })} />
      {!signedIn ? (
        <p className="small">
          <Link to={`/sign-in?next=${encodeURIComponent(`${location.pathname}#consortia`)}`}>
            {t("start.signIn")}
          </Link>
        </p>
      ) : leads.length === 0 ? (
        <p className="small muted">{t("start.noLead")}</p>
      ) : (
        <>
          <Button
            variant={open ? "secondary" : "primary"}
            aria-expanded={open}
            aria-controls={formId}
            onClick={() => setOpen(!open)}
          >
            {t("start.open", { number })}
          </Button>
          {open && (
            <StartConsortiumForm
              id={formId}
              challengeId={challengeId}
              challengeTitle={challengeTitle}
              team={team}
              leads={leads}
            />
          )}
        </>
      )}
    </li>
  );
}

function Gap({ suggestions }: { suggestions: TeamSuggestions }) {
  const { t } = useTranslation("consortia");
  const capabilityLabel = useCapabilityLabels();
  const list = useListFormat();
  const scoreLine = useScoreLine();
  const gap = suggestions.gap!;
  return (
    <section className="gap stack" aria-labelledby="consortia-gap">
      <h3 id="consortia-gap">{t("gap.heading")}</h3>
      {gap.uncovered.length > 0 ? (
        <ul>
          {gap.uncovered.map((entry) => (
            <li key={entry.code}>
              {t("gap.uncovered", { capability: capabilityLabel(entry.code) })}{" "}
              {entry.belowMinTrl.length > 0 &&
                t("gap.belowMinTrl", {
                  list: list(
                    entry.belowMinTrl.map((item) =>
                      t("gap.belowMinTrlItem", {
                        organisation: item.organisation.name,
                        solution: item.solution.title,
                        trl: item.solution.trl,
                      }),
                    ),
                  ),
                  min: suggestions.minTrl ?? "",
                })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("gap.tooMany")}</p>
      )}
      {!suggestions.localCandidates && <p>{t("gap.noLocal")}</p>}
      {gap.closest.length > 0 && (
        <>
          <h4>{t("gap.closest")}</h4>
          <ol className="team-list">
            {gap.closest.map((team, index) => (
              <li
                key={team.members.map((member) => member.organisation.id).join("-")}
                className="card team"
              >
                <p className="team__title">
                  {t("gap.closestTitle", {
                    names: list(team.members.map((member) => member.organisation.name)),
                    covered: team.covered.length,
                    count: suggestions.requirements.length,
                  })}
                </p>
                <p className="small">{scoreLine(team)}</p>
                <CoverageGrid
                  team={team}
                  missing={team.missing}
                  caption={t("gap.gridCaption", { number: index + 1 })}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

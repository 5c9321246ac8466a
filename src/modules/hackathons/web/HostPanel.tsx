import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { Card } from "../../../ui/components/Card.tsx";
import { DataTable } from "../../../ui/components/DataTable.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { Select } from "../../../ui/forms/Select.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import type { Hackathon, Ranking } from "../contract.ts";
import {
  useAddJudge,
  useAnnounceWinners,
  useCloseSubmissions,
  useRanking,
  useRemoveJudge,
  useSaveSettings,
} from "./hackathon-queries.ts";

/** `2026-06-11T14:00` in the viewer's zone, as a datetime-local field takes it. */
function localInput(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** The hosts' tools: settings and criteria, judges, closing submissions, ranking and winners. */
export function HostPanel({ hackathon }: { hackathon: Hackathon }) {
  const { t } = useTranslation("hackathons");
  return (
    <section aria-labelledby="host-title" className="stack">
      <h2 id="host-title">{t("host.title")}</h2>
      {hackathon.winnersAnnouncedAt === null && <Settings hackathon={hackathon} />}
      {hackathon.setUp && hackathon.winnersAnnouncedAt === null && <Judges hackathon={hackathon} />}
      {hackathon.setUp && <RankingCard hackathon={hackathon} />}
    </section>
  );
}

interface CriterionDraft {
  key: number;
  name: string;
  description: string;
  weight: string;
}

function Settings({ hackathon }: { hackathon: Hackathon }) {
  const { t } = useTranslation("hackathons");
  const save = useSaveSettings(hackathon.eventId);
  const close = useCloseSubmissions(hackathon.eventId);
  const [minTeamSize, setMin] = useState(String(hackathon.minTeamSize ?? 2));
  const [maxTeamSize, setMax] = useState(String(hackathon.maxTeamSize ?? 5));
  const [deadline, setDeadline] = useState(localInput(hackathon.submissionDeadline));
  const [criteria, setCriteria] = useState<CriterionDraft[]>(
    hackathon.criteria.length
      ? hackathon.criteria.map((criterion, key) => ({
          key,
          name: criterion.name,
          description: criterion.description,
          weight: String(criterion.weight),
        }))
      : [{ key: 0, name: "", description: "", weight: "100" }],
  );
  const total = criteria.reduce((sum, criterion) => sum + (Number(criterion.weight) || 0), 0);
  const change = (key: number, fields: Partial<CriterionDraft>) =>
    setCriteria(criteria.map((row) => (row.key === key ? { ...row, ...fields } : row)));
  return (
    <Card title={t("host.settings")} headingLevel={3}>
      <form
        className="form"
        onSubmit={(submitted) => {
          submitted.preventDefault();
          save.mutate({
            minTeamSize: Number(minTeamSize),
            maxTeamSize: Number(maxTeamSize),
            submissionDeadline: deadline ? new Date(deadline).toISOString() : "",
            criteria: criteria.map((row) => ({
              name: row.name,
              description: row.description,
              weight: Number(row.weight),
            })),
          });
        }}
      >
        {save.error ? <ProblemAlert error={save.error} namespace="hackathons" /> : null}
        {save.isSuccess && <Alert tone="success" title={t("host.saved")} />}
        <div className="cluster">
          <TextField
            label={t("host.minTeamSize")}
            type="number"
            min={1}
            max={20}
            value={minTeamSize}
            onChange={setMin}
            required
            width="short"
          />
          <TextField
            label={t("host.maxTeamSize")}
            type="number"
            min={1}
            max={20}
            value={maxTeamSize}
            onChange={setMax}
            required
            width="short"
          />
        </div>
        <TextField
          label={t("host.deadline")}
          hint={t("host.deadlineHint")}
          type="datetime-local"
          value={deadline}
          onChange={setDeadline}
          required
          width="medium"
        />
        <fieldset className="field">
          <legend className="field__label">{t("host.criteria")}</legend>
          <p className="small muted" aria-live="polite">
            {t("host.weightsTotal", { total })}
          </p>
          {criteria.map((row, index) => (
            <div key={row.key} className="hackathon-criterion">
              <TextField
                label={t("host.criterionName", { number: index + 1 })}
                value={row.name}
                onChange={(name) => change(row.key, { name })}
                required
                maxLength={120}
                width="medium"
              />
              <TextField
                label={t("host.criterionWeight", { number: index + 1 })}
                type="number"
                min={1}
                max={100}
                value={row.weight}
                onChange={(weight) => change(row.key, { weight })}
                required
                width="short"
              />
              <TextField
                label={t("host.criterionDescription", { number: index + 1 })}
                value={row.description}
                onChange={(description) => change(row.key, { description })}
                optional
                maxLength={1000}
              />
              {criteria.length > 1 && (
                <Button
                  small
                  variant="quiet"
                  onClick={() => setCriteria(criteria.filter((other) => other.key !== row.key))}
                >
                  {t("host.removeCriterion", { number: index + 1 })}
                </Button>
              )}
            </div>
          ))}
          <Button
            small
            variant="secondary"
            onClick={() =>
              setCriteria([
                ...criteria,
                {
                  key: Math.max(...criteria.map((row) => row.key)) + 1,
                  name: "",
                  description: "",
                  weight: "",
                },
              ])
            }
          >
            {t("host.addCriterion")}
          </Button>
        </fieldset>
        <Button type="submit" busy={save.isPending}>
          {t("host.save")}
        </Button>
      </form>
      {hackathon.submissionsOpen && (
        <div className="stack">
          {close.error ? <ProblemAlert error={close.error} namespace="hackathons" /> : null}
          <p className="small muted">{t("host.closeHint")}</p>
          <Button variant="secondary" busy={close.isPending} onClick={() => close.mutate()}>
            {t("host.closeNow")}
          </Button>
        </div>
      )}
    </Card>
  );
}

function Judges({ hackathon }: { hackathon: Hackathon }) {
  const { t } = useTranslation("hackathons");
  const add = useAddJudge(hackathon.eventId);
  const remove = useRemoveJudge(hackathon.eventId);
  const [email, setEmail] = useState("");
  return (
    <Card title={t("host.judges")} headingLevel={3}>
      {remove.error ? <ProblemAlert error={remove.error} namespace="hackathons" /> : null}
      {hackathon.judges.length === 0 ? (
        <p className="muted">{t("host.noJudges")}</p>
      ) : (
        <ul className="hackathon-list">
          {hackathon.judges.map((judge) => (
            <li key={judge.userId} className="cluster">
              <span>{judge.name}</span>
              <Button
                small
                variant="quiet"
                busy={remove.isPending}
                onClick={() => remove.mutate(judge.userId)}
              >
                {t("host.removeJudge", { name: judge.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="form"
        onSubmit={(submitted) => {
          submitted.preventDefault();
          add.mutate(email, { onSuccess: () => setEmail("") });
        }}
      >
        {add.error ? <ProblemAlert error={add.error} namespace="hackathons" /> : null}
        <TextField
          label={t("host.judgeEmail")}
          type="email"
          value={email}
          onChange={setEmail}
          required
          width="medium"
        />
        <Button type="submit" busy={add.isPending}>
          {t("host.addJudge")}
        </Button>
      </form>
    </Card>
  );
}

function RankingCard({ hackathon }: { hackathon: Hackathon }) {
  const { t } = useTranslation("hackathons");
  const ranking = useRanking(hackathon.eventId, true);
  return (
    <Card title={t("host.ranking")} headingLevel={3}>
      <QueryState query={ranking} namespace="hackathons" loadingLabel={t("page.loading")}>
        {(data) => <RankingTable hackathon={hackathon} ranking={data} />}
      </QueryState>
    </Card>
  );
}

export function RankingTable({ hackathon, ranking }: { hackathon: Hackathon; ranking: Ranking }) {
  const { t } = useTranslation("hackathons");
  const format = useFormatting();
  const announce = useAnnounceWinners(hackathon.eventId);
  const [places, setPlaces] = useState<Record<string, string>>({});
  const choosing =
    hackathon.me.manage && !hackathon.submissionsOpen && hackathon.winnersAnnouncedAt === null;
  if (ranking.teams.length === 0) return <p className="muted">{t("results.nothingSubmitted")}</p>;
  const winners = Object.entries(places)
    .filter(([, place]) => place !== "")
    .sort(([, a], [, b]) => Number(a) - Number(b))
    .map(([teamId]) => teamId);
  return (
    <div className="stack">
      <DataTable
        caption={t("results.rankingCaption")}
        captionHidden
        rows={ranking.teams}
        rowKey={(row) => row.team.id}
        columns={[
          { key: "rank", header: t("results.rank"), render: (row) => row.rank, numeric: true },
          {
            key: "team",
            header: t("results.team"),
            render: (row) => row.team.name,
            rowHeader: true,
          },
          {
            key: "score",
            header: t("results.score"),
            numeric: true,
            render: (row) =>
              row.score === null ? t("results.unscored") : format.number(row.score),
          },
          {
            key: "judges",
            header: t("results.judges"),
            numeric: true,
            render: (row) =>
              t("results.judgesValue", { counted: row.judgesCounted, recused: row.recusedJudges }),
          },
          {
            key: "place",
            header: t("results.prize"),
            render: (row) =>
              choosing ? (
                <Select
                  label={t("results.prizeFor", { team: row.team.name })}
                  value={places[row.team.id] ?? ""}
                  onChange={(place) => setPlaces({ ...places, [row.team.id]: place })}
                  placeholder={t("results.noPrize")}
                  options={[1, 2, 3].map((place) => ({
                    value: String(place),
                    label: t("results.place", { place }),
                  }))}
                />
              ) : row.winnerPlace !== null ? (
                t("results.place", { place: row.winnerPlace })
              ) : (
                "—"
              ),
          },
        ]}
      />
      {hackathon.me.manage && hackathon.submissionsOpen && (
        <p className="small muted">{t("results.announceAfterDeadline")}</p>
      )}
      {choosing && (
        <>
          {announce.error ? <ProblemAlert error={announce.error} namespace="hackathons" /> : null}
          <p className="small muted">{t("results.announceHint")}</p>
          <Button
            busy={announce.isPending}
            disabled={winners.length === 0}
            onClick={() => announce.mutate(winners)}
          >
            {t("results.announce")}
          </Button>
        </>
      )}
    </div>
  );
}

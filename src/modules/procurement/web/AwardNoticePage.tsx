import "./procurement.css";
import "./evaluation.css";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Alert } from "../../../ui/components/Alert.tsx";
import { DataTable } from "../../../ui/components/DataTable.tsx";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import { useBudgetFormat } from "../../challenges/web/money.ts";
import type { AwardNotice } from "../contract-evaluation.ts";
import { Standstill } from "./EvaluationRanking.tsx";
import { useAwardNotice } from "./evaluation-queries.ts";

/**
 * The public award notice: who won, for how much, when, why; how many proposals were evaluated
 * and the winner's total (the others' scores are theirs); the standstill; the contact log.
 */
export function AwardNoticePage() {
  const { t } = useTranslation("procurement");
  const { id = "" } = useParams();
  const notice = useAwardNotice(id);
  return (
    <div className="stack">
      <QueryState query={notice} namespace="procurement" loadingLabel={t("evaluation.loading")}>
        {(data) => <NoticeBody notice={data} />}
      </QueryState>
    </div>
  );
}

function NoticeBody({ notice }: { notice: AwardNotice }) {
  const { t } = useTranslation("procurement");
  const format = useFormatting();
  const price = useBudgetFormat();
  return (
    <>
      <PageHeader
        eyebrow={t("evaluation.notice.eyebrow")}
        title={t("evaluation.notice.title", { challenge: notice.challenge.title })}
      />
      {notice.cancellation && (
        <Alert tone="warning" title={t("evaluation.notice.cancelled")}>
          <p>
            {t("evaluation.notice.cancelledOn", {
              date: format.dateTime(notice.cancellation.cancelledAt),
            })}
          </p>
          <p>
            <strong>{t("evaluation.notice.cancellationReason")}</strong>{" "}
            {notice.cancellation.reason}
          </p>
        </Alert>
      )}
      <dl className="proposal-sections">
        <div>
          <dt>{t("evaluation.notice.winner")}</dt>
          <dd>{notice.winner.name}</dd>
        </div>
        <div>
          <dt>{t("evaluation.notice.value")}</dt>
          <dd>
            {price({
              minMinor: notice.value.amountMinor,
              maxMinor: notice.value.amountMinor,
              currency: notice.value.currency,
            })}
          </dd>
        </div>
        <div>
          <dt>{t("evaluation.notice.decided")}</dt>
          <dd>{format.dateTime(notice.decidedAt)}</dd>
        </div>
        <div>
          <dt>{t("evaluation.notice.justification")}</dt>
          <dd>{notice.justification}</dd>
        </div>
        <div>
          <dt>{t("evaluation.notice.ranking")}</dt>
          <dd>
            {t("evaluation.notice.rankingLine", {
              count: notice.ranking.evaluated,
              rank: notice.ranking.winnerRank ?? "—",
              total:
                notice.ranking.winnerTotal === null
                  ? "—"
                  : format.number(Math.round(notice.ranking.winnerTotal * 100) / 100),
            })}
            <div className="small muted">
              {notice.ranking.criteria
                .map((criterion) => `${criterion.name} (${criterion.weight})`)
                .join(" · ")}
            </div>
          </dd>
        </div>
      </dl>
      {!notice.cancellation && <Standstill challengeId={notice.challenge.id} />}
      {notice.cancelledAwards.length > 0 && (
        <section className="stack" aria-labelledby="cancelled-awards">
          <h2 id="cancelled-awards">{t("evaluation.notice.cancelledAwards")}</h2>
          <ul>
            {notice.cancelledAwards.map((earlier) => (
              <li key={earlier.decidedAt}>
                {t("evaluation.notice.cancelledAward", {
                  winner: earlier.winner.name,
                  decided: format.dateTime(earlier.decidedAt),
                  cancelled: format.dateTime(earlier.cancellation.cancelledAt),
                })}{" "}
                {earlier.cancellation.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="stack" aria-labelledby="contact-log">
        <h2 id="contact-log">{t("evaluation.notice.contacts")}</h2>
        {notice.contacts.length === 0 ? (
          <p className="small muted">{t("evaluation.notice.noContacts")}</p>
        ) : (
          <DataTable
            caption={t("evaluation.notice.contacts")}
            captionHidden
            columns={[
              {
                key: "when",
                header: t("evaluation.notice.when"),
                render: (contact) => format.dateTime(contact.contactAt),
              },
              {
                key: "who",
                header: t("evaluation.notice.who"),
                render: (contact) => contact.cityPerson.name,
              },
              {
                key: "organisation",
                header: t("evaluation.notice.organisation"),
                render: (contact) => contact.organisation?.name ?? "",
              },
              {
                key: "channel",
                header: t("evaluation.notice.channel"),
                render: (contact) => t(`evaluation.channel.${contact.channel}`),
              },
              {
                key: "subject",
                header: t("evaluation.notice.subject"),
                render: (contact) => contact.subject,
              },
            ]}
            rows={notice.contacts}
            rowKey={(contact) =>
              `${contact.contactAt}-${contact.cityPerson.id}-${contact.organisation?.id}-${contact.subject}`
            }
          />
        )}
      </section>
      <p>
        <Link to={`/challenges/${notice.challenge.id}`}>{t("evaluation.notice.back")}</Link>
      </p>
    </>
  );
}

import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../../../ui/components/DataTable.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import { useCapabilityLabels } from "../../../catalogue/web/form/CapabilityField.tsx";
import { EventOutcomesSection } from "../../../events/web/EventOutcomesSection.tsx";
import { CoFundingSection } from "../../../funding/web/CoFundingSection.tsx";
import { FundingFinderSection } from "../../../funding/web/FundingFinderSection.tsx";
import { SimilarChallengesSection } from "../../../matchmaking/web/AcrossSections.tsx";
import type { Challenge, Timeline } from "../../contract.ts";
import { attachmentAddress } from "../challenge-queries.ts";
import { useDeadlineFormat } from "../deadlines.ts";
import { useBudgetFormat } from "../money.ts";

const timelineFields = [
  "questionDeadline",
  "proposalDeadline",
  "awardDate",
] as const satisfies readonly (keyof Timeline)[];

/** What the city asks for, how it will judge success, what it pays, by when, and whom to ask. */
export function OverviewTab({ challenge }: { challenge: Challenge }) {
  const capabilityLabel = useCapabilityLabels();
  const { t } = useTranslation("challenges");
  const format = useFormatting();
  const deadline = useDeadlineFormat();
  const budget = useBudgetFormat();
  const number = (value: number | null) => (value === null ? "—" : format.number(value));

  return (
    <div className="with-sidebar with-sidebar--right">
      <div className="stack">
        <section aria-labelledby="challenge-description">
          <h2 id="challenge-description">{t("overview.description")}</h2>
          {challenge.descriptionHtml ? (
            <div
              className="prose"
              // The server renders the Markdown safely: raw HTML escaped, only http(s)/mailto links.
              // biome-ignore lint/security/noDangerouslySetInnerHtml: safe HTML from the server.
              dangerouslySetInnerHTML={{ __html: challenge.descriptionHtml }}
            />
          ) : (
            <p className="muted">{t("overview.noDescription")}</p>
          )}
        </section>
        {challenge.kpis.length > 0 && (
          <section aria-labelledby="challenge-kpis">
            <h2 id="challenge-kpis">{t("overview.kpis")}</h2>
            <DataTable
              caption={t("overview.kpis")}
              captionHidden
              rows={challenge.kpis}
              rowKey={(kpi) => kpi.metric}
              columns={[
                {
                  key: "metric",
                  header: t("kpi.metric"),
                  rowHeader: true,
                  render: (k) => k.metric,
                },
                {
                  key: "baseline",
                  header: t("kpi.baseline"),
                  numeric: true,
                  render: (k) => number(k.baseline),
                },
                {
                  key: "target",
                  header: t("kpi.target"),
                  numeric: true,
                  render: (k) => number(k.target),
                },
                { key: "unit", header: t("kpi.unit"), render: (k) => k.unit },
              ]}
            />
          </section>
        )}
        {challenge.announcements.length > 0 && (
          <section aria-labelledby="challenge-announcements">
            <h2 id="challenge-announcements">{t("overview.announcements")}</h2>
            <ul className="item-list">
              {challenge.announcements.map((announcement) => (
                <li key={announcement.id}>
                  <div className="item-list__main">
                    <p>
                      <strong>{t(`announcement.${announcement.kind}`)}</strong> ·{" "}
                      <time dateTime={announcement.at}>{format.dateTime(announcement.at)}</time>
                    </p>
                    <ul>
                      {announcement.changes.map((change) => (
                        <li key={change.field}>
                          {t("announcement.change", {
                            field: t(`fields.${change.field}`, { defaultValue: change.field }),
                            from: changeValue(change.from, deadline.dateTime, t),
                            to: changeValue(change.to, deadline.dateTime, t),
                          })}
                        </li>
                      ))}
                    </ul>
                    {announcement.reason && <p>{announcement.reason}</p>}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        )}
        {challenge.status !== "draft" && <EventOutcomesSection challengeId={challenge.id} />}
        {challenge.status !== "draft" && <CoFundingSection challengeId={challenge.id} />}
        {challenge.status !== "draft" && <FundingFinderSection challengeId={challenge.id} />}
        {challenge.status !== "draft" && <SimilarChallengesSection challengeId={challenge.id} />}
      </div>
      <aside className="stack" aria-label={t("overview.factsLabel")}>
        <section className="card" aria-labelledby="challenge-facts">
          <h2 id="challenge-facts" className="card__title">
            {t("overview.facts")}
          </h2>
          <dl className="facts">
            <div>
              <dt>{t("fields.budget")}</dt>
              <dd>{budget(challenge.budget)}</dd>
            </div>
            <div>
              <dt>{t("fields.minTrl")}</dt>
              <dd>
                {challenge.minTrl
                  ? t("overview.trl", { trl: challenge.minTrl })
                  : t("overview.anyTrl")}
              </dd>
            </div>
            <div>
              <dt>{t("fields.procurementModel")}</dt>
              <dd>
                {t(`models.${challenge.procurementModel}.name`)}
                <br />
                <span className="small muted">
                  {t(`models.${challenge.procurementModel}.hint`)}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t("fields.sectors")}</dt>
              <dd>{challenge.sectors.map((sector) => t(`sectors.${sector}`)).join(", ")}</dd>
            </div>
            {challenge.capabilities.length > 0 && (
              <div>
                <dt>{t("fields.capabilities")}</dt>
                <dd>{challenge.capabilities.map(capabilityLabel).join(", ")}</dd>
              </div>
            )}
          </dl>
        </section>
        <section className="card" aria-labelledby="challenge-timeline">
          <h2 id="challenge-timeline" className="card__title">
            {t("overview.timeline")}
          </h2>
          <dl className="facts">
            {timelineFields.map((field) => {
              const value = challenge.timeline[field];
              return (
                <div key={field}>
                  <dt>{t(`fields.${field}`)}</dt>
                  <dd>
                    {value ? (
                      <>
                        <time dateTime={value}>{deadline.dateTime(value)}</time>
                        <br />
                        <span className="small muted">{deadline.daysLeft(value)}</span>
                      </>
                    ) : (
                      t("deadline.none")
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
          <p className="small muted">{t("overview.zone", { zone: deadline.zone })}</p>
        </section>
        {challenge.contacts.length > 0 && (
          <section className="card" aria-labelledby="challenge-contacts">
            <h2 id="challenge-contacts" className="card__title">
              {t("overview.contacts")}
            </h2>
            <ul className="link-list">
              {challenge.contacts.map((contact) => (
                <li key={contact.email}>
                  <strong>{contact.name}</strong>
                  {contact.role && <span className="muted"> — {contact.role}</span>}
                  <br />
                  <a href={`mailto:${contact.email}`}>{contact.email}</a>
                </li>
              ))}
            </ul>
          </section>
        )}
        {challenge.attachments.length > 0 && (
          <section className="card" aria-labelledby="challenge-attachments">
            <h2 id="challenge-attachments" className="card__title">
              {t("overview.attachments")}
            </h2>
            <ul className="link-list">
              {challenge.attachments.map((attachment) => (
                <li key={attachment.id}>
                  <a
                    href={attachmentAddress(challenge.id, attachment.id)}
                    download={attachment.filename}
                  >
                    {attachment.filename}
                  </a>{" "}
                  <span className="small muted">
                    (
                    {t("overview.size", {
                      size: format.number(Math.ceil(attachment.sizeBytes / 1024)),
                    })}
                    )
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </aside>
    </div>
  );
}

/** Announced values are ISO instants for deadlines and status codes for status changes. */
function changeValue(value: string, dateTime: (iso: string) => string, t: TFunction): string {
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return dateTime(value);
  return t(`statuses.${value}`, { defaultValue: value || "—" });
}

import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Button, buttonClass } from "../../../ui/components/Button.tsx";
import { DataTable } from "../../../ui/components/DataTable.tsx";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import type { Agenda } from "../contract-brokerage.ts";
import { useAgenda } from "./brokerage-queries.ts";
import { useEventTime } from "./event-time.ts";
import "./events.css";
import "./brokerage.css";

/** A participant's 1:1 meetings at an event: printable, and as an .ics file. */
export function AgendaPage() {
  const { t } = useTranslation("events");
  const { id = "" } = useParams();
  const agenda = useAgenda(id);
  return (
    <QueryState query={agenda} namespace="events" loadingLabel={t("brokerage.loading")}>
      {(data) => <AgendaView agenda={data} />}
    </QueryState>
  );
}

function AgendaView({ agenda }: { agenda: Agenda }) {
  const { t } = useTranslation("events");
  const time = useEventTime();
  const day = agenda.meetings[0];
  return (
    <div className="meeting-agenda">
      <PageHeader
        eyebrow={t("brokerage.agenda.eyebrow")}
        title={agenda.title}
        lead={
          <p>
            {day ? time.range(day.startsAt, day.endsAt, agenda.timeZone).split(",")[0] : null}
            {agenda.venue ? ` · ${agenda.venue}` : null}
          </p>
        }
        actions={
          <div className="button-row no-print">
            <Button variant="secondary" onClick={() => window.print()}>
              {t("brokerage.agenda.print")}
            </Button>
            <a
              className={buttonClass("secondary")}
              href={`/api/v1/events/${agenda.eventId}/agenda.ics`}
              download
            >
              {t("brokerage.agenda.ics")}
            </a>
          </div>
        }
      />
      <p className="no-print">
        <Link to={`/events/${agenda.eventId}`}>{t("brokerage.agenda.back")}</Link>
      </p>
      {agenda.meetings.length === 0 ? (
        <p>{t("brokerage.agenda.none")}</p>
      ) : (
        <DataTable
          caption={t("brokerage.agenda.caption", { zone: agenda.timeZone })}
          rows={agenda.meetings}
          rowKey={(row) => row.requestId}
          columns={[
            {
              key: "time",
              header: t("brokerage.agenda.time"),
              rowHeader: true,
              render: (row) => (
                <time dateTime={row.startsAt}>
                  {time.time(row.startsAt, agenda.timeZone)}–
                  {time.time(row.endsAt, agenda.timeZone)}
                </time>
              ),
            },
            { key: "table", header: t("brokerage.agenda.table"), render: (row) => row.table },
            { key: "with", header: t("brokerage.agenda.with"), render: (row) => row.with.name },
            {
              key: "organisation",
              header: t("brokerage.agenda.organisation"),
              render: (row) => row.with.organisations.join(", "),
            },
          ]}
        />
      )}
    </div>
  );
}

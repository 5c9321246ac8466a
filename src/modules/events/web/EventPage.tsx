import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Badge } from "../../../ui/components/Badge.tsx";
import { Button, ButtonLink } from "../../../ui/components/Button.tsx";
import { Card } from "../../../ui/components/Card.tsx";
import { DataTable } from "../../../ui/components/DataTable.tsx";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import { signInAddressFor, useViewer } from "../../catalogue/web/viewer.ts";
import { HackathonLink } from "../../hackathons/web/HackathonLink.tsx";
import type { Event } from "../contract.ts";
import { BrokerageSection } from "./BrokerageSection.tsx";
import { useEventTime } from "./event-time.ts";
import { useEvent, useEventStatus, useParticipants, useRegistration } from "./events-queries.ts";
import { OutcomesSection } from "./OutcomesSection.tsx";
import "./events.css";

/** An event: when (in its zone and yours), where, the agenda, seats, and your registration. */
export function EventPage() {
  const { t } = useTranslation("events");
  const { id = "" } = useParams();
  const event = useEvent(id);
  return (
    <QueryState query={event} namespace="events" loadingLabel={t("page.loading")}>
      {(data) => <EventView event={data} />}
    </QueryState>
  );
}

function EventView({ event }: { event: Event }) {
  const { t } = useTranslation("events");
  const time = useEventTime();
  const elsewhere = time.differs(event.startsAt, event.timeZone);
  return (
    <>
      <PageHeader
        eyebrow={t(`kinds.${event.kind}`)}
        title={event.title}
        lead={<p>{event.summary}</p>}
        aside={
          event.status !== "published" ? (
            <Badge tone={event.status === "cancelled" ? "danger" : "neutral"}>
              {t(`statuses.${event.status}`)}
            </Badge>
          ) : null
        }
        actions={
          event.me.manage ? (
            <ButtonLink variant="secondary" to={`/events/${event.id}/edit`}>
              {t("page.edit")}
            </ButtonLink>
          ) : null
        }
      />
      <div className="with-sidebar with-sidebar--right">
        <div className="stack">
          {event.status === "cancelled" && <Alert tone="warning" title={t("page.cancelled")} />}
          <Card title={t("page.when")}>
            <p>
              <time dateTime={event.startsAt}>
                {time.range(event.startsAt, event.endsAt, event.timeZone)}
              </time>
            </p>
            {elsewhere && (
              <p className="muted">
                {t("page.yourTime", {
                  time: time.range(event.startsAt, event.endsAt, time.viewerZone()),
                })}
              </p>
            )}
            <p>
              <a href={`/api/v1/events/${event.id}/ics`} download>
                {t("page.addToCalendar")}
              </a>
            </p>
          </Card>
          <Card title={t("page.where")}>
            {event.venue && <p>{event.venue}</p>}
            {event.online &&
              (event.onlineUrl ? (
                <p>
                  <a href={event.onlineUrl} rel="noopener noreferrer" target="_blank">
                    {t("page.join")}
                  </a>
                </p>
              ) : (
                <p className="muted">{t("page.onlineForRegistered")}</p>
              ))}
          </Card>
          {event.descriptionHtml && (
            <Card title={t("page.about")}>
              {/* Rendered by the server from Markdown with raw HTML disabled. */}
              <div
                className="prose"
                // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server.
                dangerouslySetInnerHTML={{ __html: event.descriptionHtml }}
              />
            </Card>
          )}
          {event.agenda.length > 0 && (
            <Card title={t("page.agenda")}>
              <ol className="event-agenda">
                {event.agenda.map((item) => (
                  <li key={item.id}>
                    <p>
                      <strong>
                        {time.time(item.startsAt, event.timeZone)}–
                        {time.time(item.endsAt, event.timeZone)}
                      </strong>{" "}
                      {item.title}
                    </p>
                    {item.speakers.length > 0 && (
                      <p className="small muted">
                        {item.speakers
                          .map((speaker) =>
                            speaker.affiliation
                              ? `${speaker.name} (${speaker.affiliation})`
                              : speaker.name,
                          )
                          .join(", ")}
                      </p>
                    )}
                    {item.description && <p className="small">{item.description}</p>}
                  </li>
                ))}
              </ol>
            </Card>
          )}
          {event.challenges.length > 0 && (
            <Card title={t("page.challenges")}>
              <ul>
                {event.challenges.map((challenge) => (
                  <li key={challenge.id}>
                    <Link to={`/challenges/${challenge.id}`}>{challenge.title}</Link>
                  </li>
                ))}
              </ul>
            </Card>
          )}
          <OutcomesSection event={event} />
          <BrokerageSection event={event} />
          {event.kind === "hackathon" && <HackathonLink eventId={event.id} />}
          {event.me.manage && <HostTools event={event} />}
        </div>
        <aside className="stack" aria-label={t("page.registration")}>
          <RegistrationCard event={event} />
          <Card title={t("page.hosts")}>
            <ul>
              {event.hosts.map((host) => (
                <li key={host.id}>
                  <Link to={`/organisations/${host.slug}`}>{host.name}</Link>
                </li>
              ))}
            </ul>
          </Card>
        </aside>
      </div>
    </>
  );
}

function RegistrationCard({ event }: { event: Event }) {
  const { t } = useTranslation("events");
  const format = useFormatting();
  const viewer = useViewer();
  const location = useLocation();
  const { register, cancel } = useRegistration(event.id);
  const mine = event.me.registration;
  const seatsLeft =
    event.capacity === null ? null : Math.max(0, event.capacity - event.registeredCount);
  return (
    <Card title={t("page.registration")}>
      <p>
        {event.capacity === null
          ? t("seats.unlimited", { count: event.registeredCount })
          : t("seats.left", { left: seatsLeft, capacity: event.capacity })}
      </p>
      {event.waitlistCount > 0 && <p>{t("seats.waitlist", { count: event.waitlistCount })}</p>}
      {event.registrationDeadline && (
        <p className="small muted">
          {t("seats.deadline", { date: format.dateTime(event.registrationDeadline) })}
        </p>
      )}
      {mine?.status === "registered" && <Alert tone="success" title={t("register.registered")} />}
      {mine?.status === "waitlisted" && (
        <Alert
          tone="info"
          title={t("register.waitlisted", { position: mine.waitlistPosition ?? 0 })}
        >
          <p>{t("register.waitlistNote")}</p>
        </Alert>
      )}
      {register.error ? <ProblemAlert error={register.error} namespace="events" /> : null}
      {cancel.error ? <ProblemAlert error={cancel.error} namespace="events" /> : null}
      {viewer.user === null && !viewer.pending ? (
        event.registrationOpen && (
          <ButtonLink to={signInAddressFor(location.pathname)}>{t("register.signIn")}</ButtonLink>
        )
      ) : mine ? (
        <Button variant="secondary" busy={cancel.isPending} onClick={() => cancel.mutate()}>
          {mine.status === "registered" ? t("register.cancel") : t("register.leaveWaitlist")}
        </Button>
      ) : event.registrationOpen ? (
        <Button busy={register.isPending} onClick={() => register.mutate()}>
          {seatsLeft === 0 ? t("register.joinWaitlist") : t("register.register")}
        </Button>
      ) : (
        <p className="muted">{t("register.closed")}</p>
      )}
    </Card>
  );
}

function HostTools({ event }: { event: Event }) {
  const { t } = useTranslation("events");
  const format = useFormatting();
  const participants = useParticipants(event.id, true);
  const status = useEventStatus(event.id);
  return (
    <Card title={t("host.title")}>
      {status.error ? <ProblemAlert error={status.error} namespace="events" /> : null}
      <div className="button-row">
        {event.status === "draft" && (
          <Button busy={status.isPending} onClick={() => status.mutate("published")}>
            {t("host.publish")}
          </Button>
        )}
        {event.status !== "cancelled" && (
          <Button
            variant="danger"
            busy={status.isPending}
            onClick={() => {
              if (window.confirm(t("host.confirmCancel"))) status.mutate("cancelled");
            }}
          >
            {t("host.cancel")}
          </Button>
        )}
      </div>
      <QueryState query={participants} namespace="events" loadingLabel={t("host.loading")}>
        {(data) =>
          data.participants.length === 0 ? (
            <p className="muted">{t("host.none")}</p>
          ) : (
            <DataTable
              caption={t("host.participants")}
              rows={data.participants}
              rowKey={(row) => row.userId}
              columns={[
                { key: "name", header: t("host.name"), render: (row) => row.name, rowHeader: true },
                {
                  key: "status",
                  header: t("host.status"),
                  render: (row) =>
                    row.status === "registered"
                      ? t("host.registered")
                      : t("host.waiting", { position: row.waitlistPosition ?? 0 }),
                },
                {
                  key: "at",
                  header: t("host.registeredAt"),
                  render: (row) => format.dateTime(row.registeredAt),
                },
              ]}
            />
          )
        }
      </QueryState>
    </Card>
  );
}

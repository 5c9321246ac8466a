import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Badge } from "../../../ui/components/Badge.tsx";
import { Button, ButtonLink } from "../../../ui/components/Button.tsx";
import { Card } from "../../../ui/components/Card.tsx";
import { CopyButton } from "../../../ui/components/CopyButton.tsx";
import { EmptyState } from "../../../ui/components/EmptyState.tsx";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { Checkbox } from "../../../ui/forms/Checkbox.tsx";
import { Select } from "../../../ui/forms/Select.tsx";
import { useViewer } from "../../catalogue/web/viewer.ts";
import type { EventSummary } from "../contract.ts";
import { useEventTime } from "./event-time.ts";
import { type EventFilters, useCalendarFeed, useEventList } from "./events-queries.ts";
import "./events.css";

const kinds = ["meeting", "workshop", "webinar", "hackathon"] as const;

/** Upcoming and past events of the network, filterable; your own; and your calendar feed. */
export function EventsPage() {
  const { t } = useTranslation("events");
  const viewer = useViewer();
  const [filters, setFilters] = useState<EventFilters>({ when: "upcoming", kind: "", mine: false });
  const list = useEventList(filters);
  const signedIn = viewer.user !== null;
  return (
    <>
      <PageHeader
        title={t("list.title")}
        lead={<p>{t("list.lead")}</p>}
        actions={signedIn ? <ButtonLink to="/events/new">{t("list.create")}</ButtonLink> : null}
      />
      <div className="with-sidebar">
        <aside className="stack" aria-label={t("list.filters")}>
          <Select
            label={t("list.when")}
            value={filters.when}
            onChange={(when) => setFilters({ ...filters, when: when as EventFilters["when"] })}
            options={[
              { value: "upcoming", label: t("list.upcoming") },
              { value: "past", label: t("list.past") },
            ]}
          />
          <Select
            label={t("list.kind")}
            value={filters.kind}
            placeholder={t("list.anyKind")}
            onChange={(kind) => setFilters({ ...filters, kind })}
            options={kinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          />
          {signedIn && (
            <Checkbox
              label={t("list.mine")}
              checked={filters.mine}
              onChange={(mine) => setFilters({ ...filters, mine })}
            />
          )}
          {signedIn && <FeedCard />}
        </aside>
        <section aria-label={t("list.results")} aria-busy={list.isFetching || undefined}>
          <QueryState query={list} namespace="events" loadingLabel={t("list.loading")}>
            {(data) =>
              data.events.length === 0 ? (
                <EmptyState title={t("list.empty")} />
              ) : (
                <ul className="event-list">
                  {data.events.map((event) => (
                    <li key={event.id}>
                      <EventCard event={event} />
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryState>
        </section>
      </div>
    </>
  );
}

function EventCard({ event }: { event: EventSummary }) {
  const { t } = useTranslation("events");
  const time = useEventTime();
  const full = event.capacity !== null && event.registeredCount >= event.capacity;
  return (
    <Card
      as="article"
      headingLevel={2}
      title={<Link to={`/events/${event.id}`}>{event.title}</Link>}
    >
      <p className="event-card__meta">
        <Badge tone="info">{t(`kinds.${event.kind}`)}</Badge>{" "}
        {event.status !== "published" && (
          <Badge tone={event.status === "cancelled" ? "danger" : "neutral"}>
            {t(`statuses.${event.status}`)}
          </Badge>
        )}{" "}
        {full && event.status === "published" && <Badge tone="warning">{t("seats.full")}</Badge>}
      </p>
      <p>
        <time dateTime={event.startsAt}>
          {time.range(event.startsAt, event.endsAt, event.timeZone)}
        </time>
      </p>
      <p className="muted">
        {[event.venue, event.online ? t("list.online") : null].filter(Boolean).join(" · ")}
      </p>
      <p>{event.summary}</p>
      <p className="small muted">
        {t("list.hostedBy", { hosts: event.hosts.map((host) => host.name).join(", ") })}
      </p>
    </Card>
  );
}

/** The secret address of the person's calendar feed: shown once, when made. */
function FeedCard() {
  const { t } = useTranslation("events");
  const { feed, make } = useCalendarFeed(true);
  const urlId = useId();
  const url = make.data?.url ?? null;
  return (
    <Card title={t("feed.title")} headingLevel={2}>
      <p className="small">{t("feed.lead")}</p>
      {url ? (
        <>
          <p className="small" id={urlId}>
            {t("feed.copyNow")}
          </p>
          <p className="mono event-feed__url">{url}</p>
          <CopyButton text={url} label={t("feed.copy")} />
        </>
      ) : (
        <Button variant="secondary" small busy={make.isPending} onClick={() => make.mutate()}>
          {feed.data?.exists ? t("feed.replace") : t("feed.make")}
        </Button>
      )}
    </Card>
  );
}

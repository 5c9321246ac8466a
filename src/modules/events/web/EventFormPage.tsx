import { DateTime } from "luxon";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useParams } from "react-router";
import { Button } from "../../../ui/components/Button.tsx";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { Checkbox } from "../../../ui/forms/Checkbox.tsx";
import { collectErrors } from "../../../ui/forms/checks.ts";
import { FormProblems } from "../../../ui/forms/FormProblems.tsx";
import { type FieldErrors, useFieldErrors, useFieldIds } from "../../../ui/forms/field-errors.ts";
import { Select } from "../../../ui/forms/Select.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import { signInAddressFor, useMyOrganisations, useViewer } from "../../catalogue/web/viewer.ts";
import type { Event, EventBody, EventKind } from "../contract.ts";
import { viewerZone } from "./event-time.ts";
import { type LinkTarget, useEvent, useSaveEvent } from "./events-queries.ts";
import { LinkPicker } from "./LinkPicker.tsx";
import "./events.css";

const kinds = ["meeting", "workshop", "webinar", "hackathon"] as const;
const fields = [
  "hostOrganisationIds",
  "kind",
  "title",
  "summary",
  "description",
  "timeZone",
  "startsAt",
  "endsAt",
  "registrationDeadline",
  "venue",
  "onlineUrl",
  "capacity",
  "challengeIds",
] as const;

interface AgendaRow {
  title: string;
  startsAt: string;
  endsAt: string;
  /** One speaker per line: "Name, affiliation". */
  speakers: string;
}

interface Values {
  hostOrganisationIds: string[];
  kind: EventKind;
  title: string;
  summary: string;
  description: string;
  timeZone: string;
  /** Local date-times in the event's zone, as typed (yyyy-MM-ddTHH:mm). */
  startsAt: string;
  endsAt: string;
  registrationDeadline: string;
  venue: string;
  onlineUrl: string;
  capacity: string;
  agenda: AgendaRow[];
  challenges: LinkTarget[];
}

const LOCAL = "yyyy-MM-dd'T'HH:mm";
const toLocal = (iso: string | null, zone: string) =>
  iso ? DateTime.fromISO(iso).setZone(zone).toFormat(LOCAL) : "";
/** A local time typed for the event's zone → the instant; null when not a time. */
const toInstant = (local: string, zone: string): string | null => {
  if (!local) return null;
  const instant = DateTime.fromFormat(local, LOCAL, { zone });
  return instant.isValid ? instant.toUTC().toISO() : null;
};

function valuesOf(event: Event | null): Values {
  const zone = event?.timeZone ?? viewerZone();
  return {
    hostOrganisationIds: event?.hosts.map((host) => host.id) ?? [],
    kind: event?.kind ?? "workshop",
    title: event?.title ?? "",
    summary: event?.summary ?? "",
    description: event?.description ?? "",
    timeZone: zone,
    startsAt: toLocal(event?.startsAt ?? null, zone),
    endsAt: toLocal(event?.endsAt ?? null, zone),
    registrationDeadline: toLocal(event?.registrationDeadline ?? null, zone),
    venue: event?.venue ?? "",
    onlineUrl: event?.onlineUrl ?? "",
    capacity: event?.capacity?.toString() ?? "",
    agenda:
      event?.agenda.map((item) => ({
        title: item.title,
        startsAt: toLocal(item.startsAt, zone),
        endsAt: toLocal(item.endsAt, zone),
        speakers: item.speakers
          .map((speaker) => [speaker.name, speaker.affiliation].filter(Boolean).join(", "))
          .join("\n"),
      })) ?? [],
    challenges: event?.challenges ?? [],
  };
}

export function NewEventPage() {
  return <EventFormGate id={null} />;
}

export function EditEventPage() {
  const { id = "" } = useParams();
  return <EventFormGate id={id} />;
}

function EventFormGate({ id }: { id: string | null }) {
  const { t } = useTranslation("events");
  const viewer = useViewer();
  // A new event has nothing to load (asking for /events/ would be a 400).
  const event = useEvent(id ?? "", id !== null);
  if (viewer.pending) return null;
  if (!viewer.user) {
    return <Navigate to={signInAddressFor(id ? `/events/${id}/edit` : "/events/new")} replace />;
  }
  if (!id) return <EventForm event={null} />;
  return (
    <QueryState query={event} namespace="events" loadingLabel={t("page.loading")}>
      {(data) => <EventForm event={data} />}
    </QueryState>
  );
}

function EventForm({ event }: { event: Event | null }) {
  const { t } = useTranslation("events");
  const navigate = useNavigate();
  const organisations = useMyOrganisations(true);
  const ids = useFieldIds(fields);
  const [values, setValues] = useState<Values>(() => valuesOf(event));
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const save = useSaveEvent(event?.id ?? null);
  const fieldError = useFieldErrors(client, save.error);
  const zones = useMemo(() => {
    const known = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
    const list = known ? known("timeZone") : [values.timeZone];
    return list.includes(values.timeZone) ? list : [values.timeZone, ...list];
  }, [values.timeZone]);
  const labels = Object.fromEntries(fields.map((name) => [name, t(`form.${name}`)]));
  const set = <Key extends keyof Values>(key: Key, value: Values[Key]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const mine = organisations.data?.memberships ?? [];

  const bodyOf = (): EventBody => ({
    hostOrganisationIds: values.hostOrganisationIds,
    kind: values.kind,
    title: values.title,
    summary: values.summary,
    description: values.description,
    timeZone: values.timeZone,
    startsAt: toInstant(values.startsAt, values.timeZone) ?? "",
    endsAt: toInstant(values.endsAt, values.timeZone) ?? "",
    registrationDeadline: toInstant(values.registrationDeadline, values.timeZone),
    venue: values.venue.trim() || null,
    onlineUrl: values.onlineUrl.trim() || null,
    capacity: values.capacity.trim() ? Number(values.capacity) : null,
    challengeIds: values.challenges.map((challenge) => challenge.id),
    agenda: values.agenda.map((row) => ({
      title: row.title,
      startsAt: toInstant(row.startsAt, values.timeZone) ?? "",
      endsAt: toInstant(row.endsAt, values.timeZone) ?? "",
      description: "",
      speakers: row.speakers
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => {
          const [name = "", ...rest] = line.split(",");
          return { name: name.trim(), affiliation: rest.join(",").trim() };
        }),
    })),
  });

  return (
    <>
      <PageHeader title={event ? t("form.editTitle") : t("form.newTitle")} />
      <form
        className="form narrow"
        noValidate
        onSubmit={(submit) => {
          submit.preventDefault();
          const errors = collectErrors({
            hostOrganisationIds: values.hostOrganisationIds.length === 0 && t("form.checks.hosts"),
            title: !values.title.trim() && t("form.checks.required"),
            summary: !values.summary.trim() && t("form.checks.required"),
            startsAt: !toInstant(values.startsAt, values.timeZone) && t("form.checks.time"),
            endsAt: !toInstant(values.endsAt, values.timeZone) && t("form.checks.time"),
            capacity:
              values.capacity.trim() !== "" &&
              !(Number.isInteger(Number(values.capacity)) && Number(values.capacity) > 0) &&
              t("form.checks.capacity"),
            venue: !values.venue.trim() && !values.onlineUrl.trim() && t("form.checks.where"),
          });
          setClient(errors);
          setAttempt((n) => n + 1);
          if (Object.keys(errors).length > 0) return;
          save.mutate(bodyOf(), { onSuccess: (saved) => navigate(`/events/${saved.id}`) });
        }}
      >
        <FormProblems
          client={client}
          error={save.error}
          fieldIds={ids}
          labels={labels}
          namespace="events"
          attempt={attempt}
        />
        <fieldset className="field" id={ids.hostOrganisationIds}>
          <legend className="field__label">{t("form.hostOrganisationIds")}</legend>
          {mine.length === 0 && <p className="muted">{t("form.noOrganisation")}</p>}
          {mine.map((membership) => (
            <Checkbox
              key={membership.organisation.id}
              label={membership.organisation.name}
              checked={values.hostOrganisationIds.includes(membership.organisation.id)}
              onChange={(checked) =>
                set(
                  "hostOrganisationIds",
                  checked
                    ? [...values.hostOrganisationIds, membership.organisation.id]
                    : values.hostOrganisationIds.filter((id) => id !== membership.organisation.id),
                )
              }
            />
          ))}
          {fieldError("hostOrganisationIds") && (
            <p className="field__error">{fieldError("hostOrganisationIds")}</p>
          )}
        </fieldset>
        <Select
          id={ids.kind}
          label={labels.kind}
          value={values.kind}
          onChange={(kind) => set("kind", kind as EventKind)}
          options={kinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
        />
        <TextField
          id={ids.title}
          label={labels.title}
          value={values.title}
          onChange={(value) => set("title", value)}
          error={fieldError("title")}
          maxLength={200}
        />
        <TextField
          id={ids.summary}
          label={labels.summary}
          value={values.summary}
          onChange={(value) => set("summary", value)}
          error={fieldError("summary")}
          rows={2}
          maxLength={500}
        />
        <TextField
          id={ids.description}
          label={labels.description}
          hint={t("form.descriptionHint")}
          value={values.description}
          onChange={(value) => set("description", value)}
          error={fieldError("description")}
          rows={6}
          optional
        />
        <Select
          id={ids.timeZone}
          label={labels.timeZone}
          hint={t("form.timeZoneHint")}
          value={values.timeZone}
          onChange={(zone) => set("timeZone", zone)}
          options={zones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
          error={fieldError("timeZone")}
        />
        <div className="event-form__times">
          <TextField
            id={ids.startsAt}
            type="datetime-local"
            label={labels.startsAt}
            value={values.startsAt}
            onChange={(value) => set("startsAt", value)}
            error={fieldError("startsAt")}
          />
          <TextField
            id={ids.endsAt}
            type="datetime-local"
            label={labels.endsAt}
            value={values.endsAt}
            onChange={(value) => set("endsAt", value)}
            error={fieldError("endsAt")}
          />
        </div>
        <TextField
          id={ids.venue}
          label={labels.venue}
          value={values.venue}
          onChange={(value) => set("venue", value)}
          error={fieldError("venue")}
          optional
        />
        <TextField
          id={ids.onlineUrl}
          type="url"
          label={labels.onlineUrl}
          hint={t("form.onlineUrlHint")}
          value={values.onlineUrl}
          onChange={(value) => set("onlineUrl", value)}
          error={fieldError("onlineUrl")}
          optional
        />
        <TextField
          id={ids.capacity}
          inputMode="numeric"
          label={labels.capacity}
          hint={t("form.capacityHint")}
          value={values.capacity}
          onChange={(value) => set("capacity", value)}
          error={fieldError("capacity")}
          width="short"
          optional
        />
        <TextField
          id={ids.registrationDeadline}
          type="datetime-local"
          label={labels.registrationDeadline}
          hint={t("form.registrationDeadlineHint")}
          value={values.registrationDeadline}
          onChange={(value) => set("registrationDeadline", value)}
          error={fieldError("registrationDeadline")}
          optional
        />
        <LinkPicker
          id={ids.challengeIds}
          label={labels.challengeIds ?? ""}
          hint={t("picker.hint")}
          source="challenges"
          value={values.challenges}
          onChange={(challenges) => set("challenges", challenges)}
          error={fieldError("challengeIds") ?? fieldError("challengeIds.0")}
        />
        <fieldset className="stack">
          <legend className="field__label">{t("form.agenda")}</legend>
          {values.agenda.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved.
            <div className="card event-form__agenda-row" key={index}>
              <div className="card__body stack">
                <TextField
                  label={t("form.agendaTitle", { n: index + 1 })}
                  value={row.title}
                  onChange={(value) =>
                    set(
                      "agenda",
                      values.agenda.map((other, at) =>
                        at === index ? { ...other, title: value } : other,
                      ),
                    )
                  }
                  error={fieldError(`agenda.${index}.title`)}
                />
                <div className="event-form__times">
                  <TextField
                    type="datetime-local"
                    label={t("form.agendaStarts", { n: index + 1 })}
                    value={row.startsAt}
                    onChange={(value) =>
                      set(
                        "agenda",
                        values.agenda.map((other, at) =>
                          at === index ? { ...other, startsAt: value } : other,
                        ),
                      )
                    }
                    error={fieldError(`agenda.${index}.startsAt`)}
                  />
                  <TextField
                    type="datetime-local"
                    label={t("form.agendaEnds", { n: index + 1 })}
                    value={row.endsAt}
                    onChange={(value) =>
                      set(
                        "agenda",
                        values.agenda.map((other, at) =>
                          at === index ? { ...other, endsAt: value } : other,
                        ),
                      )
                    }
                    error={fieldError(`agenda.${index}.endsAt`)}
                  />
                </div>
                <TextField
                  label={t("form.agendaSpeakers", { n: index + 1 })}
                  hint={t("form.agendaSpeakersHint")}
                  rows={2}
                  value={row.speakers}
                  onChange={(value) =>
                    set(
                      "agenda",
                      values.agenda.map((other, at) =>
                        at === index ? { ...other, speakers: value } : other,
                      ),
                    )
                  }
                  optional
                />
                <Button
                  variant="quiet"
                  small
                  onClick={() =>
                    set(
                      "agenda",
                      values.agenda.filter((_, at) => at !== index),
                    )
                  }
                >
                  {t("form.agendaRemove", { n: index + 1 })}
                </Button>
              </div>
            </div>
          ))}
          <Button
            variant="secondary"
            small
            onClick={() =>
              set("agenda", [
                ...values.agenda,
                { title: "", startsAt: values.startsAt, endsAt: values.startsAt, speakers: "" },
              ])
            }
          >
            {t("form.agendaAdd")}
          </Button>
        </fieldset>
        <div className="button-row">
          <Button type="submit" busy={save.isPending}>
            {event ? t("form.save") : t("form.create")}
          </Button>
        </div>
      </form>
    </>
  );
}

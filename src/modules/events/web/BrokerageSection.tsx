import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { Card } from "../../../ui/components/Card.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { Checkbox } from "../../../ui/forms/Checkbox.tsx";
import { Select } from "../../../ui/forms/Select.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import type { Event } from "../contract.ts";
import type { Brokerage, BrokerageProfile, MeetingRequest } from "../contract-brokerage.ts";
import { BrokerageHostTools } from "./BrokerageHost.tsx";
import {
  useAnswerRequest,
  useBrokerage,
  useMeetingRequests,
  useProfileDirectory,
  useRequestMeeting,
  useSaveProfile,
} from "./brokerage-queries.ts";
import { useEventTime } from "./event-time.ts";
import "./brokerage.css";

/**
 * "1:1 meetings" on the event page: for registered participants their profile, the directory
 * and their requests; for hosts the setup and the scheduler. Others do not see it.
 */
export function BrokerageSection({ event }: { event: Event }) {
  const { t } = useTranslation("events");
  const participant = event.me.registration?.status === "registered";
  const visible = participant || event.me.manage;
  const brokerage = useBrokerage(event.id, visible);
  if (!visible) return null;
  return (
    <section id="meetings" aria-labelledby="meetings-title" className="stack">
      <h2 id="meetings-title">{t("brokerage.title")}</h2>
      <QueryState query={brokerage} namespace="events" loadingLabel={t("brokerage.loading")}>
        {(data) => (
          <>
            {data.me.manage && <BrokerageHostTools event={event} brokerage={data} />}
            {data.me.participant && <ParticipantTools event={event} brokerage={data} />}
          </>
        )}
      </QueryState>
    </section>
  );
}

function ParticipantTools({ event, brokerage }: { event: Event; brokerage: Brokerage }) {
  const { t } = useTranslation("events");
  const profile = brokerage.me.profile;
  return (
    <>
      <p>
        <Link to={`/events/${event.id}/agenda`}>{t("brokerage.openAgenda")}</Link>
      </p>
      <ProfileForm event={event} brokerage={brokerage} />
      {profile ? (
        <>
          <Directory event={event} me={profile.userId} />
          <Requests event={event} me={profile.userId} />
        </>
      ) : (
        <p className="muted">{t("brokerage.profileFirst")}</p>
      )}
    </>
  );
}

function ProfileForm({ event, brokerage }: { event: Event; brokerage: Brokerage }) {
  const { t } = useTranslation("events");
  const time = useEventTime();
  const save = useSaveProfile(event.id);
  const profile = brokerage.me.profile;
  const [offer, setOffer] = useState(profile?.offer ?? "");
  const [lookingFor, setLookingFor] = useState(profile?.lookingFor ?? "");
  const [available, setAvailable] = useState<string[]>(
    profile?.availableSlotIds ?? brokerage.slots.map((slot) => slot.id),
  );
  return (
    <Card title={t("brokerage.profile.title")}>
      <form
        className="form"
        onSubmit={(submitted) => {
          submitted.preventDefault();
          const all = brokerage.slots.every((slot) => available.includes(slot.id));
          save.mutate({ offer, lookingFor, availableSlotIds: all ? null : available });
        }}
      >
        {save.error ? <ProblemAlert error={save.error} namespace="events" /> : null}
        {save.isSuccess && <Alert tone="success" title={t("brokerage.profile.saved")} />}
        <TextField
          label={t("brokerage.profile.offer")}
          hint={t("brokerage.profile.offerHint")}
          value={offer}
          onChange={setOffer}
          rows={3}
          maxLength={1000}
          required
        />
        <TextField
          label={t("brokerage.profile.lookingFor")}
          value={lookingFor}
          onChange={setLookingFor}
          rows={3}
          maxLength={1000}
          required
        />
        {brokerage.slots.length > 0 && (
          <fieldset className="field">
            <legend className="field__label">{t("brokerage.profile.availability")}</legend>
            {brokerage.slots.map((slot) => (
              <Checkbox
                key={slot.id}
                label={`${time.time(slot.startsAt, event.timeZone)}–${time.time(slot.endsAt, event.timeZone)}`}
                checked={available.includes(slot.id)}
                onChange={(checked) =>
                  setAvailable(
                    checked ? [...available, slot.id] : available.filter((id) => id !== slot.id),
                  )
                }
              />
            ))}
          </fieldset>
        )}
        <Button type="submit" busy={save.isPending}>
          {t("brokerage.profile.publish")}
        </Button>
      </form>
    </Card>
  );
}

function Directory({ event, me }: { event: Event; me: string }) {
  const { t } = useTranslation("events");
  const directory = useProfileDirectory(event.id, true);
  const requests = useMeetingRequests(event.id, true);
  const open = new Set(
    [...(requests.data?.incoming ?? []), ...(requests.data?.outgoing ?? [])]
      .filter((request) => request.status === "pending" || request.status === "accepted")
      .flatMap((request) => [request.requester.userId, request.recipient.userId]),
  );
  return (
    <Card title={t("brokerage.directory.title")}>
      <QueryState query={directory} namespace="events" loadingLabel={t("brokerage.loading")}>
        {(data) => {
          const others = data.profiles.filter((profile) => profile.userId !== me);
          return others.length === 0 ? (
            <p className="muted">{t("brokerage.directory.none")}</p>
          ) : (
            <ul className="brokerage-directory">
              {others.map((profile) => (
                <DirectoryEntry
                  key={profile.userId}
                  event={event}
                  profile={profile}
                  requested={open.has(profile.userId)}
                />
              ))}
            </ul>
          );
        }}
      </QueryState>
    </Card>
  );
}

function DirectoryEntry({
  event,
  profile,
  requested,
}: {
  event: Event;
  profile: BrokerageProfile;
  requested: boolean;
}) {
  const { t } = useTranslation("events");
  const ask = useRequestMeeting(event.id);
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState("");
  const [priority, setPriority] = useState("1");
  const headingId = `profile-${profile.userId}`;
  return (
    <li aria-labelledby={headingId}>
      <h4 id={headingId}>
        {profile.name}
        {profile.organisations.length > 0 && (
          <span className="muted small"> · {profile.organisations.join(", ")}</span>
        )}
      </h4>
      <p>
        <strong>{t("brokerage.directory.offers")}</strong> {profile.offer}
      </p>
      <p>
        <strong>{t("brokerage.directory.looksFor")}</strong> {profile.lookingFor}
      </p>
      {ask.error ? <ProblemAlert error={ask.error} namespace="events" /> : null}
      {requested || ask.isSuccess ? (
        <p className="muted">{t("brokerage.directory.requested")}</p>
      ) : asking ? (
        <form
          className="form"
          onSubmit={(submitted) => {
            submitted.preventDefault();
            ask.mutate({ recipientId: profile.userId, message, priority: Number(priority) });
          }}
        >
          <TextField
            label={t("brokerage.directory.message")}
            value={message}
            onChange={setMessage}
            rows={2}
            maxLength={1000}
            optional
          />
          <Select
            label={t("brokerage.directory.priority")}
            value={priority}
            onChange={setPriority}
            options={["1", "2", "3"].map((value) => ({
              value,
              label: t(`brokerage.priorities.${value}`),
            }))}
          />
          <div className="button-row">
            <Button type="submit" busy={ask.isPending}>
              {t("brokerage.directory.send")}
            </Button>
            <Button variant="quiet" onClick={() => setAsking(false)}>
              {t("brokerage.directory.cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <Button
          variant="secondary"
          onClick={() => setAsking(true)}
          aria-label={t("brokerage.directory.requestWith", { name: profile.name })}
        >
          {t("brokerage.directory.request")}
        </Button>
      )}
    </li>
  );
}

function Requests({ event, me }: { event: Event; me: string }) {
  const { t } = useTranslation("events");
  const requests = useMeetingRequests(event.id, true);
  const answer = useAnswerRequest(event.id);
  const line = (request: MeetingRequest, incoming: boolean) => (
    <li key={request.id}>
      <p>
        {incoming ? request.requester.name : request.recipient.name} ·{" "}
        <span className={`meeting-status meeting-status--${request.status}`}>
          {t(`brokerage.statuses.${request.status}`)}
        </span>
      </p>
      {request.message && <p className="small">{request.message}</p>}
      {incoming && request.status === "pending" && (
        <div className="button-row">
          <Button
            small
            busy={answer.isPending}
            onClick={() => answer.mutate({ requestId: request.id, answer: "accepted" })}
            aria-label={t("brokerage.requests.acceptFrom", { name: request.requester.name })}
          >
            {t("brokerage.requests.accept")}
          </Button>
          <Button
            small
            variant="secondary"
            busy={answer.isPending}
            onClick={() => answer.mutate({ requestId: request.id, answer: "declined" })}
            aria-label={t("brokerage.requests.declineFrom", { name: request.requester.name })}
          >
            {t("brokerage.requests.decline")}
          </Button>
        </div>
      )}
    </li>
  );
  return (
    <Card title={t("brokerage.requests.title")}>
      {answer.error ? <ProblemAlert error={answer.error} namespace="events" /> : null}
      <QueryState query={requests} namespace="events" loadingLabel={t("brokerage.loading")}>
        {(data) => (
          <>
            <h4>{t("brokerage.requests.incoming")}</h4>
            {data.incoming.length === 0 ? (
              <p className="muted">{t("brokerage.requests.none")}</p>
            ) : (
              <ul>{data.incoming.map((request) => line(request, true))}</ul>
            )}
            <h4>{t("brokerage.requests.outgoing")}</h4>
            {data.outgoing.length === 0 ? (
              <p className="muted">{t("brokerage.requests.none")}</p>
            ) : (
              <ul>
                {data.outgoing
                  .filter((request) => request.requester.userId === me)
                  .map((request) => line(request, false))}
              </ul>
            )}
          </>
        )}
      </QueryState>
    </Card>
  );
}

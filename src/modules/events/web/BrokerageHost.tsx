import { DateTime } from "luxon";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { Card } from "../../../ui/components/Card.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import type { Event } from "../contract.ts";
import type { Brokerage } from "../contract-brokerage.ts";
import { useSaveSetup, useScheduleMeetings } from "./brokerage-queries.ts";
import { useEventTime } from "./event-time.ts";

const LOCAL = "yyyy-MM-dd'T'HH:mm";

/**
 * The hosts' tools for 1:1 meetings: slots as a run of equal slots from a first start (in the
 * event's zone), numbered tables, and the scheduler with its figures. Saving keeps the slots'
 * ids in order, so re-saving the same run keeps the meetings in them.
 */
export function BrokerageHostTools({ event, brokerage }: { event: Event; brokerage: Brokerage }) {
  const { t } = useTranslation("events");
  const time = useEventTime();
  const save = useSaveSetup(event.id);
  const schedule = useScheduleMeetings(event.id);
  const first = brokerage.slots[0];
  const second = brokerage.slots[1];
  const minutes = (from: string, to: string) =>
    Math.round((Date.parse(to) - Date.parse(from)) / 60_000);
  const [start, setStart] = useState(
    DateTime.fromISO(first?.startsAt ?? event.startsAt)
      .setZone(event.timeZone)
      .toFormat(LOCAL),
  );
  const [length, setLength] = useState(String(first ? minutes(first.startsAt, first.endsAt) : 25));
  const [pause, setPause] = useState(
    String(first && second ? minutes(first.endsAt, second.startsAt) : 5),
  );
  const [count, setCount] = useState(String(brokerage.slots.length || 8));
  const [tables, setTables] = useState(String(brokerage.tables.length || 10));

  const slotsOf = () => {
    const begin = DateTime.fromFormat(start, LOCAL, { zone: event.timeZone });
    const each = Number(length);
    const gap = Number(pause);
    return Array.from({ length: Number(count) }, (_, index) => {
      const startsAt = begin.plus({ minutes: index * (each + gap) });
      const id = brokerage.slots[index]?.id;
      return {
        ...(id ? { id } : {}),
        startsAt: startsAt.toUTC().toISO() ?? "",
        endsAt: startsAt.plus({ minutes: each }).toUTC().toISO() ?? "",
      };
    });
  };

  return (
    <>
      <Card title={t("brokerage.setup.title")}>
        <form
          className="form"
          onSubmit={(submitted) => {
            submitted.preventDefault();
            save.mutate({
              slots: slotsOf(),
              tables: Array.from({ length: Number(tables) }, (_, index) =>
                t("brokerage.setup.tableName", { number: index + 1 }),
              ),
            });
          }}
        >
          {save.error ? <ProblemAlert error={save.error} namespace="events" /> : null}
          {save.isSuccess && <Alert tone="success" title={t("brokerage.setup.saved")} />}
          <TextField
            type="datetime-local"
            label={t("brokerage.setup.firstStart")}
            hint={t("brokerage.setup.zoneHint", { zone: event.timeZone })}
            value={start}
            onChange={setStart}
            required
            width="medium"
          />
          <TextField
            type="number"
            min={5}
            max={240}
            label={t("brokerage.setup.length")}
            value={length}
            onChange={setLength}
            required
            width="short"
          />
          <TextField
            type="number"
            min={0}
            max={120}
            label={t("brokerage.setup.pause")}
            value={pause}
            onChange={setPause}
            required
            width="short"
          />
          <TextField
            type="number"
            min={1}
            max={48}
            label={t("brokerage.setup.count")}
            value={count}
            onChange={setCount}
            required
            width="short"
          />
          <TextField
            type="number"
            min={1}
            max={1000}
            label={t("brokerage.setup.tables")}
            value={tables}
            onChange={setTables}
            required
            width="short"
          />
          <Button type="submit" busy={save.isPending}>
            {t("brokerage.setup.save")}
          </Button>
        </form>
        {brokerage.slots.length > 0 && (
          <>
            <h4>{t("brokerage.setup.current", { tables: brokerage.tables.length })}</h4>
            <ol className="brokerage-slots">
              {brokerage.slots.map((slot) => (
                <li key={slot.id}>
                  <time dateTime={slot.startsAt}>{time.time(slot.startsAt, event.timeZone)}</time>–
                  <time dateTime={slot.endsAt}>{time.time(slot.endsAt, event.timeZone)}</time>
                </li>
              ))}
            </ol>
          </>
        )}
      </Card>
      <Card title={t("brokerage.schedule.title")}>
        <p>{t("brokerage.schedule.explain")}</p>
        {schedule.error ? <ProblemAlert error={schedule.error} namespace="events" /> : null}
        <Button
          busy={schedule.isPending}
          disabled={brokerage.slots.length === 0}
          onClick={() => schedule.mutate()}
        >
          {t("brokerage.schedule.run")}
        </Button>
        <div aria-live="polite">
          {schedule.data && (
            <Alert tone="success" title={t("brokerage.schedule.done")}>
              <p>
                {t("brokerage.schedule.placed", {
                  count: schedule.data.placed,
                  bound: schedule.data.upperBound,
                })}
              </p>
              <p>{t("brokerage.schedule.unplaced", { count: schedule.data.unplaced })}</p>
              <p>
                {t("brokerage.schedule.kept", {
                  kept: schedule.data.stability.kept,
                  confirmed: schedule.data.stability.confirmed,
                  moved: schedule.data.stability.moved,
                })}
              </p>
            </Alert>
          )}
        </div>
      </Card>
    </>
  );
}

import { DateTime } from "luxon";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { Card } from "../../../ui/components/Card.tsx";
import { DataTable } from "../../../ui/components/DataTable.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import type { Event } from "../contract.ts";
import type { Brokerage } from "../contract-brokerage.ts";
import { useCloseTables, useSaveSetup, useScheduleMeetings } from "./brokerage-queries.ts";
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
      {brokerage.slots.length > 0 && brokerage.tables.length > 0 && (
        <ClosedTables
          // A new setup starts the boxes afresh; saving them does not (the answer stays shown).
          key={JSON.stringify([brokerage.slots.map((slot) => slot.id), brokerage.tables])}
          event={event}
          brokerage={brokerage}
        />
      )}
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

const closedKey = (slotId: string, table: string) => `${slotId} ${table}`;

/**
 * Tables the hosts close in some slots (a reserved corner, a sponsor's session): a box per slot
 * and table, saved together. The next scheduler run moves meetings off the closed tables.
 */
function ClosedTables({ event, brokerage }: { event: Event; brokerage: Brokerage }) {
  const { t } = useTranslation("events");
  const time = useEventTime();
  const close = useCloseTables(event.id);
  const slotTime = (slot: { startsAt: string; endsAt: string }) =>
    `${time.time(slot.startsAt, event.timeZone)}–${time.time(slot.endsAt, event.timeZone)}`;
  const [closed, setClosed] = useState(
    () => new Set(brokerage.unavailableTables.map((entry) => closedKey(entry.slotId, entry.table))),
  );
  const toggle = (key: string, on: boolean) =>
    setClosed((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  return (
    <Card title={t("brokerage.closed.title")}>
      <form
        className="form brokerage-closed-form"
        onSubmit={(submitted) => {
          submitted.preventDefault();
          close.mutate({
            unavailable: brokerage.slots.flatMap((slot) =>
              brokerage.tables
                .filter((table) => closed.has(closedKey(slot.id, table)))
                .map((table) => ({ slotId: slot.id, table })),
            ),
          });
        }}
      >
        <p>{t("brokerage.closed.explain")}</p>
        {close.error ? <ProblemAlert error={close.error} namespace="events" /> : null}
        <div aria-live="polite">
          {close.isSuccess && (
            <Alert
              tone="success"
              title={t("brokerage.closed.saved", { count: close.data.unavailableTables.length })}
            />
          )}
        </div>
        <div className="brokerage-closed">
          <DataTable
            caption={t("brokerage.closed.caption")}
            rows={brokerage.slots}
            rowKey={(slot) => slot.id}
            columns={[
              {
                key: "slot",
                header: t("brokerage.closed.slotHeader"),
                rowHeader: true,
                // The start is enough to tell slots apart; each box's label says the whole slot.
                render: (slot) => time.time(slot.startsAt, event.timeZone),
              },
              ...brokerage.tables.map((table) => ({
                key: `table-${table}`,
                header: table,
                render: (slot: (typeof brokerage.slots)[number]) => {
                  const key = closedKey(slot.id, table);
                  return (
                    <input
                      type="checkbox"
                      className="brokerage-closed__box"
                      aria-label={t("brokerage.closed.table", { table, time: slotTime(slot) })}
                      checked={closed.has(key)}
                      onChange={(change) => toggle(key, change.target.checked)}
                    />
                  );
                },
              })),
            ]}
          />
        </div>
        <Button type="submit" busy={close.isPending}>
          {t("brokerage.closed.save")}
        </Button>
      </form>
    </Card>
  );
}

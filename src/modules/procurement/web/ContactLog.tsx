import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { DataTable } from "../../../ui/components/DataTable.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { Checkbox } from "../../../ui/forms/Checkbox.tsx";
import { Select } from "../../../ui/forms/Select.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import type { ContactChannel, EvaluationSetup } from "../contract-evaluation.ts";
import { EvaluationProblem } from "./EvaluationProblem.tsx";
import {
  useCityMembers,
  useContacts,
  useOrganisationSearch,
  useRecordContact,
} from "./evaluation-queries.ts";

/** Who may bid, and so whom the log is about. */
const biddingKinds: ReadonlySet<string> = new Set(["company", "research", "cluster"]);

const channels: ContactChannel[] = ["email", "phone", "video", "meeting", "event", "other"];

/**
 * The city's contact log: every contact between its staff and a (potential) bidder, recorded
 * here and published with the award notice. A panel member's one-to-one meeting with a possible
 * bidder before the award is refused by the server, with the reason shown.
 */
export function ContactLog({ setup }: { setup: EvaluationSetup }) {
  const { t } = useTranslation("procurement");
  const format = useFormatting();
  const headingId = useId();
  const contacts = useContacts(setup.challengeId, true);
  const members = useCityMembers(setup.organisationId, true);
  const record = useRecordContact(setup.challengeId);
  const [cityUserId, setCityUserId] = useState("");
  const [organisationId, setOrganisationId] = useState("");
  const [search, setSearch] = useState("");
  const found = useOrganisationSearch(search);
  const [when, setWhen] = useState("");
  const [channel, setChannel] = useState<ContactChannel>("email");
  const [oneToOne, setOneToOne] = useState(false);
  const [subject, setSubject] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({
      ...(cityUserId ? { cityUserId } : {}),
      organisationId,
      contactAt: when ? new Date(when).toISOString() : new Date().toISOString(),
      channel,
      oneToOne,
      subject,
    });
  };
  return (
    <section aria-labelledby={headingId} className="stack">
      <h4 id={headingId}>{t("evaluation.contacts.heading")}</h4>
      <p className="small muted">{t("evaluation.contacts.lead")}</p>
      <QueryState query={contacts} namespace="procurement" loadingLabel={t("evaluation.loading")}>
        {(data) =>
          data.contacts.length === 0 ? (
            <p className="small muted">{t("evaluation.notice.noContacts")}</p>
          ) : (
            <DataTable
              caption={t("evaluation.contacts.heading")}
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
                  render: (contact) =>
                    contact.organisation?.name ?? t("evaluation.contacts.hidden"),
                },
                {
                  key: "channel",
                  header: t("evaluation.notice.channel"),
                  render: (contact) =>
                    `${t(`evaluation.channel.${contact.channel}`)}${contact.oneToOne ? ` · ${t("evaluation.contacts.oneToOne")}` : ""}`,
                },
                {
                  key: "subject",
                  header: t("evaluation.notice.subject"),
                  render: (contact) => contact.subject,
                },
              ]}
              rows={data.contacts}
              rowKey={(contact) => contact.id}
            />
          )
        }
      </QueryState>
      <form className="stack card card__body" onSubmit={submit} noValidate>
        <h5>{t("evaluation.contacts.record")}</h5>
        {record.isSuccess && (
          <Alert tone="success" title={t("evaluation.contacts.recorded")} focusOnShow />
        )}
        {record.isError && <EvaluationProblem error={record.error} />}
        <Select
          label={t("evaluation.notice.who")}
          value={cityUserId}
          onChange={setCityUserId}
          placeholder={t("evaluation.contacts.me")}
          options={(members.data?.members ?? []).map((member) => ({
            value: member.userId,
            label: member.name,
          }))}
        />
        <TextField
          label={t("evaluation.contacts.find")}
          value={search}
          onChange={setSearch}
          width="medium"
        />
        <Select
          label={t("evaluation.contacts.organisation")}
          value={organisationId}
          onChange={setOrganisationId}
          placeholder={t("evaluation.contacts.choose")}
          options={(found.data?.organisations ?? [])
            .filter((organisation) => biddingKinds.has(organisation.kind))
            .map((organisation) => ({ value: organisation.id, label: organisation.name }))}
        />
        <TextField
          label={t("evaluation.notice.when")}
          type="datetime-local"
          width="medium"
          value={when}
          onChange={setWhen}
        />
        <Select
          label={t("evaluation.notice.channel")}
          value={channel}
          onChange={(value) => setChannel(value as ContactChannel)}
          options={channels.map((value) => ({ value, label: t(`evaluation.channel.${value}`) }))}
        />
        <Checkbox
          label={t("evaluation.contacts.oneToOne")}
          checked={oneToOne}
          onChange={setOneToOne}
        />
        <TextField
          label={t("evaluation.notice.subject")}
          rows={2}
          value={subject}
          onChange={setSubject}
        />
        <div>
          <Button type="submit" busy={record.isPending}>
            {t("evaluation.contacts.submit")}
          </Button>
        </div>
      </form>
    </section>
  );
}

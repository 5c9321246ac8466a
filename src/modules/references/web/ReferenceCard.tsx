import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Badge } from "../../../ui/components/Badge.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import { useCountries } from "../../../ui/i18n/countries.ts";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import { useSectorLabel } from "../../catalogue/web/solution-labels.ts";
import type { Reference } from "../contract.ts";
import { useMetricText } from "./metric-text.ts";
import { ReferenceForm } from "./ReferenceForm.tsx";
import { useChangeReference } from "./references-queries.ts";

const tones = { verified: "success", pending: "warning", rejected: "danger" } as const;

/** One reference: where, when, how large, its outcomes and evidence, and what the caller may do. */
export function ReferenceCard({
  reference,
  headingLevel = 3,
  show = "solution",
}: {
  reference: Reference;
  headingLevel?: 2 | 3;
  /** What the heading names besides the city: the solution, or the provider too. */
  show?: "solution" | "city";
}) {
  const { t } = useTranslation("references");
  const format = useFormatting();
  const { nameOf } = useCountries();
  const sectorLabel = useSectorLabel();
  const metricText = useMetricText();
  const headingId = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const place = t("card.place", {
    city: reference.city.name,
    country: nameOf(reference.city.country),
  });
  return (
    <article className="card reference-card" aria-labelledby={headingId}>
      <div className="card__header cluster">
        <Heading className="card__title" id={headingId}>
          {show === "solution" ? (
            <Link to={`/references/${reference.id}`}>{place}</Link>
          ) : (
            <>
              <Link to={`/solutions/${reference.solution.id}`}>{reference.solution.title}</Link>{" "}
              <span className="muted">{t("card.in", { place })}</span>
            </>
          )}
        </Heading>
        <Badge tone={tones[reference.status]}>{t(`status.${reference.status}`)}</Badge>
      </div>
      <div className="card__body stack">
        <dl className="facts">
          {show === "solution" ? null : (
            <div>
              <dt>{t("card.provider")}</dt>
              <dd>
                <Link to={`/organisations/${reference.provider.slug}`}>
                  {reference.provider.name}
                </Link>
              </dd>
            </div>
          )}
          <div>
            <dt>{t("fields.period")}</dt>
            <dd>
              {reference.endedOn
                ? t("card.period", {
                    from: format.date(reference.startedOn),
                    to: format.date(reference.endedOn),
                  })
                : t("card.since", { from: format.date(reference.startedOn) })}
            </dd>
          </div>
          <div>
            <dt>{t("fields.scale")}</dt>
            <dd>{reference.scale}</dd>
          </div>
          <div>
            <dt>{t("fields.sector")}</dt>
            <dd>{sectorLabel(reference.sector)}</dd>
          </div>
        </dl>
        {reference.metrics.length > 0 && (
          <section aria-label={t("fields.metrics")}>
            <ul className="reference-metrics">
              {reference.metrics.map((metric, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: outcomes have no id; their order is stable.
                <li key={index}>{metricText(metric)}</li>
              ))}
            </ul>
          </section>
        )}
        {reference.descriptionHtml && (
          <div
            className="prose"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: the server renders Markdown without raw HTML and only safe links.
            dangerouslySetInnerHTML={{ __html: reference.descriptionHtml }}
          />
        )}
        {reference.evidence.length > 0 && (
          <div>
            <p className="small">
              <strong>{t("fields.evidence")}</strong>
            </p>
            <ul className="link-list">
              {reference.evidence.map((file) => (
                <li key={file.id} className="cluster">
                  <a href={file.url} download={file.filename}>
                    {file.filename}
                  </a>
                  <span className="small muted">
                    {t("card.size", { size: format.number(Math.ceil(file.sizeBytes / 1024)) })}
                  </span>
                  {reference.abilities.edit && (
                    <RemoveEvidence reference={reference} fileId={file.id} name={file.filename} />
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        {reference.status === "rejected" && reference.rejectionReason && (
          <p>
            <strong>{t("card.rejectedBecause")}</strong> {reference.rejectionReason}
          </p>
        )}
        {reference.abilities.verify && <Decision reference={reference} />}
        {reference.abilities.edit && <ProviderActions reference={reference} />}
      </div>
    </article>
  );
}

function RemoveEvidence({
  reference,
  fileId,
  name,
}: {
  reference: Reference;
  fileId: string;
  name: string;
}) {
  const { t } = useTranslation("references");
  const change = useChangeReference(reference.id);
  return (
    <Button
      small
      variant="quiet"
      busy={change.isPending}
      onClick={() => change.mutate({ kind: "removeEvidence", fileId })}
    >
      {t("evidence.remove", { name })}
    </Button>
  );
}

/** The city's people confirm the reference, or reject it with a reason. */
function Decision({ reference }: { reference: Reference }) {
  const { t } = useTranslation("references");
  const change = useChangeReference(reference.id);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  return (
    <div className="stack reference-decision">
      <p>{t("decision.ask", { city: reference.city.name })}</p>
      {change.error ? <ProblemAlert error={change.error} namespace="references" /> : null}
      {rejecting ? (
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim().length < 3) {
              setError(t("decision.reasonNeeded"));
              return;
            }
            setError(undefined);
            change.mutate({ kind: "decide", body: { decision: "reject", reason: reason.trim() } });
          }}
        >
          <TextField
            label={t("decision.reason")}
            hint={t("decision.reasonHint")}
            value={reason}
            onChange={setReason}
            rows={3}
            maxLength={2000}
            error={error}
          />
          <div className="cluster">
            <Button type="submit" variant="danger" busy={change.isPending}>
              {t("decision.reject")}
            </Button>
            <Button variant="quiet" onClick={() => setRejecting(false)}>
              {t("decision.cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <div className="cluster">
          <Button
            busy={change.isPending}
            onClick={() => change.mutate({ kind: "decide", body: { decision: "verify" } })}
          >
            {t("decision.verify")}
          </Button>
          <Button variant="secondary" onClick={() => setRejecting(true)}>
            {t("decision.rejectWithReason")}
          </Button>
        </div>
      )}
    </div>
  );
}

/** The provider changes the reference, adds evidence or deletes it. */
function ProviderActions({ reference }: { reference: Reference }) {
  const { t } = useTranslation("references");
  const change = useChangeReference(reference.id);
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <section className="stack" aria-label={t("form.editTitle")}>
        {reference.status !== "pending" && <p className="small muted">{t("form.editResets")}</p>}
        <ReferenceForm
          solutionId={reference.solution.id}
          sectors={[reference.sector]}
          reference={reference}
          onDone={() => setEditing(false)}
        />
      </section>
    );
  }
  return (
    <div className="stack">
      <div>
        <Button variant="secondary" small onClick={() => setEditing(true)}>
          {t("card.edit")}
        </Button>
      </div>
      {change.error ? <ProblemAlert error={change.error} namespace="references" /> : null}
      {reference.status === "verified" && <p className="small muted">{t("card.editResets")}</p>}
      <form
        className="cluster"
        onSubmit={(event) => {
          event.preventDefault();
          if (file) change.mutate({ kind: "upload", file }, { onSuccess: () => setFile(null) });
        }}
      >
        <label htmlFor={inputId}>{t("evidence.file")}</label>
        <input
          id={inputId}
          type="file"
          accept="application/pdf,image/png,image/jpeg,image/webp"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <Button type="submit" variant="secondary" small disabled={!file} busy={change.isPending}>
          {t("evidence.upload")}
        </Button>
      </form>
      <div>
        <Button
          variant="danger"
          small
          busy={change.isPending}
          onClick={() => {
            if (window.confirm(t("card.confirmDelete"))) change.mutate({ kind: "delete" });
          }}
        >
          {t("card.delete")}
        </Button>
      </div>
    </div>
  );
}

import "./procurement.css";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../../../ui/api/api-client.ts";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Badge } from "../../../ui/components/Badge.tsx";
import { ButtonLink } from "../../../ui/components/Button.tsx";
import { Card } from "../../../ui/components/Card.tsx";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { useFormatting } from "../../../ui/i18n/formatting.ts";

interface IntegrityRecord {
  challenge: { id: string; title: string; status: string };
  decided: boolean;
  steps: Array<{
    seq: number;
    occurredAt: string;
    action: string;
    details: Record<string, string>;
    hash: string;
    prevHash: string;
    intact: boolean;
  }>;
  sealedStepsHidden: boolean;
  receiptsIssued: number | null;
  conflicts: {
    declarations: number;
    noConflict: number;
    declaredConflicts: number;
    detectedConflicts: number;
  } | null;
}

interface ChainVerification {
  ok: boolean;
  count: number;
  checkpointsChecked: number;
  firstBreak: { seq: number; reason: string } | null;
  verifiedAt: string;
}

/**
 * The public integrity page of a challenge's procurement: what happened when (each step's hash
 * recomputed by the server), the receipts and conflict declarations in numbers, and whether the
 * platform's whole audit chain verifies. Anyone may read it; the server decides what is shown.
 */
export function IntegrityPage() {
  const { t } = useTranslation("procurement");
  const { id = "" } = useParams();
  const path = `/api/v1/challenges/${encodeURIComponent(id)}`;
  const record = useQuery({
    queryKey: ["procurement", "integrity", id],
    queryFn: ({ signal }) => api.get<IntegrityRecord>(`${path}/integrity`, undefined, signal),
  });
  return (
    <QueryState query={record} namespace="procurement" loadingLabel={t("integrity.loading")}>
      {(data) => <IntegrityRecordView record={data} ocdsUrl={`${path}/ocds`} />}
    </QueryState>
  );
}

function IntegrityRecordView({ record, ocdsUrl }: { record: IntegrityRecord; ocdsUrl: string }) {
  const { t } = useTranslation("procurement");
  const format = useFormatting();
  return (
    <>
      <PageHeader
        eyebrow={t("integrity.eyebrow")}
        title={t("integrity.title", { title: record.challenge.title })}
        lead={<p>{t("integrity.lead")}</p>}
        actions={
          <ButtonLink variant="secondary" to={`/challenges/${record.challenge.id}`}>
            {t("integrity.back")}
          </ButtonLink>
        }
      />
      <div className="stack">
        <ChainStatus />
        <div className="grid grid--cards">
          <Card title={t("integrity.receipts.heading")}>
            {record.receiptsIssued === null ? (
              <p>{t("integrity.sealedUntilAward")}</p>
            ) : (
              <p className="proposal-count">
                {t("integrity.receipts.count", { count: record.receiptsIssued })}
              </p>
            )}
          </Card>
          <Card title={t("integrity.conflicts.heading")}>
            {record.conflicts === null ? (
              <p>{t("integrity.sealedUntilAward")}</p>
            ) : (
              <dl className="facts">
                {(
                  ["declarations", "noConflict", "declaredConflicts", "detectedConflicts"] as const
                ).map((key) => (
                  <div key={key}>
                    <dt>{t(`integrity.conflicts.${key}`)}</dt>
                    <dd>{format.number(record.conflicts![key])}</dd>
                  </div>
                ))}
              </dl>
            )}
          </Card>
        </div>
        <Card title={t("integrity.timeline.heading")}>
          {record.sealedStepsHidden && <p className="muted">{t("integrity.timeline.sealed")}</p>}
          <ol className="integrity-timeline">
            {record.steps.map((step) => (
              <li key={step.seq}>
                <p>
                  <time dateTime={step.occurredAt}>{format.dateTime(step.occurredAt)}</time>{" "}
                  <strong>
                    {t(`integrity.actions.${step.action.replace(".", "_")}`, {
                      defaultValue: step.action,
                    })}
                  </strong>{" "}
                  {step.intact ? (
                    <Badge tone="success">{t("integrity.intact")}</Badge>
                  ) : (
                    <Badge tone="danger">{t("integrity.altered")}</Badge>
                  )}
                </p>
                {Object.keys(step.details).length > 0 && (
                  <p className="small">
                    {Object.entries(step.details)
                      .map(([key, value]) => `${key}: ${value}`)
                      .join(" · ")}
                  </p>
                )}
                <p className="small muted mono">
                  {t("integrity.hash", { seq: step.seq, hash: step.hash.slice(0, 16) })}
                </p>
              </li>
            ))}
          </ol>
        </Card>
        <Card title={t("integrity.open.heading")}>
          <p>{t("integrity.open.lead")}</p>
          <ul>
            <li>
              <a href={ocdsUrl} download>
                {t("integrity.open.ocds")}
              </a>
            </li>
            <li>
              <Link to="/proposals/verify">{t("integrity.open.verifyReceipt")}</Link>
            </li>
            <li>
              <a href="/api/v1/audit/checkpoints">{t("integrity.open.checkpoints")}</a>
            </li>
          </ul>
        </Card>
      </div>
    </>
  );
}

/** The whole chain's verification (the server caches it for a minute). */
function ChainStatus() {
  const { t } = useTranslation("procurement");
  const format = useFormatting();
  const verification = useQuery({
    queryKey: ["audit", "verification"],
    queryFn: ({ signal }) =>
      api.get<ChainVerification>("/api/v1/audit/verification", undefined, signal),
  });
  return (
    <QueryState query={verification} loadingLabel={t("integrity.chain.loading")}>
      {(result) =>
        result.ok ? (
          <Alert tone="success" title={t("integrity.chain.ok")}>
            <p>
              {t("integrity.chain.okDetail", {
                count: result.count,
                checkpoints: result.checkpointsChecked,
                at: format.dateTime(result.verifiedAt),
              })}
            </p>
          </Alert>
        ) : (
          <Alert tone="error" title={t("integrity.chain.broken")}>
            <p>
              {t("integrity.chain.brokenDetail", {
                seq: result.firstBreak?.seq ?? 0,
                reason: result.firstBreak?.reason ?? "",
              })}
            </p>
          </Alert>
        )
      }
    </QueryState>
  );
}

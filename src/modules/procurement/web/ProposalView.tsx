import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Badge } from "../../../ui/components/Badge.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { ConfirmDialog } from "../../../ui/components/Dialog.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import { useBudgetFormat } from "../../challenges/web/money.ts";
import type { Proposal, ProposalForm, SubmissionResult } from "../contract.ts";
import { ProposalEditor } from "./ProposalEditor.tsx";
import { fileUrl, useProposal, useWithdrawProposal } from "./procurement-queries.ts";
import { ReceiptCard } from "./ReceiptCard.tsx";

/** One of the reader's proposals: its content, its receipts, and revise / withdraw. */
export function ProposalView({
  proposalId,
  form,
  onRevised,
}: {
  proposalId: string;
  form: ProposalForm;
  onRevised: (result: SubmissionResult) => void;
}) {
  const proposal = useProposal(proposalId);
  return (
    <QueryState query={proposal} namespace="procurement">
      {(data) => <ProposalCard proposal={data} form={form} onRevised={onRevised} />}
    </QueryState>
  );
}

function ProposalCard({
  proposal,
  form,
  onRevised,
}: {
  proposal: Proposal;
  form: ProposalForm;
  onRevised: (result: SubmissionResult) => void;
}) {
  const { t } = useTranslation("procurement");
  const format = useFormatting();
  const price = useBudgetFormat();
  const headingId = useId();
  const [revising, setRevising] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const withdraw = useWithdrawProposal();
  const latest = proposal.receipts.at(-1) ?? proposal.receipt;
  return (
    <article className="card" aria-labelledby={headingId}>
      <div className="card__body stack">
        <div className="card__header">
          <h3 id={headingId} className="card__title">
            {proposal.pseudonym === null
              ? t("proposal.heading", { bidder: proposal.bidder?.name ?? "" })
              : t("evaluation.work.title", { pseudonym: proposal.pseudonym })}
          </h3>
          <Badge tone={proposal.status === "submitted" ? "success" : "neutral"}>
            {t(`proposal.status.${proposal.status}`)}
          </Badge>
        </div>
        <p className="small">
          {t("proposal.revisionLine", {
            revision: proposal.revision,
            date: format.dateTime(latest.submittedAt),
          })}
          {proposal.withdrawnAt &&
            ` · ${t("proposal.withdrawnLine", { date: format.dateTime(proposal.withdrawnAt) })}`}
        </p>
        {withdraw.isSuccess && <Alert tone="success" title={t("proposal.withdrawn")} focusOnShow />}
        {withdraw.isError && <ProblemAlert error={withdraw.error} namespace="procurement" />}
        {revising ? (
          <>
            <h4>{t("submit.reviseHeading")}</h4>
            <ProposalEditor
              challengeId={proposal.challenge.id}
              form={form}
              bidders={proposal.bidder ? [proposal.bidder] : []}
              proposalId={proposal.id}
              initial={{
                sections: Object.fromEntries(
                  proposal.content.sections.map((section) => [section.key, section.text]),
                ),
                price: proposal.content.price,
                files: proposal.content.attachments,
              }}
              onDone={(result) => {
                setRevising(false);
                onRevised(result);
              }}
              onCancel={() => setRevising(false)}
            />
          </>
        ) : (
          <details className="disclosure">
            <summary>{t("proposal.content")}</summary>
            <dl className="proposal-sections">
              {proposal.content.sections.map((section) => (
                <div key={section.key}>
                  <dt>{section.title}</dt>
                  <dd>{section.text}</dd>
                </div>
              ))}
              <div>
                <dt>{t("proposal.price")}</dt>
                <dd>
                  {price({
                    minMinor: proposal.content.price.amountMinor,
                    maxMinor: proposal.content.price.amountMinor,
                    currency: proposal.content.price.currency,
                  })}
                </dd>
              </div>
              <div>
                <dt>{t("proposal.attachments")}</dt>
                <dd>
                  {proposal.content.attachments.length === 0 ? (
                    t("proposal.noAttachments")
                  ) : (
                    <ul className="link-list">
                      {proposal.content.attachments.map((file) => (
                        <li key={file.id}>
                          <a href={fileUrl(proposal.id, file.id)} download>
                            {file.filename}
                          </a>{" "}
                          <span className="small muted">
                            {t("proposal.size", {
                              size: format.number(Math.max(1, Math.round(file.sizeBytes / 1024))),
                            })}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            </dl>
          </details>
        )}
        <ReceiptCard receipt={latest} />
        {proposal.receipts.length > 1 && (
          <details className="disclosure">
            <summary>{t("proposal.receipts")}</summary>
            <div className="table-scroll">
              <table className="table">
                <caption className="table__caption">{t("proposal.receiptsCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("receipt.revision")}</th>
                    <th scope="col">{t("receipt.submittedAt")}</th>
                    <th scope="col">{t("receipt.sha256")}</th>
                  </tr>
                </thead>
                <tbody>
                  {proposal.receipts.map((receipt) => (
                    <tr key={receipt.revision}>
                      <th scope="row">{receipt.revision}</th>
                      <td>{format.dateTime(receipt.submittedAt)}</td>
                      <td className="mono receipt__hash">{receipt.sha256}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        )}
        {!revising && (proposal.abilities.revise || proposal.abilities.withdraw) && (
          <div className="button-row">
            {proposal.abilities.revise && (
              <Button variant="secondary" onClick={() => setRevising(true)}>
                {t("proposal.revise")}
              </Button>
            )}
            {proposal.abilities.withdraw && (
              <Button variant="danger" onClick={() => setConfirming(true)}>
                {t("proposal.withdraw")}
              </Button>
            )}
          </div>
        )}
        <ConfirmDialog
          open={confirming}
          title={t("proposal.withdrawTitle")}
          confirmLabel={t("proposal.withdraw")}
          tone="danger"
          busy={withdraw.isPending}
          onConfirm={() => withdraw.mutate(proposal.id, { onSettled: () => setConfirming(false) })}
          onClose={() => setConfirming(false)}
        >
          <p>{t("proposal.withdrawBody")}</p>
        </ConfirmDialog>
      </div>
    </article>
  );
}

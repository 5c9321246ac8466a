import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../ui/components/Button.tsx";
import { CopyButton } from "../../../ui/components/CopyButton.tsx";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import type { Receipt } from "../contract.ts";

/** Saves the receipt as a JSON file, the form the verify page and API take back. */
function download(receipt: Receipt) {
  const blob = new Blob([`${JSON.stringify(receipt, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `proposal-receipt-${receipt.proposalId}-r${receipt.revision}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A receipt: what it proves, the hash to keep, and a download. */
export function ReceiptCard({ receipt, level = 4 }: { receipt: Receipt; level?: 3 | 4 }) {
  const Heading = level === 3 ? "h3" : "h4";
  const { t } = useTranslation("procurement");
  const format = useFormatting();
  const headingId = useId();
  return (
    <section className="card receipt" aria-labelledby={headingId}>
      <div className="card__body stack--tight">
        <Heading id={headingId} className="card__title">
          {t("receipt.heading", { revision: receipt.revision })}
        </Heading>
        <dl className="facts">
          <div>
            <dt>{t("receipt.proposalId")}</dt>
            <dd className="mono">{receipt.proposalId}</dd>
          </div>
          <div>
            <dt>{t("receipt.submittedAt")}</dt>
            <dd>
              <time dateTime={receipt.submittedAt}>{format.dateTime(receipt.submittedAt)}</time>
            </dd>
          </div>
          <div>
            <dt>{t("receipt.sha256")}</dt>
            <dd className="mono receipt__hash">{receipt.sha256}</dd>
          </div>
        </dl>
        <div className="button-row">
          <Button variant="secondary" small onClick={() => download(receipt)}>
            {t("receipt.download")}
          </Button>
          <CopyButton text={receipt.sha256} label={t("receipt.copyHash")} />
        </div>
      </div>
    </section>
  );
}

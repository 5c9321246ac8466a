import "./procurement.css";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import type { ProposalBox, ProposalForm, SubmissionResult } from "../contract.ts";
import { EvaluationArea } from "./EvaluationArea.tsx";
import { FormDefinition } from "./FormDefinition.tsx";
import { ProposalEditor, useSectionTexts } from "./ProposalEditor.tsx";
import { ProposalView } from "./ProposalView.tsx";
import {
  useChallengeProposals,
  useProposalBox,
  useProposalForm,
  useSignedIn,
} from "./procurement-queries.ts";
import { ReceiptCard } from "./ReceiptCard.tsx";

/**
 * A challenge's Proposals tab. Bidders: the form, their proposals with receipts, revise and
 * withdraw. The city: the count and the deadline, and the form's sections to define until the
 * first proposal arrives. Everyone else: the deadline and that proposals are sealed. What each
 * sees is decided by the server (the seal); this only shows it.
 */
export function ProposalsPanel({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation("procurement");
  const headingId = useId();
  const box = useProposalBox(challengeId);
  const form = useProposalForm(challengeId);
  return (
    <section aria-labelledby={headingId} className="stack proposals-panel">
      <h2 id={headingId}>{t("panel.heading")}</h2>
      <QueryState query={box} namespace="procurement" loadingLabel={t("panel.loading")}>
        {(boxData) => (
          <QueryState query={form} namespace="procurement" loadingLabel={t("panel.loading")}>
            {(formData) => <PanelBody box={boxData} form={formData} />}
          </QueryState>
        )}
      </QueryState>
      <p className="small">
        <Link to="/proposals/verify">{t("panel.verifyLink")}</Link>
        {" · "}
        <Link to={`/challenges/${challengeId}/integrity`}>{t("panel.integrityLink")}</Link>
      </p>
    </section>
  );
}

function PanelBody({ box, form }: { box: ProposalBox; form: ProposalForm }) {
  const { t } = useTranslation("procurement");
  const format = useFormatting();
  const location = useLocation();
  const signedIn = useSignedIn();
  const proposals = useChallengeProposals(box.challengeId, signedIn === true);
  const [receipt, setReceipt] = useState<{ result: SubmissionResult; revised: boolean } | null>(
    null,
  );
  const [defining, setDefining] = useState(false);
  const defineId = useId();
  const open = box.bidders.filter((bidder) => bidder.proposalId === null);
  // The bidder's own; the panel opens proposals in the evaluation area (pseudonymised).
  const mine = (proposals.data?.proposals ?? []).filter((proposal) => proposal.pseudonym === null);
  return (
    <>
      <p>
        {box.proposalDeadline ? (
          <strong>{t("panel.deadline", { date: format.dateTime(box.proposalDeadline) })}</strong>
        ) : (
          t("panel.noDeadline")
        )}
      </p>
      <p>{box.phase === "before_deadline" ? t("panel.sealedBefore") : t("panel.sealedAfter")}</p>
      {box.count !== null && (
        <div className="card">
          <div className="card__body">
            <p className="proposal-count">{t("panel.count", { count: box.count })}</p>
            <p className="small muted">{t("panel.countNote")}</p>
          </div>
        </div>
      )}
      {box.abilities.defineForm && (
        <div>
          <Button
            variant={defining ? "secondary" : "primary"}
            aria-expanded={defining}
            aria-controls={defineId}
            onClick={() => setDefining(!defining)}
          >
            {t("define.open")}
          </Button>
          <div id={defineId} hidden={!defining}>
            {defining && <FormDefinition challengeId={box.challengeId} form={form} />}
          </div>
        </div>
      )}
      <FormSummary form={form} />
      {receipt && (
        <Alert
          tone="success"
          title={receipt.revised ? t("receipt.revised") : t("receipt.submitted")}
          focusOnShow
        >
          <ReceiptCard receipt={receipt.result.receipt} level={3} />
        </Alert>
      )}
      {mine.map((proposal) => (
        <ProposalView
          key={proposal.id}
          proposalId={proposal.id}
          form={form}
          onRevised={(result) => setReceipt({ result, revised: true })}
        />
      ))}
      {box.accepting &&
        (signedIn === false ? (
          <p>
            <Link to={`/sign-in?next=${encodeURIComponent(`${location.pathname}#proposals`)}`}>
              {t("panel.signIn")}
            </Link>
          </p>
        ) : open.length > 0 ? (
          <section className="card" aria-labelledby={`${defineId}-submit`}>
            <div className="card__body stack">
              <h3 id={`${defineId}-submit`} className="card__title">
                {t("submit.heading")}
              </h3>
              <ProposalEditor
                key={open.map((bidder) => bidder.id).join("-")}
                challengeId={box.challengeId}
                form={form}
                bidders={open}
                onDone={(result) => setReceipt({ result, revised: false })}
              />
            </div>
          </section>
        ) : (
          signedIn &&
          box.bidders.length === 0 &&
          box.count === null && <p className="small muted">{t("panel.noBidder")}</p>
        ))}
      {!box.accepting && box.phase === "before_deadline" && (
        <p className="small muted">{t("panel.notAccepting")}</p>
      )}
      <EvaluationArea challengeId={box.challengeId} />
    </>
  );
}

/** What a proposal must contain: the form's sections, for everyone to read. */
function FormSummary({ form }: { form: ProposalForm }) {
  const { t } = useTranslation("procurement");
  const sections = useSectionTexts(form);
  return (
    <details className="disclosure">
      <summary>{t("form.heading")}</summary>
      <p>{t("form.lead")}</p>
      {!form.custom && <p className="small muted">{t("form.default")}</p>}
      <dl className="proposal-sections">
        {sections.map((section) => (
          <div key={section.key}>
            <dt>
              {section.title}{" "}
              <span className="small muted">
                ({section.required ? t("form.required") : t("form.optional")},{" "}
                {t("form.maxLength", { count: section.maxLength })})
              </span>
            </dt>
            {section.guidance && <dd>{section.guidance}</dd>}
          </div>
        ))}
      </dl>
    </details>
  );
}

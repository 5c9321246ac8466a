import { FundingFinderSection } from "../../funding/web/FundingFinderSection.tsx";
import "./consortia.css";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useNavigate, useParams } from "react-router";
import { isApiError } from "../../../ui/api/api-error.ts";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Badge } from "../../../ui/components/Badge.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { Card } from "../../../ui/components/Card.tsx";
import { type Column, DataTable } from "../../../ui/components/DataTable.tsx";
import { ConfirmDialog } from "../../../ui/components/Dialog.tsx";
import { EmptyState } from "../../../ui/components/EmptyState.tsx";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { LoadingBlock } from "../../../ui/components/Spinner.tsx";
import { Select } from "../../../ui/forms/Select.tsx";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import { useCapabilityLabels } from "../../catalogue/web/form/CapabilityField.tsx";
import type { Consortium } from "../contract.ts";
import { useChangeConsortium, useConsortium, useViewer } from "./consortia-queries.ts";
import { InviteForm } from "./InviteForm.tsx";
import { useListFormat } from "./vocabulary.ts";

type Member = Consortium["members"][number];
type Invitation = Consortium["invitations"][number];

export function ConsortiumPage() {
  const { t } = useTranslation("consortia");
  const { id = "" } = useParams();
  const viewer = useViewer();
  const location = useLocation();
  const consortium = useConsortium(id, Boolean(viewer.user));
  if (viewer.pending) return <LoadingBlock />;
  if (!viewer.user) {
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  if (consortium.isPending) return <LoadingBlock />;
  if (consortium.isError) {
    const missing = isApiError(consortium.error) && [400, 404].includes(consortium.error.status);
    return (
      <>
        <PageHeader title={missing ? t("page.notFound") : t("page.failed")} />
        {missing ? (
          <>
            <p>{t("page.notFoundBody")}</p>
            <p>
              <Link to="/consortia">{t("page.back")}</Link>
            </p>
          </>
        ) : (
          <ProblemAlert
            error={consortium.error}
            namespace="consortia"
            onRetry={() => void consortium.refetch()}
          />
        )}
      </>
    );
  }
  return <ConsortiumDetails consortium={consortium.data} />;
}

function ConsortiumDetails({ consortium }: { consortium: Consortium }) {
  const { t } = useTranslation("consortia");
  const navigate = useNavigate();
  const change = useChangeConsortium(consortium.id);
  const format = useFormatting();
  const capabilityLabel = useCapabilityLabels();
  const list = useListFormat();
  const { abilities } = consortium;
  const forming = consortium.status === "forming";
  const capabilities = (codes: string[]) =>
    codes.length === 0 ? t("page.noCapabilities") : list(codes.map(capabilityLabel));
  const pending = consortium.invitations.filter((invitation) => invitation.status === "pending");
  const mine = pending.filter((invitation) => abilities.answer.includes(invitation.id));
  const done = change.isSuccess ? change.variables : undefined;

  const memberColumns: Column<Member>[] = [
    {
      key: "organisation",
      header: t("page.organisation"),
      rowHeader: true,
      render: (member) => (
        <Link to={`/organisations/${member.organisation.slug}`}>{member.organisation.name}</Link>
      ),
    },
    { key: "role", header: t("page.role"), render: (member) => t(`roles.${member.role}`) },
    {
      key: "capabilities",
      header: t("page.brings"),
      render: (member) => capabilities(member.capabilities),
    },
    { key: "joined", header: t("page.joined"), render: (member) => format.date(member.joinedAt) },
  ];
  if (abilities.leave.length > 0) {
    memberColumns.push({
      key: "actions",
      header: t("page.actions"),
      render: (member) =>
        abilities.leave.includes(member.organisation.id) && (
          <Button
            variant="secondary"
            small
            busy={change.isPending && change.variables?.kind === "leave"}
            onClick={() =>
              change.mutate(
                { kind: "leave", organisationId: member.organisation.id },
                { onSuccess: () => navigate("/consortia") },
              )
            }
          >
            {t("page.leave", { organisation: member.organisation.name })}
          </Button>
        ),
    });
  }

  const invitationColumns: Column<Invitation>[] = [
    {
      key: "organisation",
      header: t("page.organisation"),
      rowHeader: true,
      render: (invitation) => (
        <Link to={`/organisations/${invitation.organisation.slug}`}>
          {invitation.organisation.name}
        </Link>
      ),
    },
    { key: "role", header: t("page.role"), render: (invitation) => t(`roles.${invitation.role}`) },
    {
      key: "capabilities",
      header: t("page.brings"),
      render: (invitation) => capabilities(invitation.capabilities),
    },
    {
      key: "status",
      header: t("page.status"),
      render: (invitation) => (
        <Badge tone={statusTone[invitation.status]}>
          {t(`invitationStatus.${invitation.status}`)}
        </Badge>
      ),
    },
    {
      key: "invited",
      header: t("page.invited"),
      render: (invitation) => format.date(invitation.invitedAt),
    },
  ];
  if (abilities.manage && pending.length > 0) {
    invitationColumns.push({
      key: "actions",
      header: t("page.actions"),
      render: (invitation) =>
        invitation.status === "pending" && (
          <Button
            variant="quiet"
            small
            onClick={() => change.mutate({ kind: "withdraw", invitationId: invitation.id })}
          >
            {t("page.withdraw", { organisation: invitation.organisation.name })}
          </Button>
        ),
    });
  }

  return (
    <>
      <PageHeader
        eyebrow={
          <>
            {t("page.eyebrow")}{" "}
            <Link to={`/challenges/${consortium.challenge.id}#consortia`}>
              {consortium.challenge.title}
            </Link>
            {consortium.challenge.city && ` · ${consortium.challenge.city}`}
          </>
        }
        title={consortium.name}
        aside={
          <Badge tone={forming ? "info" : "neutral"}>{t(`status.${consortium.status}`)}</Badge>
        }
        lead={
          <>
            <p>{t("page.ledBy", { lead: consortium.lead.name })}</p>
            {consortium.description && <p>{consortium.description}</p>}
          </>
        }
      />
      {change.isError && <ProblemAlert error={change.error} namespace="consortia" />}
      {done && <Alert tone="success" title={t(`done.${done.kind}`)} focusOnShow />}
      {mine.map((invitation) => (
        <Card
          key={invitation.id}
          title={t("answer.title", { organisation: invitation.organisation.name })}
        >
          <p>
            {t("answer.body", {
              lead: consortium.lead.name,
              role: t(`roles.${invitation.role}`),
              capabilities: capabilities(invitation.capabilities),
            })}
          </p>
          {invitation.message && (
            <blockquote className="invitation-message">{invitation.message}</blockquote>
          )}
          <div className="button-row">
            <Button
              busy={change.isPending && change.variables?.kind === "accept"}
              onClick={() => change.mutate({ kind: "accept", invitationId: invitation.id })}
            >
              {t("answer.accept", { organisation: invitation.organisation.name })}
            </Button>
            <Button
              variant="secondary"
              busy={change.isPending && change.variables?.kind === "decline"}
              onClick={() =>
                change.mutate(
                  { kind: "decline", invitationId: invitation.id },
                  { onSuccess: () => navigate("/consortia") },
                )
              }
            >
              {t("answer.decline", { organisation: invitation.organisation.name })}
            </Button>
          </div>
        </Card>
      ))}
      <section aria-labelledby="consortium-members" className="stack">
        <h2 id="consortium-members">{t("page.members")}</h2>
        <DataTable
          caption={t("page.membersCaption")}
          captionHidden
          columns={memberColumns}
          rows={consortium.members}
          rowKey={(member) => member.organisation.id}
        />
      </section>
      {consortium.challenge.capabilities.length > 0 && (
        <section aria-labelledby="consortium-coverage" className="stack">
          <h2 id="consortium-coverage">{t("page.coverage")}</h2>
          <ul>
            {consortium.challenge.capabilities.map((code) => {
              const members = consortium.members.filter((member) =>
                member.capabilities.includes(code),
              );
              const invited = pending.filter((invitation) =>
                invitation.capabilities.includes(code),
              );
              return (
                <li key={code}>
                  <strong>{capabilityLabel(code)}</strong>:{" "}
                  {members.length > 0
                    ? t("page.broughtBy", {
                        list: list(members.map((member) => member.organisation.name)),
                      })
                    : invited.length > 0
                      ? t("page.invitedFor", {
                          list: list(invited.map((invitation) => invitation.organisation.name)),
                        })
                      : t("page.nobody")}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <FundingFinderSection consortiumId={consortium.id} />
      <section aria-labelledby="consortium-invitations" className="stack">
        <h2 id="consortium-invitations">{t("page.invitations")}</h2>
        {consortium.invitations.length === 0 ? (
          <EmptyState title={t("page.noInvitations")} />
        ) : (
          <DataTable
            caption={t("page.invitationsCaption")}
            captionHidden
            columns={invitationColumns}
            rows={consortium.invitations}
            rowKey={(invitation) => invitation.id}
          />
        )}
      </section>
      {abilities.manage && <Manage consortium={consortium} />}
    </>
  );
}

const statusTone = {
  pending: "warning",
  accepted: "success",
  declined: "neutral",
  withdrawn: "neutral",
} as const;

/** The lead's tools: invite, hand the lead over, dissolve. */
function Manage({ consortium }: { consortium: Consortium }) {
  const { t } = useTranslation("consortia");
  const change = useChangeConsortium(consortium.id);
  const [successor, setSuccessor] = useState("");
  const [confirming, setConfirming] = useState(false);
  const others = consortium.members.filter(
    (member) => member.organisation.id !== consortium.lead.id,
  );
  return (
    <section aria-labelledby="consortium-manage" className="stack">
      <h2 id="consortium-manage">{t("manage.heading")}</h2>
      <div className="consortium-actions">
        <Card title={t("invite.heading")} headingLevel={3}>
          <InviteForm consortium={consortium} />
        </Card>
        <Card title={t("manage.handOver")} headingLevel={3}>
          {others.length === 0 ? (
            <p className="muted">{t("manage.handOverNobody")}</p>
          ) : (
            <form
              className="form"
              onSubmit={(event) => {
                event.preventDefault();
                if (successor) change.mutate({ kind: "handOver", organisationId: successor });
              }}
            >
              <Select
                label={t("manage.successor")}
                value={successor}
                placeholder={t("manage.chooseSuccessor")}
                options={others.map((member) => ({
                  value: member.organisation.id,
                  label: member.organisation.name,
                }))}
                onChange={setSuccessor}
              />
              <div className="button-row">
                <Button
                  type="submit"
                  variant="secondary"
                  disabled={!successor}
                  busy={change.isPending}
                >
                  {t("manage.handOverSubmit")}
                </Button>
              </div>
            </form>
          )}
        </Card>
        <Card title={t("manage.dissolve")} headingLevel={3}>
          <p className="muted">{t("manage.dissolveBody")}</p>
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {t("manage.dissolveSubmit")}
          </Button>
          <ConfirmDialog
            open={confirming}
            title={t("manage.dissolveConfirm", { name: consortium.name })}
            confirmLabel={t("manage.dissolveSubmit")}
            tone="danger"
            busy={change.isPending}
            onConfirm={() =>
              change.mutate({ kind: "dissolve" }, { onSettled: () => setConfirming(false) })
            }
            onClose={() => setConfirming(false)}
          >
            <p>{t("manage.dissolveBody")}</p>
          </ConfirmDialog>
        </Card>
      </div>
      {change.isError && <ProblemAlert error={change.error} namespace="consortia" />}
    </section>
  );
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../../../ui/api/api-client.ts";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Badge, type BadgeTone } from "../../../../ui/components/Badge.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { Card } from "../../../../ui/components/Card.tsx";
import { DataTable } from "../../../../ui/components/DataTable.tsx";
import { EmptyState } from "../../../../ui/components/EmptyState.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { QueryState } from "../../../../ui/components/QueryState.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import type { Invitation, Organisation } from "../../contract.ts";
import { organisationsKey, useInvitations } from "../organisation-queries.ts";
import { useViewer } from "../viewer.ts";
import { InviteForm } from "./InviteForm.tsx";

const statusTone: Record<Invitation["status"], BadgeTone> = {
  pending: "info",
  accepted: "success",
  declined: "neutral",
  revoked: "neutral",
  expired: "warning",
};

/** Admins invite people by e-mail and see what became of each invitation. */
export function InvitationsSection({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation("organisations");
  const format = useFormatting();
  const viewer = useViewer();
  const queryClient = useQueryClient();
  const invitations = useInvitations(organisation.id, true);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const refreshInvitations = () =>
    queryClient.invalidateQueries({
      queryKey: [...organisationsKey, organisation.id, "invitations"],
    });
  const revoke = useMutation({
    mutationFn: (invitationId: string) =>
      api.delete(`/api/v1/organisations/${organisation.id}/invitations/${invitationId}`),
    onSuccess: refreshInvitations,
  });

  return (
    <Card title={t("invitations.title")} headingLevel={3}>
      {sentTo && (
        <Alert tone="success" title={t("invitations.sent", { email: sentTo })}>
          {viewer.demo && (
            <p>
              {t("invitations.demoMail")} <Link to="/dev/mail">{t("invitations.openMailbox")}</Link>
            </p>
          )}
        </Alert>
      )}
      <InviteForm
        organisationId={organisation.id}
        onSent={(invitation) => {
          setSentTo(invitation.email);
          void refreshInvitations();
        }}
      />
      <h4 className="section">{t("invitations.list")}</h4>
      {revoke.isError && <ProblemAlert error={revoke.error} namespace="organisations" />}
      <QueryState query={invitations} namespace="organisations">
        {({ invitations: list }) =>
          list.length === 0 ? (
            <EmptyState title={t("invitations.none")} />
          ) : (
            <DataTable
              caption={t("invitations.list")}
              captionHidden
              rows={list}
              rowKey={(invitation) => invitation.id}
              columns={[
                {
                  key: "email",
                  header: t("invitations.columns.email"),
                  rowHeader: true,
                  render: (invitation) => invitation.email,
                },
                {
                  key: "role",
                  header: t("invitations.columns.role"),
                  render: (invitation) => t(`roles.${invitation.role}`),
                },
                {
                  key: "status",
                  header: t("invitations.columns.status"),
                  render: (invitation) => (
                    <Badge tone={statusTone[invitation.status]}>
                      {t(`invitations.status.${invitation.status}`)}
                    </Badge>
                  ),
                },
                {
                  key: "by",
                  header: t("invitations.columns.invitedBy"),
                  render: (invitation) => (
                    <>
                      {invitation.invitedBy}
                      <br />
                      <span className="small muted">{format.date(invitation.createdAt)}</span>
                    </>
                  ),
                },
                {
                  key: "expires",
                  header: t("invitations.columns.expires"),
                  render: (invitation) => format.date(invitation.expiresAt),
                },
                {
                  key: "actions",
                  header: t("invitations.columns.actions"),
                  render: (invitation) =>
                    invitation.status === "pending" ? (
                      <Button
                        variant="secondary"
                        small
                        busy={revoke.isPending && revoke.variables === invitation.id}
                        onClick={() => revoke.mutate(invitation.id)}
                      >
                        {t("invitations.revoke")}
                        <span className="visually-hidden"> — {invitation.email}</span>
                      </Button>
                    ) : null,
                },
              ]}
            />
          )
        }
      </QueryState>
    </Card>
  );
}

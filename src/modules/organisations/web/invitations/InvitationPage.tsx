import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { api } from "../../../../ui/api/api-client.ts";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { QueryState } from "../../../../ui/components/QueryState.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import type { InvitationPreview } from "../../contract.ts";
import { OrganisationCard } from "../OrganisationCard.tsx";
import { useRefreshOrganisations } from "../organisation-queries.ts";
import { SignInPrompt } from "../SignInPrompt.tsx";
import { useViewer } from "../viewer.ts";
import { forgetInvitationToken, takeInvitationToken } from "./invitation-token.ts";

export function InvitationPage() {
  const { t } = useTranslation("organisations");
  const [token] = useState(takeInvitationToken);
  const preview = useQuery({
    queryKey: ["invitation-preview", token],
    queryFn: () => api.post<InvitationPreview>("/api/v1/invitations/preview", { token }),
    enabled: token !== null,
    retry: false,
  });

  return (
    <div className="reading">
      <PageHeader title={t("invitation.title")} />
      {token === null ? (
        <Alert tone="error" title={t("invitation.noToken")}>
          <p>{t("invitation.noTokenBody")}</p>
        </Alert>
      ) : (
        <QueryState query={preview} namespace="organisations">
          {(invitation) => <InvitationAnswer invitation={invitation} token={token} />}
        </QueryState>
      )}
    </div>
  );
}

function InvitationAnswer({ invitation, token }: { invitation: InvitationPreview; token: string }) {
  const { t } = useTranslation("organisations");
  const format = useFormatting();
  const viewer = useViewer();
  const navigate = useNavigate();
  const refresh = useRefreshOrganisations();
  const accept = useMutation({
    mutationFn: () =>
      api.post<{ organisationId: string; slug: string }>("/api/v1/invitations/accept", { token }),
    onSuccess: async ({ slug }) => {
      forgetInvitationToken();
      await refresh();
      navigate(`/organisations/${slug}`);
    },
  });
  const decline = useMutation({
    mutationFn: () => api.post("/api/v1/invitations/decline", { token }),
    onSuccess: forgetInvitationToken,
  });
  const open = invitation.status === "pending";
  const otherAccount =
    viewer.user !== null && viewer.user.email.toLowerCase() !== invitation.email.toLowerCase();

  return (
    <div className="stack">
      <p className="page-header__lead">
        {t(`invitation.lead.${invitation.role}`, { inviter: invitation.invitedBy })}
      </p>
      <OrganisationCard organisation={invitation.organisation} />
      <dl className="details">
        <dt>{t("invitation.sentTo")}</dt>
        <dd>{invitation.email}</dd>
        <dt>{t("invitation.role")}</dt>
        <dd>{t(`roles.${invitation.role}`)}</dd>
        <dt>{t("invitation.expires")}</dt>
        <dd>{format.dateTime(invitation.expiresAt)}</dd>
      </dl>
      {decline.isSuccess ? (
        <Alert tone="success" title={t("invitation.declined")} />
      ) : !open ? (
        <Alert tone="warning" title={t(`invitation.closed.${invitation.status}`)} />
      ) : viewer.pending ? null : !viewer.user ? (
        <SignInPrompt message={t("invitation.signIn", { email: invitation.email })} />
      ) : (
        <>
          {otherAccount && (
            <Alert
              tone="warning"
              title={t("invitation.otherAccount", { email: viewer.user.email })}
            >
              <p>{t("invitation.otherAccountBody", { email: invitation.email })}</p>
            </Alert>
          )}
          {(accept.error ?? decline.error) && (
            <ProblemAlert error={accept.error ?? decline.error} namespace="organisations" />
          )}
          <div className="button-row">
            <Button busy={accept.isPending} onClick={() => accept.mutate()}>
              {t("invitation.accept")}
            </Button>
            <Button variant="secondary" busy={decline.isPending} onClick={() => decline.mutate()}>
              {t("invitation.decline")}
            </Button>
          </div>
        </>
      )}
      <p>
        <Link to="/organisations">{t("profile.backToDirectory")}</Link>
      </p>
    </div>
  );
}

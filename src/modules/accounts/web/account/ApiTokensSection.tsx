import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../ui/api/api-client.ts";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Badge } from "../../../../ui/components/Badge.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { Card } from "../../../../ui/components/Card.tsx";
import { CopyButton } from "../../../../ui/components/CopyButton.tsx";
import { DataTable } from "../../../../ui/components/DataTable.tsx";
import { ConfirmDialog } from "../../../../ui/components/Dialog.tsx";
import { EmptyState } from "../../../../ui/components/EmptyState.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { QueryState } from "../../../../ui/components/QueryState.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import type { ApiTokenSummary, CreatedApiToken } from "../../contract.ts";
import { NewApiTokenForm } from "./NewApiTokenForm.tsx";

const tokensKey = ["me", "tokens"] as const;

function statusOf(token: ApiTokenSummary): "revoked" | "expired" | "active" {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && Date.parse(token.expiresAt) < Date.now()) return "expired";
  return "active";
}

export function ApiTokensSection() {
  const { t } = useTranslation("accounts");
  const format = useFormatting();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenSummary | null>(null);
  const tokens = useQuery({
    queryKey: tokensKey,
    queryFn: () => api.get<{ tokens: ApiTokenSummary[] }>("/api/v1/me/tokens"),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/me/tokens/${id}`),
    onSuccess: async () => {
      setRevoking(null);
      await queryClient.invalidateQueries({ queryKey: tokensKey });
    },
  });

  return (
    <>
      <PageHeader title={t("account.tokens.title")} lead={t("account.tokens.lead")} />
      {created && (
        <Card title={t("account.tokens.created.title", { name: created.name })}>
          <Alert tone="warning" title={t("account.tokens.created.once")} focusOnShow />
          <code className="secret">{created.token}</code>
          <div className="button-row">
            <CopyButton text={created.token} />
            <Button variant="secondary" onClick={() => setCreated(null)}>
              {t("account.tokens.created.done")}
            </Button>
          </div>
        </Card>
      )}
      <Card title={t("account.tokens.create")}>
        <NewApiTokenForm
          onCreated={(token) => {
            setCreated(token);
            void queryClient.invalidateQueries({ queryKey: tokensKey });
          }}
        />
      </Card>
      <section className="section" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">{t("account.tokens.list")}</h2>
        {revoke.isError && <ProblemAlert error={revoke.error} namespace="accounts" />}
        <QueryState query={tokens} namespace="accounts">
          {({ tokens: list }) =>
            list.length === 0 ? (
              <EmptyState title={t("account.tokens.none")} />
            ) : (
              <DataTable
                caption={t("account.tokens.list")}
                captionHidden
                rows={list}
                rowKey={(token) => token.id}
                columns={[
                  {
                    key: "name",
                    header: t("account.tokens.columns.name"),
                    rowHeader: true,
                    render: (token) => (
                      <>
                        {token.name}
                        <br />
                        <span className="mono small muted">{token.prefix}…</span>
                      </>
                    ),
                  },
                  {
                    key: "status",
                    header: t("account.tokens.columns.status"),
                    render: (token) => {
                      const status = statusOf(token);
                      return (
                        <Badge tone={status === "active" ? "success" : "neutral"}>
                          {t(`account.tokens.status.${status}`)}
                        </Badge>
                      );
                    },
                  },
                  {
                    key: "created",
                    header: t("account.tokens.columns.created"),
                    render: (token) => format.date(token.createdAt),
                  },
                  {
                    key: "used",
                    header: t("account.tokens.columns.lastUsed"),
                    render: (token) =>
                      token.lastUsedAt
                        ? format.dateTime(token.lastUsedAt)
                        : t("account.tokens.never"),
                  },
                  {
                    key: "expires",
                    header: t("account.tokens.columns.expires"),
                    render: (token) =>
                      token.expiresAt ? format.date(token.expiresAt) : t("account.tokens.noExpiry"),
                  },
                  {
                    key: "actions",
                    header: (
                      <span className="visually-hidden">{t("account.tokens.columns.actions")}</span>
                    ),
                    render: (token) =>
                      statusOf(token) === "active" ? (
                        <Button variant="secondary" small onClick={() => setRevoking(token)}>
                          {t("account.tokens.revoke")}
                          <span className="visually-hidden"> — {token.name}</span>
                        </Button>
                      ) : null,
                  },
                ]}
              />
            )
          }
        </QueryState>
      </section>
      <ConfirmDialog
        open={revoking !== null}
        title={t("account.tokens.revokeTitle", { name: revoking?.name ?? "" })}
        confirmLabel={t("account.tokens.revoke")}
        tone="danger"
        busy={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        onClose={() => setRevoking(null)}
      >
        <p>{t("account.tokens.revokeBody")}</p>
      </ConfirmDialog>
    </>
  );
}

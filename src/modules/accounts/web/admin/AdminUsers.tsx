import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../ui/api/api-client.ts";
import { Badge } from "../../../../ui/components/Badge.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { DataTable } from "../../../../ui/components/DataTable.tsx";
import { ConfirmDialog } from "../../../../ui/components/Dialog.tsx";
import { EmptyState } from "../../../../ui/components/EmptyState.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { QueryState } from "../../../../ui/components/QueryState.tsx";
import { useDebouncedValue } from "../../../../ui/forms/debounced-value.ts";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import type { AdminUser, AdminUserList, AdminUserPatch, PlatformRole } from "../../contract.ts";
import { useCurrentUser } from "../session.ts";

const PAGE = 25;

/** Platform admins find people, grant or withdraw platform roles, and disable accounts. */
export function AdminUsers() {
  const { t } = useTranslation("accounts");
  const format = useFormatting();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [offset, setOffset] = useState(0);
  const [disabling, setDisabling] = useState<AdminUser | null>(null);
  const q = useDebouncedValue(search.trim(), 300);
  const users = useQuery({
    queryKey: ["admin", "users", q, offset],
    queryFn: ({ signal }) =>
      api.get<AdminUserList>("/api/v1/admin/users", { q, limit: PAGE, offset }, signal),
    placeholderData: keepPreviousData,
  });
  const change = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: AdminUserPatch }) =>
      api.patch<AdminUser>(`/api/v1/admin/users/${id}`, patch),
    onSuccess: async () => {
      setDisabling(null);
      await queryClient.invalidateQueries({ queryKey: ["admin", "users"] });
    },
  });
  const busyFor = (id: string) => change.isPending && change.variables?.id === id;

  const toggleRole = (user: AdminUser, role: PlatformRole) => {
    const roles = user.platformRoles.includes(role)
      ? user.platformRoles.filter((held) => held !== role)
      : [...user.platformRoles, role];
    change.mutate({ id: user.id, patch: { platformRoles: roles } });
  };

  return (
    <section aria-labelledby="admin-users">
      <h2 id="admin-users">{t("admin.users.title")}</h2>
      <div className="toolbar">
        <TextField
          label={t("admin.users.search")}
          type="search"
          width="medium"
          value={search}
          onChange={(value) => {
            setSearch(value);
            setOffset(0);
          }}
        />
      </div>
      {change.isError && <ProblemAlert error={change.error} namespace="accounts" />}
      <QueryState query={users} namespace="accounts">
        {(data) =>
          data.users.length === 0 ? (
            <EmptyState title={t("admin.users.none")} />
          ) : (
            <>
              <p className="result-count" role="status">
                {t("admin.users.count", {
                  count: data.total,
                  formatted: format.number(data.total),
                })}
              </p>
              <DataTable
                caption={t("admin.users.title")}
                captionHidden
                rows={data.users}
                rowKey={(user) => user.id}
                columns={[
                  {
                    key: "person",
                    header: t("admin.users.columns.person"),
                    rowHeader: true,
                    render: (user) => (
                      <>
                        {user.name}
                        <br />
                        <span className="small muted">{user.email}</span>
                      </>
                    ),
                  },
                  {
                    key: "state",
                    header: t("admin.users.columns.state"),
                    render: (user) => (
                      <span className="cluster">
                        {user.disabled ? (
                          <Badge tone="danger">{t("admin.users.disabled")}</Badge>
                        ) : user.emailVerified ? (
                          <Badge tone="success">{t("admin.users.confirmed")}</Badge>
                        ) : (
                          <Badge tone="warning">{t("admin.users.unconfirmed")}</Badge>
                        )}
                        {user.twoFactorEnabled && (
                          <Badge tone="info">{t("admin.users.twoFactor")}</Badge>
                        )}
                      </span>
                    ),
                  },
                  {
                    key: "roles",
                    header: t("admin.users.columns.roles"),
                    render: (user) =>
                      user.platformRoles.length
                        ? user.platformRoles.map((role) => t(`roles.${role}`)).join(", ")
                        : "—",
                  },
                  {
                    key: "since",
                    header: t("admin.users.columns.since"),
                    render: (user) => format.date(user.createdAt),
                  },
                  {
                    key: "actions",
                    header: t("admin.users.columns.actions"),
                    render: (user) => (
                      <span className="cluster">
                        {(["admin", "moderator"] as const).map((role) => (
                          <Button
                            key={role}
                            variant="secondary"
                            small
                            busy={busyFor(user.id)}
                            onClick={() => toggleRole(user, role)}
                          >
                            {t(
                              user.platformRoles.includes(role)
                                ? `admin.users.remove.${role}`
                                : `admin.users.grant.${role}`,
                            )}
                            <span className="visually-hidden"> — {user.name}</span>
                          </Button>
                        ))}
                        {user.id !== me?.id && (
                          <Button
                            variant="secondary"
                            small
                            busy={busyFor(user.id)}
                            onClick={() =>
                              user.disabled
                                ? change.mutate({ id: user.id, patch: { disabled: false } })
                                : setDisabling(user)
                            }
                          >
                            {user.disabled ? t("admin.users.enable") : t("admin.users.disable")}
                            <span className="visually-hidden"> — {user.name}</span>
                          </Button>
                        )}
                      </span>
                    ),
                  },
                ]}
              />
              <div className="button-row">
                {offset > 0 && (
                  <Button variant="secondary" onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                    {t("admin.users.previous")}
                  </Button>
                )}
                {offset + PAGE < data.total && (
                  <Button variant="secondary" onClick={() => setOffset(offset + PAGE)}>
                    {t("admin.users.next")}
                  </Button>
                )}
              </div>
            </>
          )
        }
      </QueryState>
      <ConfirmDialog
        open={disabling !== null}
        title={t("admin.users.disableTitle", { name: disabling?.name ?? "" })}
        confirmLabel={t("admin.users.disable")}
        tone="danger"
        busy={change.isPending}
        onConfirm={() =>
          disabling && change.mutate({ id: disabling.id, patch: { disabled: true } })
        }
        onClose={() => setDisabling(null)}
      >
        <p>{t("admin.users.disableBody")}</p>
      </ConfirmDialog>
    </section>
  );
}

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../ui/api/api-client.ts";
import { Badge } from "../../../../ui/components/Badge.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { Card } from "../../../../ui/components/Card.tsx";
import { DataTable } from "../../../../ui/components/DataTable.tsx";
import { ConfirmDialog } from "../../../../ui/components/Dialog.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { QueryState } from "../../../../ui/components/QueryState.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import type { Member, MembershipRole, Organisation } from "../../contract.ts";
import { useMembers, useRefreshOrganisations } from "../organisation-queries.ts";
import { useViewer } from "../viewer.ts";

/** The people in the organisation; its admins change roles and remove people. */
export function MembersSection({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation("organisations");
  const format = useFormatting();
  const viewer = useViewer();
  const refresh = useRefreshOrganisations();
  const members = useMembers(organisation.id, true);
  const [removing, setRemoving] = useState<Member | null>(null);
  const manage = organisation.abilities.manageMembers;
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: MembershipRole }) =>
      api.patch(`/api/v1/organisations/${organisation.id}/members/${userId}`, { role }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (userId: string) =>
      api.delete(`/api/v1/organisations/${organisation.id}/members/${userId}`),
    onSuccess: async () => {
      setRemoving(null);
      await refresh();
    },
  });
  const failure = changeRole.error ?? remove.error;

  return (
    <Card title={t("members.title")} headingLevel={3}>
      {failure && <ProblemAlert error={failure} namespace="organisations" />}
      <QueryState query={members} namespace="organisations">
        {({ members: list }) => (
          <DataTable
            caption={t("members.title")}
            captionHidden
            rows={list}
            rowKey={(member) => member.userId}
            columns={[
              {
                key: "name",
                header: t("members.columns.name"),
                rowHeader: true,
                render: (member) => (
                  <>
                    {member.name}{" "}
                    {member.userId === viewer.user?.id && (
                      <Badge tone="info">{t("members.you")}</Badge>
                    )}
                    <br />
                    <span className="small muted">{member.email}</span>
                  </>
                ),
              },
              {
                key: "role",
                header: t("members.columns.role"),
                render: (member) => t(`roles.${member.role}`),
              },
              {
                key: "since",
                header: t("members.columns.since"),
                render: (member) => format.date(member.since),
              },
              ...(manage
                ? [
                    {
                      key: "actions",
                      header: t("members.columns.actions"),
                      render: (member: Member) =>
                        member.userId === viewer.user?.id ? null : (
                          <span className="cluster">
                            <Button
                              variant="secondary"
                              small
                              busy={
                                changeRole.isPending &&
                                changeRole.variables?.userId === member.userId
                              }
                              onClick={() =>
                                changeRole.mutate({
                                  userId: member.userId,
                                  role: member.role === "admin" ? "member" : "admin",
                                })
                              }
                            >
                              {member.role === "admin"
                                ? t("members.makeMember")
                                : t("members.makeAdmin")}
                              <span className="visually-hidden"> — {member.name}</span>
                            </Button>
                            <Button variant="danger" small onClick={() => setRemoving(member)}>
                              {t("members.remove")}
                              <span className="visually-hidden"> — {member.name}</span>
                            </Button>
                          </span>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
      <ConfirmDialog
        open={removing !== null}
        title={t("members.removeTitle", {
          name: removing?.name ?? "",
          organisation: organisation.name,
        })}
        confirmLabel={t("members.remove")}
        tone="danger"
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing.userId)}
        onClose={() => setRemoving(null)}
      >
        <p>{t("members.removeBody")}</p>
      </ConfirmDialog>
    </Card>
  );
}

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../../../ui/api/api-client.ts";
import { Badge } from "../../../../ui/components/Badge.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { QueryState } from "../../../../ui/components/QueryState.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import type { SessionSummary } from "../../contract.ts";
import { describeDevice } from "./device-description.ts";

export const sessionsKey = ["me", "sessions"] as const;

export function SessionsSection() {
  const { t } = useTranslation("accounts");
  const format = useFormatting();
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: sessionsKey,
    queryFn: () => api.get<{ sessions: SessionSummary[] }>("/api/v1/me/sessions"),
  });
  const end = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/me/sessions/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });

  return (
    <>
      <PageHeader title={t("account.sessions.title")} lead={t("account.sessions.lead")} />
      {end.isError && <ProblemAlert error={end.error} namespace="accounts" />}
      <QueryState query={sessions} namespace="accounts">
        {({ sessions: list }) => (
          <ul className="item-list">
            {list.map((session) => (
              <li key={session.id}>
                <div className="item-list__main">
                  <p className="stack--tight">
                    <strong>
                      {describeDevice(session.userAgent, t("account.sessions.unknownDevice"))}
                    </strong>{" "}
                    {session.current && <Badge tone="info">{t("account.sessions.current")}</Badge>}
                  </p>
                  <p className="small muted">
                    {t("account.sessions.details", {
                      started: format.dateTime(session.createdAt),
                      seen: format.dateTime(session.lastSeenAt),
                      address: session.ipAddress ?? "—",
                    })}
                  </p>
                </div>
                {!session.current && (
                  <div className="item-list__actions">
                    <Button
                      variant="secondary"
                      small
                      busy={end.isPending && end.variables === session.id}
                      onClick={() => end.mutate(session.id)}
                    >
                      {t("account.sessions.end")}
                      <span className="visually-hidden">
                        {" "}
                        — {describeDevice(session.userAgent, t("account.sessions.unknownDevice"))},{" "}
                        {format.dateTime(session.createdAt)}
                      </span>
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}

import "./consortia.css";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation } from "react-router";
import { Badge } from "../../../ui/components/Badge.tsx";
import { type Column, DataTable } from "../../../ui/components/DataTable.tsx";
import { EmptyState } from "../../../ui/components/EmptyState.tsx";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { LoadingBlock } from "../../../ui/components/Spinner.tsx";
import type { ConsortiumSummary } from "../contract.ts";
import { useMyConsortia, useMyOrganisations, useViewer } from "./consortia-queries.ts";

/** The consortia the person's organisations are in, or invited to. */
export function MyConsortiaPage() {
  const { t } = useTranslation("consortia");
  const viewer = useViewer();
  const location = useLocation();
  const consortia = useMyConsortia(Boolean(viewer.user));
  const memberships = useMyOrganisations(Boolean(viewer.user));
  if (viewer.pending) return <LoadingBlock />;
  if (!viewer.user) {
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  const names = new Map(
    (memberships.data?.memberships ?? []).map((entry) => [
      entry.organisation.id,
      entry.organisation.name,
    ]),
  );
  const columns: Column<ConsortiumSummary>[] = [
    {
      key: "name",
      header: t("mine.consortium"),
      rowHeader: true,
      render: (consortium) => <Link to={`/consortia/${consortium.id}`}>{consortium.name}</Link>,
    },
    {
      key: "challenge",
      header: t("mine.challenge"),
      render: (consortium) => (
        <Link to={`/challenges/${consortium.challenge.id}#consortia`}>
          {consortium.challenge.title}
        </Link>
      ),
    },
    { key: "lead", header: t("mine.lead"), render: (consortium) => consortium.lead.name },
    {
      key: "members",
      header: t("mine.members"),
      numeric: true,
      render: (consortium) => consortium.memberCount,
    },
    {
      key: "pending",
      header: t("mine.pending"),
      numeric: true,
      render: (consortium) => consortium.pendingInvitations,
    },
    {
      key: "mine",
      header: t("mine.you"),
      render: (consortium) =>
        consortium.mine
          .map((entry) =>
            t(`mine.standing.${entry.standing}`, {
              organisation: names.get(entry.organisationId) ?? "",
            }),
          )
          .join("; "),
    },
    {
      key: "status",
      header: t("mine.status"),
      render: (consortium) => (
        <Badge tone={consortium.status === "forming" ? "info" : "neutral"}>
          {t(`status.${consortium.status}`)}
        </Badge>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t("mine.title")} lead={<p>{t("mine.intro")}</p>} />
      <QueryState query={consortia} namespace="consortia">
        {(data) =>
          data.consortia.length === 0 ? (
            <EmptyState title={t("mine.none")}>{t("mine.noneBody")}</EmptyState>
          ) : (
            <DataTable
              caption={t("mine.caption")}
              captionHidden
              columns={columns}
              rows={data.consortia}
              rowKey={(consortium) => consortium.id}
            />
          )
        }
      </QueryState>
    </>
  );
}

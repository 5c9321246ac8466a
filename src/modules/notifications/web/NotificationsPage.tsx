import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation } from "react-router";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Badge } from "../../../ui/components/Badge.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { EmptyState } from "../../../ui/components/EmptyState.tsx";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { LoadingBlock } from "../../../ui/components/Spinner.tsx";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import { type Notification, paramsWithMoments } from "../contract.ts";
import { useMarkRead, useNotificationPages, useSignedIn } from "./notification-queries.ts";

/** The signed-in person's notifications, newest first; opening one marks it read. */
export function NotificationsPage() {
  const { pending, signedIn } = useSignedIn();
  const location = useLocation();
  if (pending) return <LoadingBlock />;
  if (!signedIn) {
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  return <NotificationList />;
}

function NotificationList() {
  const { t } = useTranslation("notifications");
  const pages = useNotificationPages(true);
  const markRead = useMarkRead();
  const unreadCount = pages.data?.pages[0]?.unreadCount ?? 0;

  return (
    <>
      <PageHeader
        title={t("page.title")}
        lead={
          <p>
            {t("page.lead")} <Link to="/account/notifications">{t("page.preferences")}</Link>
          </p>
        }
        actions={
          unreadCount > 0 && (
            <Button
              variant="secondary"
              busy={markRead.isPending}
              onClick={() => markRead.mutate({ all: true })}
            >
              {t("page.markAllRead")}
            </Button>
          )
        }
      />
      {markRead.isError && <ProblemAlert error={markRead.error} namespace="notifications" />}
      {markRead.isSuccess && markRead.variables && "all" in markRead.variables && (
        // The button just pressed goes away with the last unread one: focus lands here instead.
        <Alert tone="success" title={t("page.allMarkedRead")} focusOnShow />
      )}
      <QueryState query={pages} namespace="notifications">
        {(data) => {
          const notifications = data.pages.flatMap((page) => page.notifications);
          if (notifications.length === 0) {
            return (
              <EmptyState title={t("page.none")}>
                <p>{t("page.noneBody")}</p>
              </EmptyState>
            );
          }
          return (
            <>
              <ul className="item-list" aria-label={t("page.listLabel")}>
                {notifications.map((notification) => (
                  <NotificationItem
                    key={notification.id}
                    notification={notification}
                    onOpen={() => {
                      if (!notification.readAt) markRead.mutate({ ids: [notification.id] });
                    }}
                  />
                ))}
              </ul>
              {pages.hasNextPage && (
                <div className="button-row section">
                  <Button
                    variant="secondary"
                    busy={pages.isFetchingNextPage}
                    onClick={() => void pages.fetchNextPage()}
                  >
                    {t("page.more")}
                  </Button>
                </div>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}

function NotificationItem({
  notification,
  onOpen,
}: {
  notification: Notification;
  onOpen: () => void;
}) {
  const { t } = useTranslation("notifications");
  const format = useFormatting();
  // Params go through `replace`, so a param can never be taken for an i18next option. A moment
  // is shown in the reader's language and time zone.
  const text = t(`kinds.${notification.kind}.line`, {
    replace: paramsWithMoments(notification.params, (moment) =>
      format.dateTime(moment.toISOString()),
    ),
  });
  const unread = notification.readAt === null;
  return (
    <li>
      <div className="item-list__main">
        <p>
          <Link to={notification.link} onClick={onOpen}>
            {unread ? <strong>{text}</strong> : text}
          </Link>
        </p>
        <p className="entity-card__meta">
          <time dateTime={notification.createdAt}>
            {t("page.received", { when: format.dateTime(notification.createdAt) })}
          </time>
        </p>
      </div>
      {unread && (
        <div className="item-list__actions">
          <Badge tone="info">{t("page.unread")}</Badge>
        </div>
      )}
    </li>
  );
}

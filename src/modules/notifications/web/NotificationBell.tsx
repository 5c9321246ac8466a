import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useLiveUnreadCount, useSignedIn, useUnreadCount } from "./notification-queries.ts";

/**
 * The header's bell: a link to the notification page whose accessible name says how many are
 * unread ("3 unread notifications"); the count arrives live while signed in, and is polled
 * every 30 seconds as well.
 */
export function NotificationBell() {
  const { t } = useTranslation("notifications");
  const { signedIn } = useSignedIn();
  const unread = useUnreadCount(signedIn);
  useLiveUnreadCount(signedIn);
  if (!signedIn) return null;
  const count = unread.data?.unreadCount ?? 0;
  return (
    <NavLink
      to="/notifications"
      className="header-icon-link"
      aria-label={count > 0 ? t("bell.unread", { count }) : t("bell.none")}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      {count > 0 && (
        <span className="header-icon-link__count" aria-hidden="true">
          {count > 99 ? "99+" : count}
        </span>
      )}
    </NavLink>
  );
}

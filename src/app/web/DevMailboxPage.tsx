import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../ui/api/api-client.ts";
import { isApiError } from "../../ui/api/api-error.ts";
import { Alert } from "../../ui/components/Alert.tsx";
import { Button } from "../../ui/components/Button.tsx";
import { EmptyState } from "../../ui/components/EmptyState.tsx";
import { PageHeader } from "../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../ui/components/ProblemAlert.tsx";
import { LoadingBlock } from "../../ui/components/Spinner.tsx";
import { useFormatting } from "../../ui/i18n/formatting.ts";

interface DevMail {
  id: number;
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}

const addressPattern = /(https?:\/\/[^\s<>"]+)/g;

/**
 * Links in a mail's text become links. Those to this site stay in the app (with their
 * #token fragment), whatever host name the server put in them.
 */
function withLinks(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const match of text.matchAll(addressPattern)) {
    const start = match.index;
    const address = match[0];
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<MailLink key={start} address={address} />);
    at = start + address.length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

function MailLink({ address }: { address: string }) {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return <>{address}</>;
  }
  const local =
    url.origin === window.location.origin || /^(localhost|127\.0\.0\.1)$/.test(url.hostname);
  return local ? (
    <Link to={{ pathname: url.pathname, search: url.search, hash: url.hash }}>{address}</Link>
  ) : (
    <a href={address} rel="noopener noreferrer">
      {address}
    </a>
  );
}

/** Demo mode only: the mails the platform "sent", so sign-up and invitations can be completed. */
export function DevMailboxPage() {
  const { t } = useTranslation("app");
  const format = useFormatting();
  const mails = useQuery({
    queryKey: ["dev-mail"],
    queryFn: () => api.get<{ mails: DevMail[] }>("/api/v1/dev/mail"),
    refetchInterval: 5000,
    retry: false,
  });
  const newestFirst = [...(mails.data?.mails ?? [])].sort(
    (a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt) || b.id - a.id,
  );

  return (
    <>
      <PageHeader
        title={t("mailbox.title")}
        lead={t("mailbox.lead")}
        actions={
          <Button variant="secondary" busy={mails.isFetching} onClick={() => void mails.refetch()}>
            {t("mailbox.refresh")}
          </Button>
        }
      />
      {mails.isPending ? (
        <LoadingBlock />
      ) : mails.isError ? (
        isApiError(mails.error) && mails.error.status === 404 ? (
          <Alert tone="info" title={t("mailbox.notDemo")} />
        ) : (
          <ProblemAlert error={mails.error} onRetry={() => void mails.refetch()} />
        )
      ) : newestFirst.length === 0 ? (
        <EmptyState title={t("mailbox.empty")} />
      ) : (
        <ol className="item-grid" aria-label={t("mailbox.list")}>
          {newestFirst.map((mail) => (
            <li key={mail.id}>
              <article className="mail" aria-labelledby={`mail-${mail.id}`}>
                <header className="mail__header">
                  <h2 className="mail__subject" id={`mail-${mail.id}`}>
                    {mail.subject}
                  </h2>
                  <p className="mail__meta">
                    {t("mailbox.meta", { to: mail.to, when: format.dateTime(mail.sentAt) })}
                  </p>
                </header>
                <p className="mail__text">{withLinks(mail.text)}</p>
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

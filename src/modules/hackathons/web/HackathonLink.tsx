import { useTranslation } from "react-i18next";
import { ButtonLink } from "../../../ui/components/Button.tsx";
import { Card } from "../../../ui/components/Card.tsx";

/** On a hackathon's event page: the way to its teams, submissions, judging and gallery. */
export function HackathonLink({ eventId }: { eventId: string }) {
  const { t } = useTranslation("hackathons");
  return (
    <Card title={t("link.title")}>
      <p>{t("link.lead")}</p>
      <ButtonLink to={`/events/${eventId}/hackathon`}>{t("link.open")}</ButtonLink>
    </Card>
  );
}

import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../../../ui/api/api-client.ts";
import type { Challenge } from "../../../challenges/contract.ts";

/** "Answers the challenge: …", with the challenge's title once it is known. */
export function LinkedChallenge({ id }: { id: string }) {
  const { t } = useTranslation("catalogue");
  const challenge = useQuery({
    queryKey: ["challenges", "one", id],
    queryFn: ({ signal }) => api.get<Challenge>(`/api/v1/challenges/${id}`, undefined, signal),
    retry: false,
  });
  return (
    <p>
      {t("portfolio.answers")}{" "}
      <Link to={`/challenges/${id}`}>{challenge.data?.title ?? t("portfolio.challenge")}</Link>
    </p>
  );
}

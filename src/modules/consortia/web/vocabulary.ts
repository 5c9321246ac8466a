import { useTranslation } from "react-i18next";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import type { SuggestedTeam } from "../contract.ts";

/** "Team score 82 %: fit 80 %, cover strength 100 %, verified 50 %, local 100 %". */
export function useScoreLine() {
  const { t } = useTranslation("consortia");
  const format = useFormatting();
  return (team: Pick<SuggestedTeam, "score" | "parts">) =>
    t("team.scoreLine", {
      score: format.percent(team.score),
      fit: format.percent(team.parts.fit),
      coverage: format.percent(team.parts.coverage),
      verified: format.percent(team.parts.verified),
      local: format.percent(team.parts.local),
    });
}

/** A list in the reader's language: "A, B and C". */
export function useListFormat() {
  const { i18n } = useTranslation();
  return (items: string[]) =>
    new Intl.ListFormat(i18n.language || "en", { style: "long", type: "conjunction" }).format(
      items,
    );
}

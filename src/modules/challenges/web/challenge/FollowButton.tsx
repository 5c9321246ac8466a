import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { Button } from "../../../../ui/components/Button.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import type { Challenge } from "../../contract.ts";
import { challengeCalls, useChallengeAction } from "../challenge-queries.ts";
import { signInAddressFor, useViewer } from "../viewer.ts";

/** Follow to hear about answers, deadline changes and status changes; shows how many follow. */
export function FollowButton({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation("challenges");
  const format = useFormatting();
  const viewer = useViewer();
  const location = useLocation();
  const follow = useChallengeAction((following: boolean) =>
    challengeCalls.follow(challenge.id, following),
  );
  const count = follow.data?.followerCount ?? challenge.followerCount;
  const following = follow.data?.following ?? challenge.following;
  return (
    <div className="follow">
      {challenge.abilities.follow ? (
        <Button
          variant={following ? "secondary" : "primary"}
          aria-pressed={following}
          busy={follow.isPending}
          onClick={() => follow.mutate(!following)}
        >
          {t("follow.follow")}
        </Button>
      ) : (
        !viewer.user &&
        !viewer.pending && (
          <Link to={signInAddressFor(location.pathname)}>{t("follow.signIn")}</Link>
        )
      )}
      <span className="small muted" role="status">
        {t("follow.count", { count, formatted: format.number(count) })}
      </span>
      {follow.isError && <ProblemAlert error={follow.error} namespace="challenges" />}
    </div>
  );
}

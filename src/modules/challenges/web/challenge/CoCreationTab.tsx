import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { EmptyState } from "../../../../ui/components/EmptyState.tsx";
import { QueryState } from "../../../../ui/components/QueryState.tsx";
import type { Challenge } from "../../contract.ts";
import { challengeCalls, useChallengeAction, useIdeaBoard } from "../challenge-queries.ts";
import { signInAddressFor, useViewer } from "../viewer.ts";
import { IdeaForm } from "./IdeaForm.tsx";
import { IdeaItem } from "./IdeaItem.tsx";

type IdeaSort = "votes" | "newest";

/** The co-creation board: ideas and comments with up-votes, while the consultation runs. */
export function CoCreationTab({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation("challenges");
  const [sort, setSort] = useState<IdeaSort>("votes");
  const board = useIdeaBoard(challenge.id, sort);
  const viewer = useViewer();
  const location = useLocation();
  const sortName = useId();
  return (
    <div className="stack">
      <h2>{t("ideas.title")}</h2>
      <p className="muted">{t(challenge.coCreationOpen ? "ideas.lead" : "ideas.closed")}</p>
      {challenge.abilities.contribute && challenge.coCreationOpen && (
        <NewIdeaForm challenge={challenge} />
      )}
      {!viewer.pending && !viewer.user && challenge.coCreationOpen && (
        <p>
          <Link to={signInAddressFor(`${location.pathname}#co-creation`)}>{t("ideas.signIn")}</Link>
        </p>
      )}
      <fieldset className="fieldset">
        <legend>{t("ideas.sort")}</legend>
        <div className="cluster">
          {(["votes", "newest"] as const).map((option) => (
            <div key={option} className="checkbox">
              <input
                type="radio"
                id={`${sortName}-${option}`}
                name={sortName}
                checked={sort === option}
                onChange={() => setSort(option)}
              />
              <label htmlFor={`${sortName}-${option}`}>{t(`ideas.sorts.${option}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <QueryState query={board} namespace="challenges">
        {({ ideas }) =>
          ideas.length === 0 ? (
            <EmptyState title={t("ideas.none")} />
          ) : (
            <ul
              className="idea-list"
              aria-label={t("ideas.listLabel")}
              aria-busy={board.isFetching}
            >
              {ideas.map((idea) => (
                <IdeaItem key={idea.id} challenge={challenge} idea={idea} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </div>
  );
}

function NewIdeaForm({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation("challenges");
  const [round, setRound] = useState(0);
  const post = useChallengeAction((body: { title: string; body: string }) =>
    challengeCalls.postIdea(challenge.id, body),
  );
  return (
    <details className="disclosure">
      <summary>{t("ideas.new")}</summary>
      {post.isSuccess && <Alert tone="success" title={t("ideas.posted")} />}
      <IdeaForm
        key={round}
        initial={{ title: "", body: "" }}
        submitLabel={t("ideas.post")}
        busy={post.isPending}
        error={post.error}
        onSubmit={(body) => post.mutate(body, { onSuccess: () => setRound((n) => n + 1) })}
      />
    </details>
  );
}

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Badge } from "../../../../ui/components/Badge.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { QueryState } from "../../../../ui/components/QueryState.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import type { Challenge, Clarification } from "../../contract.ts";
import { challengeCalls, useChallengeAction, useClarifications } from "../challenge-queries.ts";
import { useDeadlineFormat } from "../deadlines.ts";
import { signInAddressFor, useViewer } from "../viewer.ts";

/**
 * Clarifications: published anonymised with their answers, to everyone alike (equal treatment).
 * Only platform admins see who asked.
 */
export function QuestionsTab({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation("challenges");
  const deadline = useDeadlineFormat();
  const questions = useClarifications(challenge.id);
  const { questionDeadline } = challenge.timeline;
  return (
    <div className="stack">
      <h2>{t("questions.title")}</h2>
      <p className="muted">
        {t("questions.lead")}{" "}
        {questionDeadline &&
          t(challenge.questionsOpen ? "questions.until" : "questions.closedSince", {
            date: deadline.dateTime(questionDeadline),
          })}
      </p>
      <AskQuestion challenge={challenge} />
      <QueryState query={questions} namespace="challenges">
        {({ clarifications }) => {
          const answered = clarifications.filter((question) => question.answer !== null);
          const waiting = clarifications.filter((question) => question.answer === null);
          return (
            <>
              {waiting.length > 0 && (
                <section aria-labelledby="questions-waiting">
                  <h3 id="questions-waiting">{t("questions.waiting")}</h3>
                  <ul className="item-list">
                    {waiting.map((question) => (
                      <QuestionItem key={question.id} question={question} challenge={challenge} />
                    ))}
                  </ul>
                </section>
              )}
              <section aria-labelledby="questions-answered">
                <h3 id="questions-answered">{t("questions.answered")}</h3>
                {answered.length === 0 ? (
                  <p className="muted">{t("questions.none")}</p>
                ) : (
                  <ul className="item-list">
                    {answered.map((question) => (
                      <QuestionItem key={question.id} question={question} challenge={challenge} />
                    ))}
                  </ul>
                )}
              </section>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

function QuestionItem({ question, challenge }: { question: Clarification; challenge: Challenge }) {
  const { t } = useTranslation("challenges");
  const format = useFormatting();
  return (
    <li>
      <div className="item-list__main clarification">
        <p className="clarification__question">
          <strong>{t("questions.q")}</strong> {question.question}
        </p>
        <p className="entity-card__meta">
          {t("questions.askedAt", { date: format.dateTime(question.askedAt) })}
          {question.mine && (
            <>
              {" "}
              <Badge tone="info">{t("questions.mine")}</Badge>
            </>
          )}
          {question.askedBy && (
            <>
              {" · "}
              {t("questions.askedBy", {
                name: question.askedBy.name,
                organisation: question.askedBy.organisation ?? "—",
              })}
            </>
          )}
        </p>
        {question.answer !== null ? (
          <div className="clarification__answer">
            <p>
              <strong>{t("questions.a")}</strong> {question.answer}
            </p>
            {question.answeredAt && (
              <p className="entity-card__meta">
                {t("questions.answeredAt", { date: format.dateTime(question.answeredAt) })}
              </p>
            )}
          </div>
        ) : (
          challenge.abilities.answer && <AnswerForm challenge={challenge} question={question} />
        )}
      </div>
    </li>
  );
}

function AskQuestion({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation("challenges");
  const viewer = useViewer();
  const location = useLocation();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const ask = useChallengeAction((question: string) => challengeCalls.ask(challenge.id, question));
  if (!challenge.questionsOpen) return null;
  if (!viewer.user) {
    return (
      <p>
        <Link to={signInAddressFor(`${location.pathname}#questions`)}>{t("questions.signIn")}</Link>
      </p>
    );
  }
  if (!challenge.abilities.ask) return null;
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim().length < 10) return setProblem(t("questions.checks.short"));
        setProblem(undefined);
        ask.mutate(text.trim(), { onSuccess: () => setText("") });
      }}
    >
      <TextField
        label={t("questions.ask")}
        hint={t("questions.askHint")}
        rows={4}
        value={text}
        onChange={setText}
        error={problem}
        maxLength={4000}
      />
      {ask.isError && <ProblemAlert error={ask.error} namespace="challenges" />}
      {ask.isSuccess && <Alert tone="success" title={t("questions.sent")} />}
      <Button type="submit" busy={ask.isPending}>
        {t("questions.send")}
      </Button>
    </form>
  );
}

function AnswerForm({ challenge, question }: { challenge: Challenge; question: Clarification }) {
  const { t } = useTranslation("challenges");
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const answer = useChallengeAction((value: string) =>
    challengeCalls.answer(challenge.id, question.id, value),
  );
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim().length < 2) return setProblem(t("questions.checks.answer"));
        setProblem(undefined);
        answer.mutate(text.trim());
      }}
    >
      <TextField
        label={t("questions.answer")}
        hint={t("questions.answerHint")}
        rows={3}
        value={text}
        onChange={setText}
        error={problem}
        maxLength={8000}
      />
      {answer.isError && <ProblemAlert error={answer.error} namespace="challenges" />}
      <Button type="submit" small busy={answer.isPending}>
        {t("questions.publish")}
      </Button>
    </form>
  );
}

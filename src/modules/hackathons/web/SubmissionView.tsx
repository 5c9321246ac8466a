import { useTranslation } from "react-i18next";
import type { Submission } from "../contract.ts";
import { fileAddress } from "./hackathon-queries.ts";

/** A submission as judges, hosts and the gallery read it. */
export function SubmissionView({ teamId, submission }: { teamId: string; submission: Submission }) {
  const { t } = useTranslation("hackathons");
  return (
    <div className="stack">
      {/* Rendered by the server from Markdown with raw HTML disabled. */}
      <div
        className="prose"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server.
        dangerouslySetInnerHTML={{ __html: submission.descriptionHtml }}
      />
      {(submission.repositoryUrl || submission.demoUrl || submission.files.length > 0) && (
        <ul className="hackathon-links">
          {submission.repositoryUrl && (
            <li>
              <a href={submission.repositoryUrl} rel="noopener noreferrer nofollow" target="_blank">
                {t("submission.repositoryLink")}
              </a>
            </li>
          )}
          {submission.demoUrl && (
            <li>
              <a href={submission.demoUrl} rel="noopener noreferrer nofollow" target="_blank">
                {t("submission.demoLink")}
              </a>
            </li>
          )}
          {submission.files.map((file) => (
            <li key={file.id}>
              <a href={fileAddress(teamId, file.id)} download>
                {file.filename}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p className="small muted">{t("submission.revision", { revision: submission.revision })}</p>
    </div>
  );
}

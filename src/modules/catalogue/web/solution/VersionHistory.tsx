import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../../../ui/components/QueryState.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import { useSolutionVersions } from "../catalogue-queries.ts";

/** Every version with who made it, for the provider's members; loaded when opened. */
export function VersionHistory({ solutionId }: { solutionId: string }) {
  const { t } = useTranslation("catalogue");
  const format = useFormatting();
  const [open, setOpen] = useState(false);
  const versions = useSolutionVersions(solutionId, open);
  return (
    <section aria-labelledby="solution-versions">
      <h2 id="solution-versions">{t("versions.title")}</h2>
      <details
        className="disclosure"
        onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}
      >
        <summary>{t("versions.show")}</summary>
        {open && (
          <QueryState query={versions} namespace="catalogue">
            {(data) => (
              <ol className="item-list" aria-label={t("versions.title")}>
                {data.versions.map((version) => (
                  <li key={version.version}>
                    <div className="item-list__main">
                      <p>
                        <strong>{t("versions.number", { version: version.version })}</strong>{" "}
                        {version.title}
                      </p>
                      <p className="entity-card__meta">
                        {t("versions.meta", {
                          when: format.dateTime(version.editedAt),
                          who: version.editedBy ?? t("versions.unknownEditor"),
                        })}
                      </p>
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </QueryState>
        )}
      </details>
    </section>
  );
}

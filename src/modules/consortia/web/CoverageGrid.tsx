import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Badge } from "../../../ui/components/Badge.tsx";
import { type Column, DataTable } from "../../../ui/components/DataTable.tsx";
import { VisuallyHidden } from "../../../ui/components/VisuallyHidden.tsx";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import { useCapabilityLabels } from "../../catalogue/web/form/CapabilityField.tsx";
import type { CoverLevel, SuggestedTeam, TeamMember } from "../contract.ts";

/**
 * Who covers what: one row per member, one column per required capability, each cell saying
 * how the member covers it (a code it declares, named in its description, a broader code) and
 * through which solution; a last row gives the team's strongest cover.
 */
export function CoverageGrid({
  team,
  caption,
  missing = [],
}: {
  team: SuggestedTeam;
  caption: string;
  /** Requirements no member covers (a partial team): said in their column. */
  missing?: string[];
}) {
  const { t } = useTranslation("consortia");
  const capabilityLabel = useCapabilityLabels();
  const format = useFormatting();
  const codes = team.coverage.map((entry) => entry.code);
  type Row = { key: string; member: TeamMember | null };
  const rows: Row[] = [
    ...team.members.map((member) => ({ key: member.organisation.id, member })),
    { key: "team", member: null },
  ];
  const columns: Column<Row>[] = [
    {
      key: "organisation",
      header: t("grid.organisation"),
      rowHeader: true,
      render: ({ member }) =>
        member ? (
          <span className="team-grid__who">
            <Link to={`/organisations/${member.organisation.slug}`}>
              {member.organisation.name}
            </Link>{" "}
            {member.organisation.verified && <Badge tone="success">{t("badges.verified")}</Badge>}{" "}
            {member.place !== "none" && (
              <Badge tone="info">{t(`badges.place.${member.place}`)}</Badge>
            )}
          </span>
        ) : (
          t("grid.team")
        ),
    },
    ...codes.map(
      (code, index): Column<Row> => ({
        key: code,
        header: capabilityLabel(code),
        render: ({ member }) => {
          if (!member) {
            return missing.includes(code) ? (
              <Cover level="none" missing />
            ) : (
              <Cover level={team.coverage[index]!.cover} />
            );
          }
          const cover = member.covers[index]!;
          return (
            <>
              <Cover level={cover.cover} />
              {cover.solution && cover.cover !== "none" && (
                <span className="team-grid__solution small">
                  <Link to={`/solutions/${cover.solution.id}`}>{cover.solution.title}</Link>
                </span>
              )}
            </>
          );
        },
      }),
    ),
    {
      key: "fit",
      header: t("grid.fit"),
      numeric: true,
      render: ({ member }) => format.percent(member ? member.fit : team.parts.fit),
    },
  ];
  return (
    <div className="team-grid">
      <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.key} />
    </div>
  );
}

function Cover({ level, missing = false }: { level: CoverLevel; missing?: boolean }) {
  const { t } = useTranslation("consortia");
  if (level === "none") {
    return missing ? (
      <span className="cover cover--missing">{t("cover.missing")}</span>
    ) : (
      <span className="cover cover--none">
        <span aria-hidden="true">—</span>
        <VisuallyHidden>{t("cover.none")}</VisuallyHidden>
      </span>
    );
  }
  return <span className={`cover cover--${level}`}>{t(`cover.${level}`)}</span>;
}

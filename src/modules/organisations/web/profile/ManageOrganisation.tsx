import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../../ui/components/Button.tsx";
import { Card } from "../../../../ui/components/Card.tsx";
import type { Organisation } from "../../contract.ts";
import { useViewer } from "../viewer.ts";
import { AffiliationsSection } from "./AffiliationsSection.tsx";
import { EditProfileForm } from "./EditProfileForm.tsx";
import { InvitationsSection } from "./InvitationsSection.tsx";
import { LogoUpload } from "./LogoUpload.tsx";
import { MembersSection } from "./MembersSection.tsx";

/** What members and admins see under the public profile; each part follows an ability. */
export function ManageOrganisation({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation("organisations");
  const viewer = useViewer();
  const [editing, setEditing] = useState(false);
  const { abilities } = organisation;
  const seesPeople = organisation.myRole !== null || abilities.manageMembers || viewer.isStaff;

  return (
    <section className="manage stack" aria-labelledby="manage">
      <h2 id="manage">
        {organisation.myRole === "member" ? t("manage.membersTitle") : t("manage.title")}
      </h2>
      {abilities.edit && (
        <Card
          title={t("manage.profile")}
          headingLevel={3}
          actions={
            !editing && (
              <Button variant="secondary" small onClick={() => setEditing(true)}>
                {t("manage.editProfile")}
              </Button>
            )
          }
        >
          {editing ? (
            <EditProfileForm organisation={organisation} onDone={() => setEditing(false)} />
          ) : (
            <p className="muted">{t("manage.profileHint")}</p>
          )}
        </Card>
      )}
      {abilities.edit && <LogoUpload organisation={organisation} />}
      {seesPeople && <MembersSection organisation={organisation} />}
      {abilities.manageMembers && <InvitationsSection organisation={organisation} />}
      {abilities.manageAffiliations && <AffiliationsSection organisation={organisation} />}
    </section>
  );
}

import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { ButtonLink } from "../../../../ui/components/Button.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { QueryState } from "../../../../ui/components/QueryState.tsx";
import { LoadingBlock } from "../../../../ui/components/Spinner.tsx";
import { useSolution } from "../catalogue-queries.ts";
import { signInAddressFor, useMyOrganisations, useViewer } from "../viewer.ts";
import { providerKinds } from "../vocabulary.ts";
import { SolutionForm } from "./SolutionForm.tsx";
import { emptySolution, valuesOf } from "./solution-values.ts";
import "../catalogue.css";

function SignInFirst({ title }: { title: string }) {
  const { t } = useTranslation("catalogue");
  const location = useLocation();
  return (
    <div className="reading">
      <PageHeader title={title} />
      <Alert tone="info" title={t("form.signIn")}>
        <ButtonLink to={signInAddressFor(location.pathname)}>{t("form.signInAction")}</ButtonLink>
      </Alert>
    </div>
  );
}

/** /solutions/new: for members of a company, research institute or cluster. */
export function NewSolutionPage() {
  const { t } = useTranslation("catalogue");
  const viewer = useViewer();
  const memberships = useMyOrganisations(Boolean(viewer.user));
  if (viewer.pending) return <LoadingBlock />;
  if (!viewer.user) return <SignInFirst title={t("form.newTitle")} />;
  return (
    <div className="reading">
      <PageHeader title={t("form.newTitle")} lead={t("form.newLead")} />
      {!viewer.user.emailVerified && <Alert tone="warning" title={t("form.unverified")} />}
      <QueryState query={memberships} namespace="catalogue">
        {(data) => {
          const providers = data.memberships
            .map((membership) => membership.organisation)
            .filter((organisation) =>
              (providerKinds as readonly string[]).includes(organisation.kind),
            );
          if (providers.length === 0) {
            return (
              <Alert tone="info" title={t("form.noProvider")}>
                <p>
                  <Link to="/organisations/new">{t("form.addOrganisation")}</Link>
                </p>
              </Alert>
            );
          }
          return (
            <SolutionForm
              initial={{
                ...emptySolution,
                providerId: providers.length === 1 ? providers[0]!.id : "",
              }}
              providers={providers}
            />
          );
        }}
      </QueryState>
    </div>
  );
}

/** /solutions/:id/edit: each save makes a new version. */
export function EditSolutionPage() {
  const { t } = useTranslation("catalogue");
  const { id = "" } = useParams();
  const viewer = useViewer();
  const solution = useSolution(id);
  if (viewer.pending) return <LoadingBlock />;
  if (!viewer.user) return <SignInFirst title={t("form.editTitle")} />;
  return (
    <div className="reading">
      <QueryState query={solution} namespace="catalogue">
        {(data) =>
          data.abilities.edit ? (
            <>
              <PageHeader
                title={t("form.editTitle")}
                lead={t("form.editLead", { title: data.title, version: data.version })}
              />
              <SolutionForm
                key={data.id}
                initial={valuesOf(data)}
                providers={[data.provider]}
                solution={data}
              />
            </>
          ) : (
            <>
              <PageHeader title={t("form.editTitle")} />
              <Alert tone="error" title={t("form.notEditable")} />
            </>
          )
        }
      </QueryState>
    </div>
  );
}

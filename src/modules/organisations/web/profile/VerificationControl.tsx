import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../../../ui/api/api-client.ts";
import { Button } from "../../../../ui/components/Button.tsx";
import { Card } from "../../../../ui/components/Card.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import type { Organisation } from "../../contract.ts";
import { organisationsKey, useRefreshOrganisations } from "../organisation-queries.ts";

/** Platform admins grant or withdraw the verified badge. */
export function VerificationControl({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation("organisations");
  const queryClient = useQueryClient();
  const refresh = useRefreshOrganisations();
  const verify = useMutation({
    mutationFn: (verified: boolean) =>
      api.post<Organisation>(`/api/v1/organisations/${organisation.id}/verification`, { verified }),
    onSuccess: async (saved) => {
      queryClient.setQueryData([...organisationsKey, "profile", organisation.slug], saved);
      await refresh();
    },
  });
  return (
    <Card title={t("verification.title")}>
      <p>{organisation.verified ? t("verification.isVerified") : t("verification.notVerified")}</p>
      {verify.isError && <ProblemAlert error={verify.error} namespace="organisations" />}
      <Button
        variant={organisation.verified ? "secondary" : "primary"}
        busy={verify.isPending}
        onClick={() => verify.mutate(!organisation.verified)}
      >
        {organisation.verified ? t("verification.withdraw") : t("verification.grant")}
      </Button>
    </Card>
  );
}

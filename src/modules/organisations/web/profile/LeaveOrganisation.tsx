import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../ui/api/api-client.ts";
import { Button } from "../../../../ui/components/Button.tsx";
import { ConfirmDialog } from "../../../../ui/components/Dialog.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import type { Organisation } from "../../contract.ts";
import { useRefreshOrganisations } from "../organisation-queries.ts";

export function LeaveOrganisation({
  organisation,
  userId,
}: {
  organisation: Organisation;
  userId: string;
}) {
  const { t } = useTranslation("organisations");
  const refresh = useRefreshOrganisations();
  const [asking, setAsking] = useState(false);
  const leave = useMutation({
    mutationFn: () => api.delete(`/api/v1/organisations/${organisation.id}/members/${userId}`),
    onSuccess: async () => {
      setAsking(false);
      await refresh();
    },
  });
  return (
    <div>
      {leave.isError && <ProblemAlert error={leave.error} namespace="organisations" />}
      <Button variant="secondary" onClick={() => setAsking(true)}>
        {t("leave.action")}
      </Button>
      <ConfirmDialog
        open={asking}
        title={t("leave.title", { name: organisation.name })}
        confirmLabel={t("leave.confirm")}
        tone="danger"
        busy={leave.isPending}
        onConfirm={() => leave.mutate()}
        onClose={() => setAsking(false)}
      >
        <p>{t("leave.body")}</p>
      </ConfirmDialog>
    </div>
  );
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../ui/api/api-client.ts";
import { Button } from "../../../../ui/components/Button.tsx";
import { ConfirmDialog } from "../../../../ui/components/Dialog.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import type { Solution } from "../../contract.ts";
import { solutionsKey } from "../catalogue-queries.ts";

/** Takes the solution out of the catalogue after a confirmation; its members still see it. */
export function ArchiveSolution({ solution }: { solution: Solution }) {
  const { t } = useTranslation("catalogue");
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const archive = useMutation({
    mutationFn: () => api.post<void>(`/api/v1/solutions/${solution.id}/archive`),
    onSuccess: async () => {
      setAsking(false);
      await queryClient.invalidateQueries({ queryKey: solutionsKey });
    },
  });
  return (
    <>
      <Button variant="secondary" onClick={() => setAsking(true)}>
        {t("archive.action")}
      </Button>
      <ConfirmDialog
        open={asking}
        title={t("archive.title", { title: solution.title })}
        confirmLabel={t("archive.confirm")}
        tone="danger"
        busy={archive.isPending}
        onConfirm={() => archive.mutate()}
        onClose={() => {
          setAsking(false);
          archive.reset();
        }}
      >
        <p>{t("archive.body")}</p>
        {archive.isError && <ProblemAlert error={archive.error} namespace="catalogue" />}
      </ConfirmDialog>
    </>
  );
}

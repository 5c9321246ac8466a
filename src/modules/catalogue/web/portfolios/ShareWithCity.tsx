import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { Card } from "../../../../ui/components/Card.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { useDebouncedValue } from "../../../../ui/forms/debounced-value.ts";
import { useFieldIds } from "../../../../ui/forms/field-errors.ts";
import { Select } from "../../../../ui/forms/Select.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import type { Portfolio } from "../../contract.ts";
import { useChangePortfolio, useOrganisationsOfKind } from "../catalogue-queries.ts";

/** Share the portfolio with a city organisation: its members may then read it. */
export function ShareWithCity({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation("catalogue");
  const ids = useFieldIds(["search", "city"]);
  const [text, setText] = useState("");
  const [cityId, setCityId] = useState("");
  const q = useDebouncedValue(text.trim(), 300);
  const cities = useOrganisationsOfKind("city", q);
  const change = useChangePortfolio(portfolio.id);
  const shared = new Set(portfolio.sharedWith.map((city) => city.id));
  const options = (cities.data?.organisations ?? [])
    .filter((city) => !shared.has(city.id))
    .map((city) => ({ value: city.id, label: city.name }));

  return (
    <Card title={t("share.title")}>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!cityId) return;
          change.mutate(
            { kind: "share", organisationId: cityId },
            { onSuccess: () => setCityId("") },
          );
        }}
      >
        {change.isSuccess && change.variables?.kind === "share" && (
          <Alert tone="success" title={t("share.done")} />
        )}
        {change.isError && change.variables?.kind === "share" && (
          <ProblemAlert error={change.error} namespace="catalogue" />
        )}
        <TextField
          id={ids.search}
          label={t("share.search")}
          type="search"
          value={text}
          onChange={(next) => {
            setText(next);
            setCityId("");
          }}
        />
        <Select
          id={ids.city}
          label={t("share.city")}
          hint={
            cities.isFetching
              ? t("curate.searching")
              : t("share.matches", { count: options.length })
          }
          value={cityId}
          placeholder={t("share.choose")}
          options={options}
          onChange={(next) => {
            setCityId(next);
            change.reset();
          }}
        />
        <Button
          type="submit"
          disabled={!cityId}
          busy={change.isPending && change.variables?.kind === "share"}
        >
          {t("share.action")}
        </Button>
      </form>
    </Card>
  );
}

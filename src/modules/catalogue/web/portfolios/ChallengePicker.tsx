import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../ui/api/api-client.ts";
import { useDebouncedValue } from "../../../../ui/forms/debounced-value.ts";
import { Select } from "../../../../ui/forms/Select.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import type { ChallengeCatalogue } from "../../../challenges/contract.ts";

interface ChallengePickerProps {
  id: string;
  value: string;
  onChange: (challengeId: string) => void;
  error?: string | undefined;
}

/** A published challenge the portfolio answers, found by words of its title or description. */
export function ChallengePicker({ id, value, onChange, error }: ChallengePickerProps) {
  const { t } = useTranslation("catalogue");
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 300);
  const found = useQuery({
    queryKey: ["challenges", "catalogue", { q, limit: 30 }],
    queryFn: ({ signal }) =>
      api.get<ChallengeCatalogue>("/api/v1/challenges", { q, limit: 30 }, signal),
    placeholderData: keepPreviousData,
  });
  const options = (found.data?.challenges ?? []).map((challenge) => ({
    value: challenge.id,
    label: t("portfolios.challengeOption", { title: challenge.title, city: challenge.city.name }),
  }));
  return (
    <div className="stack--tight">
      <TextField
        label={t("portfolios.findChallenge")}
        type="search"
        width="medium"
        value={text}
        onChange={(next) => {
          setText(next);
          onChange("");
        }}
      />
      <Select
        id={id}
        label={t("portfolios.fields.challenge")}
        hint={
          found.isFetching
            ? t("curate.searching")
            : t("portfolios.challengeMatches", { count: options.length })
        }
        optional
        value={value}
        placeholder={t("portfolios.noChallenge")}
        options={options}
        onChange={onChange}
        error={error}
      />
    </div>
  );
}

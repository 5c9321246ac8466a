import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebouncedValue } from "../../../../ui/forms/debounced-value.ts";
import { Select } from "../../../../ui/forms/Select.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import type { OrganisationKind } from "../../contract.ts";
import { useOrganisationList } from "../organisation-queries.ts";

interface OrganisationPickerProps {
  kinds: OrganisationKind[];
  /** Not offered: the organisation itself and those it is already tied to. */
  excludeIds: string[];
  label: string;
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
  id: string;
}

/** Find an organisation in the directory by kind and name, then choose it from the matches. */
export function OrganisationPicker({
  kinds,
  excludeIds,
  label,
  value,
  onChange,
  error,
  id,
}: OrganisationPickerProps) {
  const { t } = useTranslation("organisations");
  const [kind, setKind] = useState<OrganisationKind>(kinds[0]!);
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 300);
  const matches = useOrganisationList({ kind, limit: 50, ...(q ? { q } : {}) });
  const options = (matches.data?.organisations ?? [])
    .filter((organisation) => !excludeIds.includes(organisation.id))
    .map((organisation) => ({ value: organisation.id, label: organisation.name }));

  return (
    <div className="stack--tight">
      {kinds.length > 1 && (
        <Select
          label={t("affiliations.pickKind")}
          value={kind}
          onChange={(next) => {
            setKind(next as OrganisationKind);
            onChange("");
          }}
          options={kinds.map((option) => ({ value: option, label: t(`kinds.${option}`) }))}
        />
      )}
      <TextField
        label={t("affiliations.search")}
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
        label={label}
        hint={
          matches.isFetching
            ? t("affiliations.searching")
            : t("affiliations.matches", { count: options.length })
        }
        value={value}
        placeholder={t("affiliations.choose")}
        options={options}
        onChange={onChange}
        error={error}
      />
    </div>
  );
}

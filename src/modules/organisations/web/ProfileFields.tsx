import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { collectErrors, isHttpAddress } from "../../../ui/forms/checks.ts";
import type { FieldErrors } from "../../../ui/forms/field-errors.ts";
import { Select } from "../../../ui/forms/Select.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import { useCountries } from "../../../ui/i18n/countries.ts";

/** The profile fields an organisation's creator and its admins fill in. */
export interface ProfileValues {
  name: string;
  country: string;
  locality: string;
  website: string;
  description: string;
}

export const profileFieldNames = ["name", "country", "locality", "website", "description"] as const;

export function checkProfile(
  values: ProfileValues,
  t: TFunction,
  needsCountry: boolean,
): FieldErrors {
  return collectErrors({
    name:
      values.name.trim().length < 2 &&
      (values.name.trim() ? t("form.checks.nameShort") : t("form.checks.nameMissing")),
    country: needsCountry && !values.country && t("form.checks.countryMissing"),
    website:
      values.website.trim() !== "" && !isHttpAddress(values.website) && t("form.checks.website"),
    description: values.description.length > 5000 && t("form.checks.descriptionLong"),
  });
}

/** What the API takes: empty optional fields are sent as null, so they clear. */
export function profileBody(values: ProfileValues, withCountry: boolean) {
  return {
    name: values.name.trim(),
    ...(withCountry ? { country: values.country } : {}),
    locality: values.locality.trim() || null,
    website: values.website.trim() || null,
    description: values.description.trim(),
  };
}

interface ProfileFieldsProps {
  values: ProfileValues;
  onChange: (changes: Partial<ProfileValues>) => void;
  fieldError: (field: string) => string | undefined;
  ids: Record<(typeof profileFieldNames)[number], string>;
  /** City organisations take their country from their city. */
  showCountry: boolean;
}

export function ProfileFields({
  values,
  onChange,
  fieldError,
  ids,
  showCountry,
}: ProfileFieldsProps) {
  const { t } = useTranslation("organisations");
  const { countries } = useCountries();
  return (
    <>
      <TextField
        id={ids.name}
        label={t("fields.name")}
        value={values.name}
        onChange={(name) => onChange({ name })}
        error={fieldError("name")}
        maxLength={160}
        autoComplete="organization"
        required
      />
      {showCountry && (
        <>
          <Select
            id={ids.country}
            label={t("fields.country")}
            value={values.country}
            placeholder={t("form.chooseCountry")}
            options={countries.map((country) => ({ value: country.code, label: country.name }))}
            onChange={(country) => onChange({ country })}
            error={fieldError("country")}
            required
          />
          <TextField
            id={ids.locality}
            label={t("fields.locality")}
            hint={t("form.localityHint")}
            optional
            width="medium"
            value={values.locality}
            onChange={(locality) => onChange({ locality })}
            error={fieldError("locality")}
            maxLength={120}
          />
        </>
      )}
      <TextField
        id={ids.website}
        label={t("fields.website")}
        hint={t("form.websiteHint")}
        optional
        type="url"
        inputMode="url"
        spellCheck={false}
        value={values.website}
        onChange={(website) => onChange({ website })}
        error={fieldError("website")}
        maxLength={300}
      />
      <TextField
        id={ids.description}
        label={t("fields.description")}
        hint={t("form.descriptionHint")}
        optional
        rows={7}
        value={values.description}
        onChange={(description) => onChange({ description })}
        error={fieldError("description")}
        maxLength={5000}
      />
    </>
  );
}

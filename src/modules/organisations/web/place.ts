import { useCountries } from "../../../ui/i18n/countries.ts";
import type { OrganisationSummary } from "../contract.ts";

/** "Copenhagen, Denmark": the organisation's city or locality and its country's name. */
export function usePlaceOf() {
  const { nameOf } = useCountries();
  return (organisation: Pick<OrganisationSummary, "cityName" | "locality" | "country">) =>
    // "Singapore", not "Singapore, Singapore".
    [...new Set([organisation.cityName ?? organisation.locality, nameOf(organisation.country)])]
      .filter(Boolean)
      .join(", ");
}

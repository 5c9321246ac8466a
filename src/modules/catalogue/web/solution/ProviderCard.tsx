import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Badge } from "../../../../ui/components/Badge.tsx";
import { Card } from "../../../../ui/components/Card.tsx";
import { useCountries } from "../../../../ui/i18n/countries.ts";
import type { OrganisationSummary } from "../../../organisations/contract.ts";

/** Who offers the solution, with a way to their profile and to their other solutions. */
export function ProviderCard({ provider }: { provider: OrganisationSummary }) {
  const { t } = useTranslation("catalogue");
  const { nameOf } = useCountries();
  const place = [provider.cityName ?? provider.locality, nameOf(provider.country)]
    .filter(Boolean)
    .join(", ");
  return (
    <Card title={t("solution.provider")}>
      <p>
        <Link to={`/organisations/${provider.slug}`}>{provider.name}</Link>
      </p>
      <p className="small muted">
        {t(`providerKinds.${provider.kind}`, { defaultValue: provider.kind })} · {place}
      </p>
      {provider.verified && <Badge tone="success">{t("card.verified")}</Badge>}
    </Card>
  );
}

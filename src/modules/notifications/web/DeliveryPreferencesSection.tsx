import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import type { Delivery, DeliveryPreferences, NotificationKind } from "../contract.ts";
import { deliveries } from "./deliveries.ts";
import { useDeliveryPreferences, useSaveDeliveryPreferences } from "./notification-queries.ts";

/** Account → E-mail notifications: one radio group per kind of notification. */
export function DeliveryPreferencesSection() {
  const { t } = useTranslation("notifications");
  const preferences = useDeliveryPreferences();
  return (
    <>
      <PageHeader title={t("preferences.title")} lead={t("preferences.lead")} />
      <QueryState query={preferences} namespace="notifications">
        {(data) => <DeliveryForm initial={data} />}
      </QueryState>
    </>
  );
}

function DeliveryForm({ initial }: { initial: DeliveryPreferences }) {
  const { t } = useTranslation("notifications");
  const groupId = useId();
  const [choices, setChoices] = useState(
    () => new Map(initial.preferences.map((preference) => [preference.kind, preference.delivery])),
  );
  const save = useSaveDeliveryPreferences();
  const choose = (kind: NotificationKind, delivery: Delivery) => {
    save.reset();
    setChoices((current) => new Map(current).set(kind, delivery));
  };

  return (
    <form
      className="form section"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate([...choices].map(([kind, delivery]) => ({ kind, delivery })));
      }}
    >
      {save.isSuccess && <Alert tone="success" title={t("preferences.saved")} />}
      {save.isError && <ProblemAlert error={save.error} namespace="notifications" />}
      {initial.preferences.map(({ kind, defaultDelivery }) => {
        const name = `${groupId}-${kind}`;
        return (
          <fieldset key={kind} className="fieldset" aria-describedby={`${name}-hint`}>
            <legend>{t(`kinds.${kind}.name`)}</legend>
            <p className="field__hint" id={`${name}-hint`}>
              {t("preferences.defaultHint", {
                delivery: t(`deliveries.${defaultDelivery}`),
              })}
            </p>
            {deliveries.map((delivery) => (
              <div key={delivery} className="checkbox">
                <input
                  type="radio"
                  id={`${name}-${delivery}`}
                  name={name}
                  value={delivery}
                  checked={choices.get(kind) === delivery}
                  onChange={() => choose(kind, delivery)}
                />
                <label htmlFor={`${name}-${delivery}`}>{t(`deliveries.${delivery}`)}</label>
              </div>
            ))}
          </fieldset>
        );
      })}
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          {t("preferences.save")}
        </Button>
      </div>
    </form>
  );
}

import { useTranslation } from "react-i18next";
import type { PasswordStrength } from "../contract.ts";

interface PasswordStrengthMeterProps {
  id: string;
  strength: PasswordStrength | undefined;
  checking: boolean;
  failed: boolean;
}

/**
 * How strong the typed password is, with the reasons in the reader's language. The server
 * sends feedback as keys ("topTen", "l33t") so this can translate them.
 */
export function PasswordStrengthMeter({
  id,
  strength,
  checking,
  failed,
}: PasswordStrengthMeterProps) {
  const { t } = useTranslation("accounts");
  const score = strength?.score ?? 0;
  const verdict = strength
    ? `${t(`strength.score.${score}`)} — ${strength.acceptable ? t("strength.acceptable") : t("strength.notAcceptable")}`
    : "";
  return (
    <div className={`strength${strength ? ` strength--${score}` : ""}`} id={id}>
      <div className="strength__bar" aria-hidden="true">
        <span />
        <span />
        <span />
        <span />
      </div>
      <div role="status" aria-live="polite">
        <p className="strength__text">
          {failed
            ? t("strength.unavailable")
            : strength
              ? t("strength.label", { verdict })
              : checking
                ? t("strength.checking")
                : t("strength.empty")}
        </p>
        {strength && (strength.warning || strength.suggestions.length > 0) && (
          <ul className="strength__feedback">
            {strength.warning && (
              <li>{t([`strength.warnings.${strength.warning}`, "strength.warnings.generic"])}</li>
            )}
            {strength.suggestions.map((suggestion) => (
              <li key={suggestion}>
                {t([`strength.suggestions.${suggestion}`, "strength.suggestions.generic"])}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

import { useId } from "react";
import { useTranslation } from "react-i18next";
import { TextField } from "../../../ui/forms/TextField.tsx";
import { PasswordStrengthMeter } from "./PasswordStrengthMeter.tsx";
import type { usePasswordStrength } from "./password-strength.ts";

interface NewPasswordFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  strength: ReturnType<typeof usePasswordStrength>;
}

/** A password being chosen (sign-up, reset, change), with the strength meter read out beside it. */
export function NewPasswordField({
  id,
  label,
  value,
  onChange,
  error,
  strength,
}: NewPasswordFieldProps) {
  const { t } = useTranslation("accounts");
  const meterId = useId();
  return (
    <TextField
      id={id}
      label={label}
      hint={t("signUp.passwordHint")}
      type="password"
      autoComplete="new-password"
      value={value}
      onChange={onChange}
      error={error}
      maxLength={200}
      required
      afterId={meterId}
      after={
        <PasswordStrengthMeter
          id={meterId}
          strength={strength.strength}
          checking={strength.checking}
          failed={strength.failed}
        />
      }
    />
  );
}

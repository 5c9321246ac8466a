import { useMutation } from "@tanstack/react-query";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../ui/api/api-client.ts";
import { Button } from "../../../../ui/components/Button.tsx";
import { CopyButton } from "../../../../ui/components/CopyButton.tsx";
import { collectErrors } from "../../../../ui/forms/checks.ts";
import { FormProblems } from "../../../../ui/forms/FormProblems.tsx";
import {
  type FieldErrors,
  useFieldErrors,
  useFieldIds,
} from "../../../../ui/forms/field-errors.ts";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import type { TotpEnabled, TotpSetup } from "../../contract.ts";

/** The QR code as an SVG data address: the page's CSP allows data: images, not inline markup. */
function useQrImage(text: string): string | null {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 1 }).then(
      (svg) => live && setImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => live && setImage(null),
    );
    return () => {
      live = false;
    };
  }, [text]);
  return image;
}

/** Groups of four, so the secret can be typed by hand without losing one's place. */
const spaced = (secret: string) => secret.replace(/(.{4})/g, "$1 ").trim();

interface EnrolmentFormProps {
  setup: TotpSetup;
  onEnabled: (enabled: TotpEnabled) => void;
  onCancel: () => void;
}

export function EnrolmentForm({ setup, onEnabled, onCancel }: EnrolmentFormProps) {
  const { t } = useTranslation("accounts");
  const image = useQrImage(setup.otpauthUrl);
  const ids = useFieldIds(["code"]);
  const [code, setCode] = useState("");
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const enable = useMutation({
    mutationFn: () => api.post<TotpEnabled>("/api/v1/me/two-factor", { code: code.trim() }),
    onSuccess: onEnabled,
  });
  const fieldError = useFieldErrors(client, enable.error);

  return (
    <div className="stack">
      <ol className="reading">
        <li>{t("account.twoFactor.step1")}</li>
        <li>{t("account.twoFactor.step2")}</li>
        <li>{t("account.twoFactor.step3")}</li>
      </ol>
      {image && <img className="qr-code" src={image} alt={t("account.twoFactor.qrAlt")} />}
      <div>
        <p>{t("account.twoFactor.secretLabel")}</p>
        <code className="secret">{spaced(setup.secret)}</code>
        <CopyButton text={setup.secret} label={t("account.twoFactor.copySecret")} />
      </div>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const errors = collectErrors({
            code: !/^\d{6}$/.test(code.trim()) && t("account.twoFactor.codeShape"),
          });
          setClient(errors);
          setAttempt((n) => n + 1);
          if (Object.keys(errors).length === 0) enable.mutate();
        }}
      >
        <FormProblems
          client={client}
          error={enable.error}
          fieldIds={ids}
          labels={{ code: t("account.twoFactor.code") }}
          namespace="accounts"
          attempt={attempt}
        />
        <TextField
          id={ids.code}
          label={t("account.twoFactor.code")}
          hint={t("account.twoFactor.codeHint")}
          inputMode="numeric"
          autoComplete="one-time-code"
          width="short"
          value={code}
          onChange={setCode}
          error={fieldError("code")}
          required
        />
        <div className="button-row">
          <Button type="submit" busy={enable.isPending}>
            {t("account.twoFactor.confirm")}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {t("account.twoFactor.cancel")}
          </Button>
        </div>
      </form>
    </div>
  );
}

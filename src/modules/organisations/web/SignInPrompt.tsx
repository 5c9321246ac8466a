import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { Alert } from "../../../ui/components/Alert.tsx";
import { ButtonLink } from "../../../ui/components/Button.tsx";
import { signInAddressFor } from "./viewer.ts";

/** For pages that need a signed-in person: where to sign in or create an account and come back. */
export function SignInPrompt({ message }: { message: string }) {
  const { t } = useTranslation("organisations");
  const location = useLocation();
  return (
    <Alert tone="info" title={message}>
      <div className="cluster">
        <ButtonLink to={signInAddressFor(location.pathname + location.search)}>
          {t("signInPrompt.signIn")}
        </ButtonLink>
        <Link to="/sign-up">{t("signInPrompt.signUp")}</Link>
      </div>
    </Alert>
  );
}

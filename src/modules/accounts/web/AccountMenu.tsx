import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { signInAddress } from "./next-address.ts";
import { hasAdminPowers, useSession, useSignOut } from "./session.ts";

/** The header's account tools: sign in / create account, or the signed-in person's links. */
export function AccountMenu() {
  const { t } = useTranslation("accounts");
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  if (session.isPending) return null;
  const user = session.data?.user;
  if (!user) {
    const here = location.pathname.startsWith("/sign-") ? "/" : location.pathname + location.search;
    return (
      <div className="account-menu">
        <Link className="header-button" to={signInAddress(here)}>
          {t("menu.signIn")}
        </Link>
        <Link className="header-button header-button--solid" to="/sign-up">
          {t("menu.signUp")}
        </Link>
      </div>
    );
  }
  return (
    <div className="account-menu">
      <Link to="/account" className="account-menu__name">
        <span className="visually-hidden">{t("menu.accountOf")} </span>
        {user.name}
      </Link>
      <Link to="/me/organisations">{t("menu.myOrganisations")}</Link>
      {hasAdminPowers(user) && <Link to="/admin">{t("menu.admin")}</Link>}
      <button
        type="button"
        className="header-button"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSettled: () => navigate("/") })}
      >
        {t("menu.signOut")}
      </button>
    </div>
  );
}

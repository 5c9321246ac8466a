import { useTranslation } from "react-i18next";

/** The first thing a keyboard user reaches: straight to the page's content. */
export function SkipLink({ targetId }: { targetId: string }) {
  const { t } = useTranslation("ui");
  return (
    <a
      className="skip-link"
      href={`#${targetId}`}
      onClick={(event) => {
        // Move focus ourselves: the router would otherwise treat the fragment as a navigation.
        event.preventDefault();
        document.getElementById(targetId)?.focus();
      }}
    >
      {t("skipToContent")}
    </a>
  );
}

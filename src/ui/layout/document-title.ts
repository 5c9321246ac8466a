import { createContext, useContext, useEffect } from "react";

/** The site's name, which every page title ends with; the app provides it. */
export const SiteNameContext = createContext("");

export function useDocumentTitle(title: string | undefined): void {
  const siteName = useContext(SiteNameContext);
  useEffect(() => {
    document.title = title && title !== siteName ? `${title} — ${siteName}` : siteName;
  }, [title, siteName]);
}

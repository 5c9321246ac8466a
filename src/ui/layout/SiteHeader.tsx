import { type ReactNode, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, useLocation } from "react-router";

export interface NavItem {
  to: string;
  label: string;
  end?: boolean;
}

interface SiteHeaderProps {
  brand: { name: string; href: string; logo?: ReactNode };
  items: NavItem[];
  /** Right-hand tools: language, account. */
  tools?: ReactNode;
}

/** The header with the main navigation; on narrow screens the links fold behind a Menu button. */
export function SiteHeader({ brand, items, tools }: SiteHeaderProps) {
  const { t } = useTranslation("ui");
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const { pathname } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the menu after each navigation.
  useEffect(() => setOpen(false), [pathname]);

  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to={brand.href} className="site-header__brand">
          {brand.logo}
          <span>{brand.name}</span>
        </Link>
        <button
          type="button"
          className="site-header__menu-button"
          aria-expanded={open}
          aria-controls={menuId}
          onClick={() => setOpen((value) => !value)}
        >
          {t("menu")}
        </button>
        <div id={menuId} className={`site-header__menu${open ? " site-header__menu--open" : ""}`}>
          <nav className="site-nav" aria-label={t("mainNavigation")}>
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end ?? false} className="site-nav__link">
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          {tools && <div className="site-header__tools">{tools}</div>}
        </div>
      </div>
    </header>
  );
}

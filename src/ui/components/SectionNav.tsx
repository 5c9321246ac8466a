import { NavLink } from "react-router";

export interface SectionLink {
  to: string;
  label: string;
  /** Match the address exactly (for the section at the parent's own address). */
  end?: boolean;
}

/** Links between the sections of one area (account, admin); the current one is marked. */
export function SectionNav({ label, links }: { label: string; links: SectionLink[] }) {
  return (
    <nav className="section-nav" aria-label={label}>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end ?? false} className="section-nav__link">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

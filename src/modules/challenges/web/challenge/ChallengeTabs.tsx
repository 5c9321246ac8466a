import { type KeyboardEvent, type ReactNode, useId, useRef } from "react";
import { useLocation, useNavigate } from "react-router";

export interface ChallengeTab {
  /** Also the address's fragment (#questions), so a tab can be linked to. */
  key: string;
  label: string;
  panel: () => ReactNode;
}

/**
 * The WAI-ARIA tabs pattern: one tab stop, arrow keys (and Home/End) move between tabs and
 * select them, the chosen tab is kept in the address's fragment.
 */
export function ChallengeTabs({ label, tabs }: { label: string; tabs: ChallengeTab[] }) {
  const id = useId();
  const location = useLocation();
  const navigate = useNavigate();
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const fromHash = tabs.findIndex((tab) => `#${tab.key}` === location.hash);
  const selected = Math.max(fromHash, 0);

  const select = (index: number, focus: boolean) => {
    const tab = tabs[index];
    if (!tab) return;
    navigate(
      { pathname: location.pathname, search: location.search, hash: index === 0 ? "" : tab.key },
      { replace: true, preventScrollReset: true },
    );
    if (focus) refs.current[index]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const last = tabs.length - 1;
    // From the tab that has the focus, not the one last rendered as selected: keys pressed
    // faster than the page re-renders still move one tab each.
    const from = Math.max(refs.current.indexOf(event.currentTarget), 0);
    const next: Record<string, number> = {
      ArrowRight: from === last ? 0 : from + 1,
      ArrowLeft: from === 0 ? last : from - 1,
      Home: 0,
      End: last,
    };
    const target = next[event.key];
    if (target === undefined) return;
    event.preventDefault();
    select(target, true);
  };

  const current = tabs[selected]!;
  return (
    <div className="tabs">
      <div className="tabs__list" role="tablist" aria-label={label}>
        {tabs.map((tab, index) => (
          <button
            key={tab.key}
            ref={(element) => {
              refs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${tab.key}`}
            className="tabs__tab"
            aria-selected={index === selected}
            aria-controls={`${id}-panel-${tab.key}`}
            tabIndex={index === selected ? 0 : -1}
            onClick={() => select(index, false)}
            onKeyDown={onKeyDown}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        className="tabs__panel"
        role="tabpanel"
        id={`${id}-panel-${current.key}`}
        aria-labelledby={`${id}-tab-${current.key}`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the tabs pattern makes the panel reachable.
        tabIndex={0}
      >
        {current.panel()}
      </div>
    </div>
  );
}

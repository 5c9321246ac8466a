import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import type { CapabilityNode } from "../../contract.ts";

interface CapabilityFacetProps {
  tree: CapabilityNode[];
  /** Code → solutions with it or a narrower one, under the other active filters. */
  counts: Map<string, number>;
  selected: string[];
  onChange: (selected: string[]) => void;
}

/**
 * The capability tree as nested checkboxes with counts. Only capabilities some solution has are
 * listed; narrower ones fold under their parent behind a button that says whether it is open.
 */
export function CapabilityFacet({ tree, counts, selected, onChange }: CapabilityFacetProps) {
  const { t } = useTranslation("catalogue");
  const toggle = (code: string, checked: boolean) =>
    onChange(checked ? [...selected, code] : selected.filter((one) => one !== code));
  const visible = (node: CapabilityNode) =>
    (counts.get(node.code) ?? 0) > 0 || selected.includes(node.code);
  const roots = tree.filter(visible);
  return (
    <fieldset className="fieldset">
      <legend>{t("search.capability")}</legend>
      {roots.length === 0 ? (
        <p className="small muted">{t("search.noCapabilities")}</p>
      ) : (
        <ul className="filter-options facet-tree">
          {roots.map((node) => (
            <CapabilityFacetNode
              key={node.code}
              node={node}
              counts={counts}
              selected={selected}
              visible={visible}
              onToggle={toggle}
            />
          ))}
        </ul>
      )}
    </fieldset>
  );
}

interface NodeProps {
  node: CapabilityNode;
  counts: Map<string, number>;
  selected: string[];
  visible: (node: CapabilityNode) => boolean;
  onToggle: (code: string, checked: boolean) => void;
}

function containsSelected(node: CapabilityNode, selected: string[]): boolean {
  return node.children.some(
    (child) => selected.includes(child.code) || containsSelected(child, selected),
  );
}

function CapabilityFacetNode({ node, counts, selected, visible, onToggle }: NodeProps) {
  const { t } = useTranslation("catalogue");
  const format = useFormatting();
  const id = useId();
  const children = node.children.filter(visible);
  const [open, setOpen] = useState(() => containsSelected(node, selected));
  return (
    <li>
      <div className="checkbox facet-tree__row">
        <input
          type="checkbox"
          id={id}
          checked={selected.includes(node.code)}
          onChange={(event) => onToggle(node.code, event.target.checked)}
        />
        <label htmlFor={id}>
          {node.label} ({format.number(counts.get(node.code) ?? 0)})
        </label>
        {children.length > 0 && (
          <button
            type="button"
            className="facet-tree__toggle"
            aria-expanded={open}
            aria-controls={`${id}-children`}
            onClick={() => setOpen((value) => !value)}
          >
            <span aria-hidden="true">{open ? "−" : "+"}</span>
            <span className="visually-hidden">
              {t("search.narrower", { capability: node.label })}
            </span>
          </button>
        )}
      </div>
      {children.length > 0 && (
        <ul id={`${id}-children`} className="facet-tree__children" hidden={!open}>
          {children.map((child) => (
            <CapabilityFacetNode
              key={child.code}
              node={child}
              counts={counts}
              selected={selected}
              visible={visible}
              onToggle={onToggle}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

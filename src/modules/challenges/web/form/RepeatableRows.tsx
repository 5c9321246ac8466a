import { Button } from "../../../../ui/components/Button.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";

export interface RowField<Key extends string> {
  key: Key;
  label: string;
  optional?: boolean;
  type?: "text" | "email";
  inputMode?: "decimal" | "email" | "text";
  maxLength?: number;
}

interface RepeatableRowsProps<Key extends string> {
  /** The field's path in the body ("kpis"), which the server's errors name ("kpis.0.metric"). */
  path: string;
  legend: string;
  hint?: string;
  /** "KPI 2", "Contact 1": names each row's group. */
  rowLegend: (index: number) => string;
  addLabel: string;
  removeLabel: (index: number) => string;
  fields: RowField<Key>[];
  rows: Array<Record<Key, string>>;
  empty: Record<Key, string>;
  max: number;
  onChange: (rows: Array<Record<Key, string>>) => void;
  idOf: (path: string) => string;
  fieldError: (path: string) => string | undefined;
}

/** Rows of a few fields each (KPIs, contact people) that can be added and removed. */
export function RepeatableRows<Key extends string>({
  path,
  legend,
  hint,
  rowLegend,
  addLabel,
  removeLabel,
  fields,
  rows,
  empty,
  max,
  onChange,
  idOf,
  fieldError,
}: RepeatableRowsProps<Key>) {
  const set = (index: number, key: Key, value: string) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place.
        <fieldset key={index} className="fieldset row-group">
          <legend>{rowLegend(index)}</legend>
          <div className="row-group__fields">
            {fields.map((field) => (
              <TextField
                key={field.key}
                id={idOf(`${path}.${index}.${field.key}`)}
                label={field.label}
                type={field.type ?? "text"}
                inputMode={field.inputMode}
                {...(field.optional ? { optional: true } : {})}
                value={row[field.key]}
                maxLength={field.maxLength}
                onChange={(value) => set(index, field.key, value)}
                error={fieldError(`${path}.${index}.${field.key}`)}
              />
            ))}
          </div>
          <Button
            variant="quiet"
            small
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            {removeLabel(index)}
          </Button>
        </fieldset>
      ))}
      {rows.length < max && (
        <Button variant="secondary" small onClick={() => onChange([...rows, { ...empty }])}>
          {addLabel}
        </Button>
      )}
    </fieldset>
  );
}

import type { ReactNode } from "react";

export interface Column<Row> {
  key: string;
  header: ReactNode;
  render: (row: Row) => ReactNode;
  /** Numbers line up on the right. */
  numeric?: boolean;
  /** The cell that names the row: a row header for screen readers. */
  rowHeader?: boolean;
}

interface DataTableProps<Row> {
  caption: string;
  /** Keep the caption for screen readers only when a heading already says it. */
  captionHidden?: boolean;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
}

/** A table that scrolls sideways on small screens and can be scrolled with the keyboard. */
export function DataTable<Row>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
}: DataTableProps<Row>) {
  return (
    // A group, not a landmark: a page with several tables should not fill the landmark list.
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would imply form controls.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling area must be reachable by keyboard.
    <div className="table-scroll" role="group" aria-label={caption} tabIndex={0}>
      <table className="table">
        <caption className={captionHidden ? "visually-hidden" : "table__caption"}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.numeric ? "numeric" : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.key} scope="row">
                    {column.render(row)}
                  </th>
                ) : (
                  <td key={column.key} className={column.numeric ? "numeric" : undefined}>
                    {column.render(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

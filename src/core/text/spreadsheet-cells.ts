/**
 * A cell a spreadsheet would read as a formula (CSV or formula injection): one that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return — after any apostrophes, so that the inverse
 * below is exact.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * Written with a leading apostrophe, which makes a spreadsheet take the cell as text (and shows
 * it); `restoreCell` drops it on reading, so write → read gives the text back exactly.
 */
export function defuseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse of `defuseCell`: the one apostrophe written before a formula character is dropped. */
export function restoreCell(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

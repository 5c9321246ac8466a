import { useFormatting } from "../i18n/formatting.ts";

export interface Bar {
  key: string;
  label: string;
  value: number;
}

/**
 * Horizontal bars drawn in SVG, for dashboards. The drawing is hidden from assistive
 * technology: put the same numbers in a table beside it (the table is what screen readers and
 * keyboard users read; the chart is for the eye).
 */
export function BarChart({ bars, unit }: { bars: Bar[]; unit?: string }) {
  const format = useFormatting();
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const rowHeight = 28;
  const labelWidth = 140;
  const width = 480;
  const barSpace = width - labelWidth - 90;
  return (
    <svg
      className="bar-chart"
      aria-hidden="true"
      focusable="false"
      viewBox={`0 0 ${width} ${Math.max(1, bars.length) * rowHeight}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      {bars.map((bar, index) => {
        const y = index * rowHeight;
        const length = Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * barSpace);
        return (
          <g key={bar.key}>
            <text x={labelWidth - 8} y={y + 18} textAnchor="end" className="bar-chart__label">
              {bar.label.length > 22 ? `${bar.label.slice(0, 21)}…` : bar.label}
            </text>
            <rect
              x={labelWidth}
              y={y + 5}
              width={length}
              height={rowHeight - 10}
              rx={3}
              className="bar-chart__bar"
            />
            <text x={labelWidth + length + 6} y={y + 18} className="bar-chart__value">
              {format.number(bar.value)}
              {unit ? ` ${unit}` : ""}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { LoadingBlock } from "../components/Spinner.tsx";
import { loadWorldShapes, MAP_HEIGHT, MAP_WIDTH, type WorldShapes } from "./world-shapes.ts";

export interface MapPoint {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  /** Sizes and shades the dot (e.g. how many organisations a city has). */
  weight: number;
  /** Read out and shown on hover or focus, e.g. "Paris — 3 organisations". */
  description: string;
  href?: string;
}

interface WorldMapProps {
  points: MapPoint[];
  /** The map's accessible name. */
  label: string;
}

const radiusOf = (weight: number) => (weight > 0 ? 4.5 + 2.2 * Math.sqrt(weight) : 3.2);

/** An offline SVG world map with focusable, linked dots. */
export function WorldMap({ points, label }: WorldMapProps) {
  const { t } = useTranslation("ui");
  const navigate = useNavigate();
  const [shapes, setShapes] = useState<WorldShapes | null>(null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadWorldShapes().then(
      (loaded) => live && setShapes(loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  if (failed) return <p className="world-map__failed">{t("map.failed")}</p>;
  if (!shapes) return <LoadingBlock label={t("map.loading")} />;

  const placed = points
    .map((point) => {
      const xy = shapes.projection([point.longitude, point.latitude]);
      return xy ? { ...point, x: xy[0], y: xy[1], r: radiusOf(point.weight) } : null;
    })
    .filter((point) => point !== null)
    // Small dots last, so a big neighbour never hides them.
    .sort((a, b) => b.r - a.r);
  const highlighted = placed.find((point) => point.id === active);

  return (
    <div className="world-map">
      <svg className="world-map__svg" viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} aria-label={label}>
        <path className="world-map__sea" d={shapes.outline} />
        <path className="world-map__graticule" d={shapes.graticule} />
        <path className="world-map__land" d={shapes.land} />
        {placed.map((point) => (
          <a
            key={point.id}
            href={point.href}
            className={`world-map__point${point.weight > 0 ? " world-map__point--active" : ""}`}
            aria-label={point.description}
            onMouseEnter={() => setActive(point.id)}
            onMouseLeave={() => setActive(null)}
            onFocus={() => setActive(point.id)}
            onBlur={() => setActive(null)}
            onClick={(event) => {
              if (!point.href || event.metaKey || event.ctrlKey || event.shiftKey) return;
              event.preventDefault();
              navigate(point.href);
            }}
          >
            <title>{point.description}</title>
            <circle cx={point.x} cy={point.y} r={point.r + 4} className="world-map__hit" />
            <circle cx={point.x} cy={point.y} r={point.r} className="world-map__dot" />
          </a>
        ))}
        {highlighted && <MapLabel point={highlighted} />}
      </svg>
    </div>
  );
}

function MapLabel({ point }: { point: { x: number; y: number; r: number; description: string } }) {
  // SVG text cannot measure itself before it is drawn; 7.4 units a character is close enough.
  const width = point.description.length * 7.4 + 16;
  const x = Math.min(Math.max(point.x - width / 2, 4), MAP_WIDTH - width - 4);
  const above = point.y - point.r - 34 > 0;
  const y = above ? point.y - point.r - 34 : point.y + point.r + 8;
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a drawn label, not focusable; the focused link already carries its text.
    <g className="world-map__label" aria-hidden="true">
      <rect x={x} y={y} width={width} height={26} rx={4} />
      <text x={x + 8} y={y + 17}>
        {point.description}
      </text>
    </g>
  );
}

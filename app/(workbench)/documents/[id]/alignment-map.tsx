"use client";
// The alignment as a path over source × target sentence positions (the plot aligners draw
// in papers): a straight diagonal is a clean alignment, steps are 1-0/0-1 links, and jumps or
// flat stretches show where to look. One path per status class keeps 10,000 links cheap.
import { memo, useMemo, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Row } from "./review-model";
import { useVisibleRange, type RangeStore } from "./visible-range";

interface Props {
  rows: Row[];
  nSource: number;
  nTarget: number;
  current: number;
  /** Row indices in list order (the filter), and the list positions in view. */
  shown: number[];
  range: RangeStore;
  onPick(index: number, focus?: boolean): void;
}

type Kind = "confirmed" | "flagged" | "low" | "automatic";
const kindOf = (r: Row): Kind => (r.openFlags > 0 ? "flagged" : r.status === "confirmed" ? "confirmed" : r.low ? "low" : "automatic");

/** Each row's box [s0, s1) × [t0, t1) in sentence coordinates; empty sides are zero-width. */
function boxes(rows: Row[]) {
  let s = 0, t = 0;
  return rows.map((r) => {
    const s0 = r.source.length ? r.source[0] : s;
    const s1 = r.source.length ? r.source[r.source.length - 1] + 1 : s0;
    const t0 = r.target.length ? r.target[0] : t;
    const t1 = r.target.length ? r.target[r.target.length - 1] + 1 : t0;
    s = s1; t = t1;
    return { s0, s1, t0, t1 };
  });
}

/** The band of rows in view; the only part that changes while the list scrolls. */
function ViewBand({ geometry, shown, range, width }: { geometry: ReturnType<typeof boxes>; shown: number[]; range: RangeStore; width: number }) {
  const [a, b] = useVisibleRange(range);
  const top = geometry[shown[a]];
  const bottom = geometry[shown[b]];
  if (!top || !bottom) return null;
  return <rect x={0} y={top.t0} width={width} height={Math.max(bottom.t1 - top.t0, 0.5)} className="map-viewport" />;
}

export const AlignmentMap = memo(function AlignmentMap({ rows, nSource, nTarget, current, shown, range, onPick }: Props) {
  const { t } = useTranslation("review");
  const geometry = useMemo(() => boxes(rows), [rows]);
  const paths = useMemo(() => {
    const out: Record<Kind, string[]> = { confirmed: [], flagged: [], low: [], automatic: [] };
    const line: string[] = [];
    rows.forEach((r, i) => {
      const b = geometry[i];
      out[kindOf(r)].push(`M${b.s0} ${b.t0}L${b.s1} ${b.t1}`);
      line.push(`${i === 0 ? "M" : "L"}${(b.s0 + b.s1) / 2} ${(b.t0 + b.t1) / 2}`);
    });
    return { kinds: out, line: line.join("") };
  }, [rows, geometry]);
  const w = Math.max(1, nSource);
  const h = Math.max(1, nTarget);
  const cur = geometry[current];

  const pick = (e: MouseEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - rect.left) / rect.width) * w;
    const y = ((e.clientY - rect.top) / rect.height) * h;
    let best = -1, bestDistance = Infinity;
    geometry.forEach((b, i) => {
      const dx = x < b.s0 ? b.s0 - x : x > b.s1 ? x - b.s1 : 0;
      const dy = y < b.t0 ? b.t0 - y : y > b.t1 ? y - b.t1 : 0;
      const d = dx * dx + dy * dy;
      if (d < bestDistance) { bestDistance = d; best = i; }
    });
    if (best >= 0) onPick(best);
  };

  return (
    <figure className="alignment-map" aria-label={t("map.label")}>
      <svg
        viewBox={`0 0 ${w} ${h}`}
        preserveAspectRatio="none"
        onClick={pick}
        data-testid="alignment-map"
        role="img"
        aria-label={t("map.description", { links: rows.length, source: nSource, target: nTarget })}
      >
        <rect x={0} y={0} width={w} height={h} className="map-bg" />
        <ViewBand geometry={geometry} shown={shown} range={range} width={w} />
        <path d={paths.line} className="map-line" vectorEffect="non-scaling-stroke" />
        {(["automatic", "low", "confirmed", "flagged"] as Kind[]).map((k) => (
          <path key={k} d={paths.kinds[k].join("")} className={`map-links ${k}`} vectorEffect="non-scaling-stroke" />
        ))}
        {cur && (
          <g className="map-current">
            <line x1={0} x2={w} y1={(cur.t0 + cur.t1) / 2} y2={(cur.t0 + cur.t1) / 2} vectorEffect="non-scaling-stroke" />
            <line y1={0} y2={h} x1={(cur.s0 + cur.s1) / 2} x2={(cur.s0 + cur.s1) / 2} vectorEffect="non-scaling-stroke" />
          </g>
        )}
      </svg>
      <figcaption className="map-legend">
        <span className="key automatic">{t("map.automatic")}</span>
        <span className="key low">{t("map.low")}</span>
        <span className="key confirmed">{t("map.confirmed")}</span>
        <span className="key flagged">{t("map.flagged")}</span>
        <span className="axes">{t("map.axes")}</span>
      </figcaption>
    </figure>
  );
});

// The report's charts as plain SVG elements: the web page and the HTML download draw them with
// the same code, and they need no script, so the download prints and archives as it is.
// A <title> on each bar is its tooltip.
import { SEVERITIES, type CategoryCount, type DistributionBin } from "../lib/report/types";
import type { Severity } from "../lib/types";
import type { ReportText } from "./text";

export const SEVERITY_COLORS: Record<Severity, string> = { critical: "#b91c1c", major: "#ea580c", minor: "#ca8a04", neutral: "#6b7280" };

const FONT = "system-ui, sans-serif";

function Legend({ c, x, y }: { c: ReportText; x: number; y: number }) {
  return SEVERITIES.map((s, i) => (
    <g key={s} transform={`translate(${x + i * 110},${y})`}>
      <rect width="12" height="12" fill={SEVERITY_COLORS[s]} />
      <text x="17" y="10.5" fontSize="12">{c.t(`severity.${s}`)}</text>
    </g>
  ));
}

function Frame({ title, width, height, children }: { title: string; width: number; height: number; children: React.ReactNode }) {
  return (
    <svg className="chart" role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width={width} height={height} xmlns="http://www.w3.org/2000/svg" fontFamily={FONT}>
      <title>{title}</title>
      {children}
    </svg>
  );
}

/** Horizontal stacked bars: one row per category, one segment per severity. */
export function CategorySeverityChart({ counts, c }: { counts: CategoryCount[]; c: ReportText }) {
  const categories = [...new Set(counts.map((x) => x.category))];
  if (categories.length === 0) return <p className="empty">{c.t("charts.none")}</p>;
  const rows = categories.map((category) => {
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    for (const x of counts) if (x.category === category) bySeverity[x.severity] += x.findings + x.annotations;
    return { category, bySeverity, total: SEVERITIES.reduce((n, s) => n + bySeverity[s], 0) };
  });
  const max = Math.max(...rows.map((r) => r.total), 1);
  const labelWidth = 220;
  const barWidth = 380;
  const rowHeight = 26;
  const top = 30;
  const height = top + rows.length * rowHeight + 8;
  const width = labelWidth + barWidth + 50;
  return (
    <Frame title={c.t("charts.categories")} width={width} height={height}>
      <Legend c={c} x={labelWidth} y={6} />
      {rows.map((r, i) => {
        const y = top + i * rowHeight;
        const name = c.t(`category.${r.category}`);
        let x = labelWidth;
        const segments = SEVERITIES.filter((s) => r.bySeverity[s] > 0).map((s) => {
          const w = (r.bySeverity[s] / max) * barWidth;
          const at = x;
          x += w;
          return (
            <rect key={s} x={at.toFixed(1)} y={y + 4} width={Math.max(w, 1).toFixed(1)} height={rowHeight - 8} fill={SEVERITY_COLORS[s]}>
              <title>{`${name} · ${c.t(`severity.${s}`)}: ${r.bySeverity[s]}`}</title>
            </rect>
          );
        });
        return (
          <g key={r.category}>
            <text x={labelWidth - 8} y={y + rowHeight / 2 + 4} fontSize="12" textAnchor="end">{name}</text>
            {segments}
            <text x={(x + 6).toFixed(1)} y={y + rowHeight / 2 + 4} fontSize="12">{r.total}</text>
          </g>
        );
      })}
    </Frame>
  );
}

/** Stacked columns: counted issues per stretch of the document. */
export function DistributionChart({ bins, c }: { bins: DistributionBin[]; c: ReportText }) {
  const totals = bins.map((b) => SEVERITIES.reduce((n, s) => n + b.counts[s], 0));
  if (totals.every((x) => x === 0)) return <p className="empty">{c.t("charts.none")}</p>;
  const max = Math.max(...totals);
  const left = 40;
  const top = 30;
  const plotHeight = 140;
  const plotWidth = 600;
  const width = left + plotWidth + 10;
  const height = top + plotHeight + 40;
  const step = plotWidth / bins.length;
  const ticks = [0, Math.floor(bins.length / 2), bins.length - 1].filter((v, i, a) => a.indexOf(v) === i);
  return (
    <Frame title={c.t("charts.along")} width={width} height={height}>
      <Legend c={c} x={left} y={6} />
      <line x1={left} y1={top + plotHeight} x2={left + plotWidth} y2={top + plotHeight} stroke="#444" />
      <line x1={left} y1={top} x2={left} y2={top + plotHeight} stroke="#444" />
      <text x={left - 6} y={top + 4} fontSize="11" textAnchor="end">{max}</text>
      <text x={left - 6} y={top + plotHeight} fontSize="11" textAnchor="end">0</text>
      <text x={left + plotWidth / 2} y={height - 4} fontSize="12" textAnchor="middle">{c.t("charts.position")}</text>
      <text transform={`translate(12,${top + plotHeight / 2}) rotate(-90)`} fontSize="12" textAnchor="middle">{c.t("charts.count")}</text>
      {bins.map((b, i) => {
        let y = top + plotHeight;
        const x = (left + i * step + step * 0.1).toFixed(1);
        return SEVERITIES.filter((s) => b.counts[s] > 0).map((s) => {
          const h = (b.counts[s] / max) * plotHeight;
          y -= h;
          return (
            <rect key={`${i}-${s}`} x={x} y={y.toFixed(1)} width={(step * 0.8).toFixed(1)} height={h.toFixed(1)} fill={SEVERITY_COLORS[s]}>
              <title>{`${b.from + 1}–${b.to}: ${c.t(`severity.${s}`)} ${b.counts[s]}`}</title>
            </rect>
          );
        });
      })}
      {ticks.map((i) => (
        <text key={i} x={(left + i * step + step / 2).toFixed(1)} y={top + plotHeight + 16} fontSize="11" textAnchor="middle">{bins[i].from + 1}</text>
      ))}
    </Frame>
  );
}

/** A one-line share bar (e.g. confirmed links). */
export function ShareBar({ share, label }: { share: number; label: string }) {
  const w = Math.round(Math.max(0, Math.min(1, share)) * 200);
  return (
    <svg className="share" role="img" aria-label={label} viewBox="0 0 200 12" width="200" height="12" xmlns="http://www.w3.org/2000/svg">
      <rect width="200" height="12" fill="#e5e7eb" />
      <rect width={w} height="12" fill="#15803d" />
    </svg>
  );
}

// Inline SVG charts for the self-contained HTML report: no script, no external resource, so
// they print and archive as they are. The web page may draw the same data with recharts.
import type { Severity } from "../types";
import { escapeXml as esc } from "../formats/xml";
import { SEVERITIES, type CategoryCount, type DistributionBin } from "./types";

export const SEVERITY_COLORS: Record<Severity, string> = { critical: "#b91c1c", major: "#ea580c", minor: "#ca8a04", neutral: "#6b7280" };

export interface ChartText {
  title: string;
  severity: Record<Severity, string>;
  category: (c: string) => string;
  none: string;
}

function legend(text: ChartText, x: number, y: number): string {
  return SEVERITIES.map((s, i) => `<g transform="translate(${x + i * 110},${y})"><rect width="12" height="12" fill="${SEVERITY_COLORS[s]}"/><text x="17" y="10.5" font-size="12">${esc(text.severity[s])}</text></g>`).join("");
}

/** Horizontal stacked bars: one row per category, one segment per severity. */
export function categorySeverityChart(counts: CategoryCount[], text: ChartText): string {
  const categories = [...new Set(counts.map((c) => c.category))];
  if (categories.length === 0) return `<p class="empty">${esc(text.none)}</p>`;
  const rows = categories.map((category) => {
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    for (const c of counts) if (c.category === category) bySeverity[c.severity] += c.findings + c.annotations;
    return { category, bySeverity, total: SEVERITIES.reduce((n, s) => n + bySeverity[s], 0) };
  });
  const max = Math.max(...rows.map((r) => r.total), 1);
  const labelWidth = 220;
  const barWidth = 380;
  const rowHeight = 26;
  const top = 30;
  const height = top + rows.length * rowHeight + 8;
  const width = labelWidth + barWidth + 50;
  const bars = rows.map((r, i) => {
    const y = top + i * rowHeight;
    let x = labelWidth;
    const segments = SEVERITIES.filter((s) => r.bySeverity[s] > 0).map((s) => {
      const w = (r.bySeverity[s] / max) * barWidth;
      const rect = `<rect x="${x.toFixed(1)}" y="${y + 4}" width="${Math.max(w, 1).toFixed(1)}" height="${rowHeight - 8}" fill="${SEVERITY_COLORS[s]}"><title>${esc(`${text.category(r.category)} · ${text.severity[s]}: ${r.bySeverity[s]}`)}</title></rect>`;
      x += w;
      return rect;
    });
    return `<text x="${labelWidth - 8}" y="${y + rowHeight / 2 + 4}" font-size="12" text-anchor="end">${esc(text.category(r.category))}</text>${segments.join("")}<text x="${(x + 6).toFixed(1)}" y="${y + rowHeight / 2 + 4}" font-size="12">${r.total}</text>`;
  });
  return `<svg class="chart" role="img" aria-label="${esc(text.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif"><title>${esc(text.title)}</title>${legend(text, labelWidth, 6)}${bars.join("")}</svg>`;
}

/** Stacked columns: counted issues per stretch of the document. */
export function distributionChart(bins: DistributionBin[], text: ChartText & { position: string; count: string }): string {
  const totals = bins.map((b) => SEVERITIES.reduce((n, s) => n + b.counts[s], 0));
  if (totals.every((t) => t === 0)) return `<p class="empty">${esc(text.none)}</p>`;
  const max = Math.max(...totals);
  const left = 40;
  const top = 30;
  const plotHeight = 140;
  const plotWidth = 600;
  const width = left + plotWidth + 10;
  const height = top + plotHeight + 40;
  const step = plotWidth / bins.length;
  const columns = bins.map((b, i) => {
    let y = top + plotHeight;
    const x = left + i * step + step * 0.1;
    return SEVERITIES.filter((s) => b.counts[s] > 0).map((s) => {
      const h = (b.counts[s] / max) * plotHeight;
      y -= h;
      return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(step * 0.8).toFixed(1)}" height="${h.toFixed(1)}" fill="${SEVERITY_COLORS[s]}"><title>${esc(`${b.from + 1}–${b.to}: ${text.severity[s]} ${b.counts[s]}`)}</title></rect>`;
    }).join("");
  });
  const ticks = [0, Math.floor(bins.length / 2), bins.length - 1].filter((v, i, a) => a.indexOf(v) === i)
    .map((i) => `<text x="${(left + i * step + step / 2).toFixed(1)}" y="${top + plotHeight + 16}" font-size="11" text-anchor="middle">${bins[i].from + 1}</text>`);
  const axes = `<line x1="${left}" y1="${top + plotHeight}" x2="${left + plotWidth}" y2="${top + plotHeight}" stroke="#444"/><line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotHeight}" stroke="#444"/>`
    + `<text x="${left - 6}" y="${top + 4}" font-size="11" text-anchor="end">${max}</text><text x="${left - 6}" y="${top + plotHeight}" font-size="11" text-anchor="end">0</text>`
    + `<text x="${left + plotWidth / 2}" y="${height - 4}" font-size="12" text-anchor="middle">${esc(text.position)}</text>`
    + `<text transform="translate(12,${top + plotHeight / 2}) rotate(-90)" font-size="12" text-anchor="middle">${esc(text.count)}</text>`;
  return `<svg class="chart" role="img" aria-label="${esc(text.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif"><title>${esc(text.title)}</title>${legend(text, left, 6)}${axes}${columns.join("")}${ticks.join("")}</svg>`;
}

/** A one-line share bar (e.g. confirmed links). */
export function shareBar(share: number, label: string): string {
  const w = Math.round(Math.max(0, Math.min(1, share)) * 200);
  return `<svg class="share" role="img" aria-label="${esc(label)}" viewBox="0 0 200 12" width="200" height="12" xmlns="http://www.w3.org/2000/svg"><rect width="200" height="12" fill="#e5e7eb"/><rect width="${w}" height="12" fill="#15803d"/></svg>`;
}

"use client";
// The report's charts on the web page (recharts); the downloadable HTML report draws the
// same data as inline SVG so it stays self-contained.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslation } from "react-i18next";
import type { CategoryCount, DistributionBin } from "@/lib/report/types";

const COLORS = { critical: "#b3261e", major: "#e8710a", minor: "#f2c12e", neutral: "#9aa0a6" } as const;
const SEVERITIES = ["critical", "major", "minor", "neutral"] as const;

export function ReportCharts({ counts, distribution }: { counts: CategoryCount[]; distribution: DistributionBin[] }) {
  const { t } = useTranslation("report");
  const byCategory = new Map<string, Record<string, number | string>>();
  for (const c of counts) {
    const row = byCategory.get(c.category) ?? { category: t(`category.${c.category}`, { defaultValue: c.category }) };
    row[c.severity] = ((row[c.severity] as number) ?? 0) + c.findings + c.annotations;
    byCategory.set(c.category, row);
  }
  const along = distribution.map((b) => ({ range: `${b.from + 1}–${b.to}`, ...b.counts }));
  if (counts.length === 0) return <p>{t("charts.none")}</p>;
  return (
    <div className="report-charts">
      <figure>
        <figcaption>{t("charts.categories")}</figcaption>
        <ResponsiveContainer width="100%" height={Math.max(160, 36 * byCategory.size + 60)}>
          <BarChart data={[...byCategory.values()]} layout="vertical" margin={{ left: 40 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="category" width={200} />
            <Tooltip />
            <Legend />
            {SEVERITIES.map((s) => <Bar key={s} dataKey={s} name={t(`severity.${s}`)} stackId="s" fill={COLORS[s]} isAnimationActive={false} />)}
          </BarChart>
        </ResponsiveContainer>
      </figure>
      {along.length > 0 && <figure>
        <figcaption>{t("charts.along")} <small>{t("charts.alongHint")}</small></figcaption>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={along}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="range" label={{ value: t("charts.position"), position: "insideBottom", offset: -2 }} height={40} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            {SEVERITIES.map((s) => <Bar key={s} dataKey={s} name={t(`severity.${s}`)} stackId="s" fill={COLORS[s]} isAnimationActive={false} />)}
          </BarChart>
        </ResponsiveContainer>
      </figure>}
    </div>
  );
}

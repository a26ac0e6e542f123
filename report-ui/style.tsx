// The report's stylesheet, inlined into the HTML download and the report pages alike. Rules are
// scoped to `.report` so they leave the rest of the web app alone; PAGE_CSS styles the download's
// own page (body, print margins).
export const REPORT_CSS = `
.report { color: #111827; }
.report h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
.report h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; border-bottom: 1px solid #d1d5db; padding-bottom: .25rem; }
.report .meta { color: #4b5563; margin: 0; }
.report .cards { display: flex; flex-wrap: wrap; gap: .75rem; }
.report .card { border: 1px solid #d1d5db; border-radius: 6px; padding: .5rem .9rem; min-width: 8rem; background: #fff; }
.report .card b { display: block; font-size: 1.35rem; }
.report .pass { color: #15803d; } .report .fail { color: #b91c1c; }
.report .badge { display: inline-block; padding: .1rem .55rem; border-radius: 999px; color: #fff; font-weight: 600; font-size: .85rem; }
.report .badge.pass { background: #15803d; color: #fff; } .report .badge.fail { background: #b91c1c; color: #fff; }
.report table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
.report th, .report td { border: 1px solid #e5e7eb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
.report th { background: #f3f4f6; } .report td.n, .report th.n { text-align: right; font-variant-numeric: tabular-nums; }
.report tr.muted td { color: #6b7280; }
.report .chart { max-width: 100%; height: auto; }
.report .empty { color: #6b7280; font-style: italic; }
.report .issue { border: 1px solid #e5e7eb; border-left: 6px solid #6b7280; border-radius: 4px; padding: .5rem .75rem; margin: .6rem 0; break-inside: avoid; background: #fff; }
.report .issue header { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
.report .issue .pair { display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; margin: .4rem 0; }
.report .issue .pair div { background: #f9fafb; padding: .35rem .5rem; border-radius: 4px; }
.report .issue .label { color: #4b5563; font-size: .8rem; display: block; }
.report .issue.dismissed { opacity: .65; }
.report mark { background: #fde68a; padding: 0 .1em; }
.report .muted { color: #6b7280; }
.report small.explain { display: block; color: #4b5563; margin-top: .5rem; }
@media print {
  .report h2 { break-after: avoid; } .report table, .report .chart, .report .card { break-inside: avoid; }
  .report * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

export const PAGE_CSS = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } }
`;

/** The report's stylesheet as an element, for the web pages. */
export function ReportStyle() {
  return <style dangerouslySetInnerHTML={{ __html: REPORT_CSS }} />;
}

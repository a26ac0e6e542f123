// The self-contained HTML report: inline CSS and SVG, no script and no external resource,
// so it can be mailed, archived and printed as it is. English or German.
import { t as translate, type UiLanguage } from "../i18n";
import { escapeXml as esc } from "../formats/xml";
import { categorySeverityChart, distributionChart, shareBar, SEVERITY_COLORS, type ChartText } from "./charts";
import { SEVERITIES, type CategoryCount, type ProjectReport, type QualityReport, type ReportIssue, type ReviewerActivity, type ScoreSummary } from "./types";
import { REPORT_FILE_POLICY } from "../auth/headers";

/** How many change entries the HTML lists; the JSON download has them all. */
const MAX_ENTRIES = 200;

interface Ctx {
  lang: UiLanguage;
  t: (key: string, params?: Record<string, unknown>) => string;
  date: (iso: string | null) => string;
  num: (n: number, digits?: number) => string;
}

function context(lang: UiLanguage): Ctx {
  const locale = lang === "de" ? "de-DE" : "en-GB";
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return {
    lang,
    t: (key, params) => translate(lang, `report:${key}`, params),
    date: (iso) => (iso ? `${dateFormat.format(new Date(iso))} UTC` : "–"),
    num: (n, digits = 0) => n.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  };
}

/** A finding's message in the UI language; the key itself when no translation exists yet. */
export function findingMessage(lang: UiLanguage, message: { key: string; params: Record<string, string | number> }): string {
  const text = translate(lang, `findings:${message.key}`, message.params);
  if (text !== message.key) return text;
  const params = Object.entries(message.params).map(([k, v]) => `${k}: ${v}`).join(", ");
  return params ? `${message.key} (${params})` : message.key;
}

const STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; border-bottom: 1px solid #d1d5db; padding-bottom: .25rem; }
.meta { color: #4b5563; margin: 0; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; }
.card { border: 1px solid #d1d5db; border-radius: 6px; padding: .5rem .9rem; min-width: 8rem; }
.card b { display: block; font-size: 1.35rem; }
.pass { color: #15803d; } .fail { color: #b91c1c; }
.badge { display: inline-block; padding: .1rem .55rem; border-radius: 999px; color: #fff; font-weight: 600; font-size: .85rem; }
.badge.pass { background: #15803d; color: #fff; } .badge.fail { background: #b91c1c; color: #fff; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #e5e7eb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f4f6; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.chart { max-width: 100%; height: auto; }
.empty { color: #6b7280; font-style: italic; }
.issue { border: 1px solid #e5e7eb; border-left: 6px solid #6b7280; border-radius: 4px; padding: .5rem .75rem; margin: .6rem 0; break-inside: avoid; }
.issue header { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
.issue .pair { display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; margin: .4rem 0; }
.issue .pair div { background: #f9fafb; padding: .35rem .5rem; border-radius: 4px; }
.issue .label { color: #4b5563; font-size: .8rem; display: block; }
.issue.dismissed { opacity: .65; }
mark { background: #fde68a; padding: 0 .1em; }
.muted { color: #6b7280; }
small.explain { display: block; color: #4b5563; margin-top: .5rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; } table, .chart, .card { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function page(lang: UiLanguage, title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${REPORT_FILE_POLICY}">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${esc(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

function chartText(c: Ctx, title: string): ChartText & { position: string; count: string } {
  return {
    title, none: c.t("charts.none"), position: c.t("charts.position"), count: c.t("charts.count"),
    severity: Object.fromEntries(SEVERITIES.map((s) => [s, c.t(`severity.${s}`)])) as ChartText["severity"],
    category: (cat) => c.t(`category.${cat}`),
  };
}

function scoreCards(c: Ctx, s: ScoreSummary): string {
  const verdict = s.pass ? "pass" : "fail";
  return `<div class="cards">
<div class="card"><span>${esc(c.t("score.quality"))}</span><b class="${verdict}">${c.num(s.qualityScore, 2)}</b></div>
<div class="card"><span>${esc(c.t("score.per1000"))}</span><b>${c.num(s.penaltyPer1000, 2)}</b></div>
<div class="card"><span>${esc(c.t("score.threshold"))}</span><b>${c.num(s.threshold, 2)}</b></div>
<div class="card"><span>${esc(c.t("score.penalty"))}</span><b>${c.num(s.penalty)}</b></div>
<div class="card"><span>${esc(c.t("score.counted"))}</span><b>${c.num(s.counted)}</b></div>
<div class="card"><span>${esc(c.t("score.words"))}</span><b>${c.num(s.words)}</b></div>
<div class="card"><span>&nbsp;</span><b><span class="badge ${verdict}" data-result="${verdict}">${esc(c.t(`score.${verdict}`))}</span></b></div>
</div>
<small class="explain">${esc(c.t("score.explanation", { threshold: c.num(s.threshold, 2) }))}</small>`;
}

function countsTable(c: Ctx, counts: CategoryCount[]): string {
  const categories = [...new Set(counts.map((x) => x.category))];
  if (!categories.length) return "";
  const head = `<tr><th>${esc(c.t("table.category"))}</th>${SEVERITIES.map((s) => `<th class="n">${esc(c.t(`severity.${s}`))}</th>`).join("")}<th class="n">${esc(c.t("table.total"))}</th><th class="n">${esc(c.t("table.penalty"))}</th></tr>`;
  const cell = (cat: string, s: string) => counts.filter((x) => x.category === cat && x.severity === s).reduce((n, x) => n + x.findings + x.annotations, 0);
  const rows = categories.map((cat) => {
    const inCat = counts.filter((x) => x.category === cat);
    const total = inCat.reduce((n, x) => n + x.findings + x.annotations, 0);
    return `<tr><td>${esc(c.t(`category.${cat}`))}</td>${SEVERITIES.map((s) => `<td class="n">${cell(cat, s) || ""}</td>`).join("")}<td class="n">${total}</td><td class="n">${inCat.reduce((n, x) => n + x.penalty, 0)}</td></tr>`;
  });
  return `<table class="counts"><thead>${head}</thead><tbody>${rows.join("")}</tbody></table>`;
}

function highlight(text: string, span: [number, number], excerpt: string): string {
  if (!excerpt || text.slice(span[0], span[1]) !== excerpt) return esc(text);
  return `${esc(text.slice(0, span[0]))}<mark>${esc(excerpt)}</mark>${esc(text.slice(span[1]))}`;
}

function issueCard(c: Ctx, i: ReportIssue): string {
  const side = (name: "source" | "target") => {
    const texts = i.context[name];
    const marked = texts.map((text, k) => (i.side === name && k === i.context.at ? highlight(text, i.span, i.excerpt) : esc(text)));
    return `<div><span class="label">${esc(c.t(`issues.${name}`))}</span>${marked.join(" ") || '<span class="muted">—</span>'}</div>`;
  };
  const where = i.linkPosition !== null ? c.t("issues.link", { n: i.linkPosition + 1 }) : c.t("issues.sentence", { n: i.sentence + 1 });
  const decision = i.kind === "annotation"
    ? c.t("issues.annotatedBy", { who: i.author ?? c.t("issues.someone"), date: c.date(i.decidedAt) })
    : i.status === "open" ? c.t("issues.undecided") : c.t("issues.decided", { status: c.t(`issues.status.${i.status}`), who: i.decidedBy ?? c.t("issues.someone"), date: c.date(i.decidedAt) });
  const lines = [
    i.message ? `<p>${esc(findingMessage(c.lang, i.message))}${i.detector ? ` <span class="muted">(${esc(c.t("issues.detector"))}: ${esc(i.detector)})</span>` : ""}</p>` : "",
    i.comment ? `<p><b>${esc(c.t("issues.comment"))}:</b> ${esc(i.comment)}</p>` : "",
    i.suggestion !== null ? `<p><b>${esc(c.t("issues.suggestion"))}:</b> “${esc(i.suggestion)}”</p>` : "",
    `<p class="muted">${esc(c.t("issues.decision"))}: ${esc(decision)}${i.counted ? "" : ` · ${esc(c.t("issues.notCounted"))}`}</p>`,
  ];
  return `<article class="issue ${i.status}" style="border-left-color:${SEVERITY_COLORS[i.severity]}" data-kind="${i.kind}" data-id="${i.id}">
<header><b>${esc(c.t(`severity.${i.severity}`))}</b><span>${esc(c.t(`category.${i.category}`))}</span><span class="muted">${esc(c.t(`issues.${i.kind}`))} · ${esc(where)}</span></header>
<div class="pair">${side("source")}${side("target")}</div>
${lines.filter(Boolean).join("\n")}
</article>`;
}

/** A revision's operation in words; the operation name itself when there is no text for it. */
function operationName(c: Ctx, op: string): string {
  const key = `operations.${op}`;
  const text = c.t(key);
  return text === key ? op : text;
}

function reviewersTable(c: Ctx, reviewers: ReviewerActivity[]): string {
  if (!reviewers.length) return `<p class="empty">${esc(c.t("activity.none"))}</p>`;
  const rows = reviewers.map((r) => `<tr><td>${r.reviewer ? esc(r.reviewer) : `<span class="muted">${esc(c.t("activity.nobody"))}</span>`}</td><td class="n">${r.changes}</td><td class="n">${r.undone}</td><td>${Object.entries(r.operations).sort((a, b) => b[1] - a[1]).map(([op, n]) => `${esc(operationName(c, op))} ×${n}`).join(", ")}</td><td>${esc(c.date(r.first))}</td><td>${esc(c.date(r.last))}</td></tr>`);
  return `<table><thead><tr><th>${esc(c.t("activity.reviewer"))}</th><th class="n">${esc(c.t("activity.changes"))}</th><th class="n">${esc(c.t("activity.undone"))}</th><th>${esc(c.t("activity.operations"))}</th><th>${esc(c.t("activity.first"))}</th><th>${esc(c.t("activity.last"))}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function alignmentSection(c: Ctx, report: Pick<QualityReport, "alignment"> & { corrections?: QualityReport["corrections"] }): string {
  const a = report.alignment;
  if (!a) return `<p class="empty">${esc(c.t("alignment.single"))}</p>`;
  const types = Object.entries(a.byType).sort((x, y) => y[1] - x[1]).map(([type, n]) => `<tr><td>${esc(type)}</td><td class="n">${n}</td></tr>`).join("");
  const corrections = report.corrections ? `<tr><th>${esc(c.t("alignment.corrections"))}</th><td class="n">${report.corrections.sourceSegments} / ${report.corrections.targetSegments}</td></tr>` : "";
  return `<table class="alignment"><tbody>
<tr><th>${esc(c.t("alignment.links"))}</th><td class="n">${a.links}</td></tr>
<tr><th>${esc(c.t("alignment.sentences"))}</th><td class="n">${a.sourceSentences} / ${a.targetSentences}</td></tr>
<tr><th>${esc(c.t("alignment.confirmed"))}</th><td class="n">${a.confirmed} (${c.num(a.confirmedShare * 100)} %) ${shareBar(a.confirmedShare, c.t("alignment.confirmed"))}</td></tr>
<tr><th>${esc(c.t("alignment.lowConfidence", { threshold: c.num(a.lowConfidenceThreshold, 2) }))}</th><td class="n">${a.lowConfidence}</td></tr>
<tr><th>${esc(c.t("alignment.meanConfidence"))}</th><td class="n">${c.num(a.meanConfidence, 2)}</td></tr>
<tr><th>${esc(c.t("alignment.omissions"))}</th><td class="n">${a.omissions}</td></tr>
<tr><th>${esc(c.t("alignment.additions"))}</th><td class="n">${a.additions}</td></tr>
${corrections}</tbody></table>
<table class="types"><thead><tr><th>${esc(c.t("alignment.type"))}</th><th class="n">${esc(c.t("alignment.count"))}</th></tr></thead><tbody>${types}</tbody></table>`;
}

export function renderReportHtml(report: QualityReport, lang: UiLanguage = "en"): string {
  const c = context(lang);
  const d = report.document;
  const langs = d.targetLang ? `${d.sourceLang} → ${d.targetLang}` : d.sourceLang;
  const files = [d.sourceName && `${c.t("sourceFile")}: ${d.sourceName}`, d.targetName && `${c.t("targetFile")}: ${d.targetName}`].filter(Boolean).join(" · ");
  const entries = report.activity.entries.slice(0, MAX_ENTRIES);
  const recent = entries.length
    ? `<h3>${esc(c.t("activity.recent"))}</h3><table><thead><tr><th>${esc(c.t("activity.when"))}</th><th>${esc(c.t("activity.reviewer"))}</th><th>${esc(c.t("activity.operations"))}</th><th>${esc(c.t("activity.entity"))}</th></tr></thead><tbody>${entries.map((e) => `<tr${e.undone ? ' class="muted"' : ""}><td>${esc(c.date(e.at))}</td><td>${e.reviewer ? esc(e.reviewer) : `<span class="muted">${esc(c.t("activity.nobody"))}</span>`}</td><td>${esc(operationName(c, e.operation))}${e.undone ? ` (${esc(c.t("activity.undone"))})` : ""}</td><td>${esc(c.t(`entities.${e.entity}`))}${e.entityId !== null ? ` ${e.entityId}` : ""}</td></tr>`).join("")}</tbody></table>${report.activity.entries.length > entries.length ? `<p class="muted">${esc(c.t("activity.more", { count: report.activity.entries.length - entries.length }))}</p>` : ""}`
    : "";
  const body = `<header>
<h1>${esc(c.t("title"))}: ${esc(d.title)}</h1>
<p class="meta">${esc(c.t("languages"))}: ${esc(langs)}${files ? ` · ${esc(files)}` : ""}</p>
<p class="meta">${esc(c.t("generated", { date: c.date(report.generatedAt) }))}</p>
</header>
<section id="score"><h2>${esc(c.t("score.heading"))}</h2>${scoreCards(c, report.score)}</section>
<section id="categories"><h2>${esc(c.t("charts.categories"))}</h2>${categorySeverityChart(report.counts, chartText(c, c.t("charts.categories")))}${countsTable(c, report.counts)}
<p class="muted">${esc(c.t("totals.findings"))}: ${(["open", "accepted", "dismissed"] as const).map((s) => `${esc(c.t(`issues.status.${s}`))} ${report.totals.findings[s]}`).join(" · ")} — ${esc(c.t("totals.annotations"))}: ${report.totals.annotations}</p>${report.totals.hidden ? `<p class="muted">${esc(c.t("totals.hidden", { count: report.totals.hidden, min: report.minConfidence }))}</p>` : ""}</section>
<section id="along"><h2>${esc(c.t("charts.along"))}</h2><p class="muted">${esc(c.t("charts.alongHint"))}</p>${distributionChart(report.distribution, chartText(c, c.t("charts.along")))}</section>
<section id="alignment"><h2>${esc(c.t("alignment.heading"))}</h2>${alignmentSection(c, report)}</section>
<section id="issues"><h2>${esc(c.t("issues.heading"))}</h2>${report.issues.length ? report.issues.map((i) => issueCard(c, i)).join("\n") : `<p class="empty">${esc(c.t("issues.none"))}</p>`}</section>
<section id="activity"><h2>${esc(c.t("activity.heading"))}</h2>${reviewersTable(c, report.activity.reviewers)}${recent}</section>`;
  return page(lang, `${c.t("title")}: ${d.title}`, body);
}

export function renderProjectReportHtml(report: ProjectReport, lang: UiLanguage = "en"): string {
  const c = context(lang);
  const rows = report.documents.map((d) => {
    const verdict = d.score.pass ? "pass" : "fail";
    return `<tr><td>${d.id}</td><td>${esc(d.title)}</td><td>${esc(d.targetLang ? `${d.sourceLang} → ${d.targetLang}` : d.sourceLang)}</td><td class="n">${c.num(d.words)}</td><td class="n">${d.issues}</td><td class="n">${d.openFindings}</td><td class="n">${d.confirmedShare === null ? "–" : `${c.num(d.confirmedShare * 100)} %`}</td><td class="n">${c.num(d.score.penaltyPer1000, 2)}</td><td class="n">${c.num(d.score.qualityScore, 2)}</td><td><span class="badge ${verdict}" data-result="${verdict}">${esc(c.t(`score.${verdict}`))}</span></td></tr>`;
  });
  const table = rows.length
    ? `<table><thead><tr><th>#</th><th>${esc(c.t("project.document"))}</th><th>${esc(c.t("languages"))}</th><th class="n">${esc(c.t("project.words"))}</th><th class="n">${esc(c.t("project.issues"))}</th><th class="n">${esc(c.t("project.openFindings"))}</th><th class="n">${esc(c.t("project.confirmed"))}</th><th class="n">${esc(c.t("score.per1000"))}</th><th class="n">${esc(c.t("score.quality"))}</th><th>${esc(c.t("project.result"))}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
    : `<p class="empty">${esc(c.t("project.none"))}</p>`;
  const body = `<header><h1>${esc(c.t("projectTitle"))}</h1><p class="meta">${esc(c.t("generated", { date: c.date(report.generatedAt) }))}</p></header>
<section id="score"><h2>${esc(c.t("score.heading"))}</h2>${scoreCards(c, report.score)}</section>
<section id="documents"><h2>${esc(c.t("project.documents"))}</h2>${table}</section>
<section id="categories"><h2>${esc(c.t("charts.categories"))}</h2>${categorySeverityChart(report.counts, chartText(c, c.t("charts.categories")))}${countsTable(c, report.counts)}</section>
<section id="alignment"><h2>${esc(c.t("alignment.heading"))}</h2>${alignmentSection(c, report)}</section>
<section id="activity"><h2>${esc(c.t("activity.heading"))}</h2>${reviewersTable(c, report.activity.reviewers)}</section>`;
  return page(lang, c.t("projectTitle"), body);
}

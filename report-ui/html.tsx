// The HTML download: the report components rendered to static markup in a page of their own,
// with the stylesheet inline and no script or external resource, so it can be mailed, archived
// and printed as it is.
import type { UiLanguage } from "../lib/i18n";
import { REPORT_FILE_POLICY } from "../lib/auth/headers";
import { displayLabel } from "../lib/text-hygiene";
import type { ProjectReport, QualityReport } from "../lib/report/types";
import { DocumentReport, ProjectReportView } from "./report";
import { PAGE_CSS, REPORT_CSS } from "./style";
import { reportText } from "./text";

// Characters HTML cannot carry (C0 controls but tab/LF/FF/CR, lone surrogates, U+FFFE/U+FFFF);
// React writes text as it is, so they are dropped here, as the other export formats drop them.
const UNCARRIABLE = /[\u0000-\u0008\u000B\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * react-dom/server, loaded by Node itself at run time: Next.js bundles route handlers for React Server
 * Components, where react-dom/server refuses to load, so the bundler is told to leave this import alone.
 * The components hold no state and no hooks, so the server build of React can render them there too.
 */
async function staticMarkup(): Promise<(node: React.ReactNode) => string> {
  const server: typeof import("react-dom/server") = await import(/* turbopackIgnore: true */ /* webpackIgnore: true */ "react-dom/server");
  return server.renderToStaticMarkup;
}

async function page(lang: UiLanguage, title: string, body: React.ReactNode): Promise<string> {
  const renderToStaticMarkup = await staticMarkup();
  const markup = renderToStaticMarkup(
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        {/* A downloaded report is a file anyone may open: it may run no script at all. */}
        <meta httpEquiv="Content-Security-Policy" content={REPORT_FILE_POLICY} />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: PAGE_CSS + REPORT_CSS }} />
      </head>
      <body>{body}</body>
    </html>,
  );
  return `<!DOCTYPE html>\n${markup.replace(UNCARRIABLE, "")}\n`;
}

export function renderReportHtml(report: QualityReport, lang: UiLanguage = "en"): Promise<string> {
  return page(lang, `${reportText(lang).t("title")}: ${displayLabel(report.document.title)}`, <DocumentReport report={report} lang={lang} />);
}

export function renderProjectReportHtml(report: ProjectReport, lang: UiLanguage = "en"): Promise<string> {
  return page(lang, reportText(lang).t("projectTitle"), <ProjectReportView report={report} lang={lang} />);
}

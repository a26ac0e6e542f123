// The quality report as React components: the report pages and the HTML download render the
// same ones. lib/report builds the data and knows nothing of React.
export { DocumentReport, ProjectReportView } from "./report";
export { renderReportHtml, renderProjectReportHtml } from "./html";
export { CategorySeverityChart, DistributionChart, SEVERITY_COLORS } from "./charts";
export { ReportStyle, REPORT_CSS } from "./style";
export { reportText, type ReportText } from "./text";

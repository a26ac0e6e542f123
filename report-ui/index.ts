// The quality report as React components: the report pages and the HTML download render the
// same ones (the download's renderers are in ./html, apart: server components may not load
// react-dom/server). lib/report builds the data and knows nothing of React.
export { DocumentReport, ProjectReportView } from "./report";
export { CategorySeverityChart, DistributionChart, SEVERITY_COLORS } from "./charts";
export { ReportStyle, REPORT_CSS } from "./style";
export { reportText, type ReportText } from "./text";

import { t, type UiLanguage } from "@/lib/i18n";
import { EXPORT_FORMATS, FORMAT_INFO } from "@/lib/formats";

/** Plain links and a GET form: downloads work without JavaScript and from the keyboard. */
export function Downloads({ documentId, lang, bilingual }: { documentId: number; lang: UiLanguage; bilingual: boolean }) {
  const formats = bilingual ? EXPORT_FORMATS : EXPORT_FORMATS.filter((f) => f === "xliff" || f === "json");
  return (
    <section className="downloads" aria-labelledby="downloads-title">
      <h2 id="downloads-title">{t(lang, "downloads.title")}</h2>
      <form action={`/api/documents/${documentId}/export`} method="get" className="export-form">
        <fieldset>
          <legend>{t(lang, "downloads.export")}</legend>
          {formats.map((f, i) => (
            <label key={f}><input type="radio" name="format" value={f} defaultChecked={i === 0} /> {FORMAT_INFO[f].label}</label>
          ))}
          {bilingual && <>
            <label><input type="checkbox" name="unpaired" value="empty" /> {t(lang, "downloads.unpairedKeep")}</label>
            <label><input type="checkbox" name="confirmedOnly" value="1" /> {t(lang, "downloads.confirmedOnly")}</label>
            <label>{t(lang, "downloads.minConfidence")} <input type="number" name="minConfidence" min={0} max={1} step={0.05} defaultValue={0} /></label>
          </>}
          <button type="submit">{t(lang, "downloads.download")}</button>
        </fieldset>
      </form>
      <p className="report-links">
        {t(lang, "downloads.report")}:{" "}
        <a href={`/api/documents/${documentId}/report?format=html`} data-testid="download-report-html">{t(lang, "downloads.html")}</a> ·{" "}
        <a href={`/api/documents/${documentId}/report?format=csv`}>{t(lang, "downloads.csv")}</a> ·{" "}
        <a href={`/api/documents/${documentId}/report?format=json`}>{t(lang, "downloads.json")}</a>
      </p>
    </section>
  );
}

import { t } from "@/lib/i18n";
import { can } from "@/lib/auth/roles";
import { warmAnalysis } from "@/lib/import/analyse-thread";
import { requireSession, uiLanguage } from "../../_server/session";
import { ImportForm } from "./import-form";

export default async function ImportPage() {
  const [session, lang] = await Promise.all([requireSession(), uiLanguage()]);
  const mayImport = can(session.role, "import");
  // While the reviewer pastes or picks the texts, an analysis worker loads the lexicon.
  if (mayImport) warmAnalysis();
  return (
    <section className="page">
      <h1>{t(lang, "import.title")}</h1>
      <p>{t(lang, "import.intro")}</p>
      {mayImport ? <ImportForm /> : <p role="alert" className="error" data-testid="import-forbidden">{t(lang, "roles.noImport")}</p>}
    </section>
  );
}

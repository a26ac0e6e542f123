import { t } from "@/lib/i18n";
import { can } from "@/lib/auth/roles";
import { requireSession, uiLanguage } from "../../_server/session";
import { ImportForm } from "./import-form";

export default async function ImportPage() {
  const [session, lang] = await Promise.all([requireSession(), uiLanguage()]);
  return (
    <section className="page">
      <h1>{t(lang, "import.title")}</h1>
      <p>{t(lang, "import.intro")}</p>
      {can(session.role, "import") ? <ImportForm /> : <p role="alert" className="error" data-testid="import-forbidden">{t(lang, "roles.noImport")}</p>}
    </section>
  );
}

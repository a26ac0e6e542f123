import { t } from "@/lib/i18n";
import { uiLanguage } from "../../_server/session";
import { ImportForm } from "./import-form";

export default async function ImportPage() {
  const lang = await uiLanguage();
  return (
    <section className="page">
      <h1>{t(lang, "import.title")}</h1>
      <p>{t(lang, "import.intro")}</p>
      <ImportForm />
    </section>
  );
}

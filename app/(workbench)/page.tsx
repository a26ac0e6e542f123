import Link from "next/link";
import { db } from "@/lib/db/client";
import { listDocuments, listTrash, TRASH_DAYS } from "@/lib/db/documents";
import { DocumentActions, RestoreButton } from "./document-actions";
import { t } from "@/lib/i18n";
import { can } from "@/lib/auth/roles";
import { requireSession, uiLanguage } from "../_server/session";
import { displayLabel } from "@/lib/text-hygiene";

export const dynamic = "force-dynamic";

export default async function DocumentsPage() {
  const [session, lang, documents] = await Promise.all([requireSession(), uiLanguage(), listDocuments(db())]);
  const admin = can(session.role, "manageDocuments");
  const editor = can(session.role, "edit");
  const trash = admin ? await listTrash(db()) : [];
  const date = (iso: string) => new Date(iso).toLocaleDateString(lang === "de" ? "de-DE" : "en-GB", { dateStyle: "medium" });
  const langs = (d: { sourceLang: string; targetLang: string | null }) =>
    d.targetLang ? `${d.sourceLang} → ${d.targetLang}` : `${d.sourceLang} (${t(lang, "documents.single")})`;
  return (
    <section className="page">
      <h1>{t(lang, "documents.title")}</h1>
      {documents.length === 0 ? (
        <p>{t(lang, "documents.empty")} <Link href="/import">{t(lang, "nav.import")}</Link></p>
      ) : (
        <table className="documents" data-testid="document-list">
          <thead>
            <tr>
              <th scope="col">{t(lang, "documents.columns.title")}</th>
              <th scope="col">{t(lang, "documents.columns.languages")}</th>
              <th scope="col" className="num">{t(lang, "documents.columns.sentences")}</th>
              <th scope="col" className="num">{t(lang, "documents.columns.links")}</th>
              <th scope="col" className="num">{t(lang, "documents.columns.confirmed")}</th>
              <th scope="col" className="num">{t(lang, "documents.columns.flags")}</th>
              <th scope="col">{t(lang, "documents.columns.updated")}</th>
              <th scope="col"><span className="visually-hidden">{t(lang, "downloads.reportPage")}</span></th>
              {(admin || editor) && <th scope="col"><span className="visually-hidden">{t(lang, "documents.actions")}</span></th>}
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id} data-testid="document-row">
                <td><Link href={`/documents/${d.id}`}>{displayLabel(d.title)}</Link></td>
                <td>{langs(d)}</td>
                <td className="num">{d.targetLang ? `${d.sourceSentences} / ${d.targetSentences}` : d.sourceSentences}</td>
                <td className="num">{d.targetLang ? d.links : "–"}</td>
                <td className="num">{d.targetLang ? d.confirmedLinks : "–"}</td>
                <td className="num">{d.openFlags}</td>
                <td><time dateTime={d.updatedAt}>{new Date(d.updatedAt).toLocaleString(lang === "de" ? "de-DE" : "en-GB", { dateStyle: "medium", timeStyle: "short" })}</time></td>
                <td><Link href={`/documents/${d.id}/report`}>{t(lang, "downloads.reportPage")}</Link></td>
                {(admin || editor) && (
                  <td>
                    <DocumentActions
                      id={d.id} title={d.title} canRename={editor} canDelete={admin}
                      deleteLabel={t(lang, "documents.deleteLabel", { title: displayLabel(d.title) })}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {trash.length > 0 && (
        <section aria-labelledby="deleted-title" data-testid="deleted-documents">
          <h2 id="deleted-title">{t(lang, "documents.trash", { count: trash.length, days: TRASH_DAYS })}</h2>
          <p>{t(lang, "documents.deletedIntro")}</p>
          <ul>
            {trash.map((d) => (
              <li key={d.id} data-testid="deleted-row">
                {displayLabel(d.title)} <span className="meta">{t(lang, "documents.trashedOn", { deleted: date(d.deletedAt), purge: date(d.purgeAt) })}</span>{" "}
                <RestoreButton id={d.id} label={t(lang, "documents.restoreLabel", { title: displayLabel(d.title) })} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

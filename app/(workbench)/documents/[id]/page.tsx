import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { loadSnapshot, NotFoundError } from "@/lib/db/documents";
import type { FlagRecord, SegmentRecord } from "@/lib/document";
import { t, type UiLanguage } from "@/lib/i18n";
import type { Side } from "@/lib/types";
import { MarkedText } from "../../../_components/marked-text";
import { uiLanguage } from "../../../_server/session";

export const dynamic = "force-dynamic";

function Sentences({ segments, flags, side, lang }: { segments: SegmentRecord[]; flags: FlagRecord[]; side: Side; lang: UiLanguage }) {
  return (
    <>
      {segments.map((s) => (
        <p key={s.id} className="sentence" lang={undefined}>
          <MarkedText
            text={s.text}
            marks={flags.filter((f) => f.side === side && f.sentence === s.position).map((f) => ({
              start: f.span[0], end: f.span[1], className: `flag sev-${f.severity}`,
              title: `${f.category} · ${t(lang, `findings:${f.message.key}`, { ...f.message.params, defaultValue: f.detector })}${f.suggestion ? ` → ${f.suggestion}` : ""}`,
            }))}
          />
        </p>
      ))}
    </>
  );
}

export default async function DocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const lang = await uiLanguage();
  const documentId = Number(id);
  if (!Number.isInteger(documentId)) notFound();
  const snapshot = await loadSnapshot(db(), documentId).catch((err) => { if (err instanceof NotFoundError) notFound(); throw err; });
  const { document: doc, source, target, links, flags } = snapshot;
  const name = (code: string) => t(lang, `languages.${code}`, { defaultValue: code });

  if (!doc.targetLang) {
    return (
      <section className="page">
        <h1>{doc.title}</h1>
        <p className="meta">{name(doc.sourceLang)} · {t(lang, "document.sentences", { count: source.length })} · {t(lang, "document.flags", { count: flags.length })}</p>
        <div className="single" data-testid="single-text">
          <Sentences segments={source} flags={flags} side="source" lang={lang} />
        </div>
      </section>
    );
  }
  return (
    <section className="page">
      <h1>{doc.title}</h1>
      <p className="meta">
        {name(doc.sourceLang)} → {name(doc.targetLang)} · {t(lang, "document.links", { count: links.length })} · {t(lang, "document.flags", { count: flags.length })}
      </p>
      <table className="bitext" data-testid="link-table">
        <thead>
          <tr>
            <th scope="col" className="num">#</th>
            <th scope="col">{t(lang, "document.source")} ({doc.sourceLang})</th>
            <th scope="col">{t(lang, "document.target")} ({doc.targetLang})</th>
            <th scope="col" className="num">{t(lang, "document.confidence")}</th>
          </tr>
        </thead>
        <tbody>
          {links.map((link) => (
            <tr key={link.id} data-testid="link-row" className={`link status-${link.status}${link.confidence < 0.5 ? " low" : ""}`}>
              <td className="num">{link.position + 1}</td>
              <td lang={doc.sourceLang}>
                {link.source.length ? <Sentences segments={link.source.map((i) => source[i])} flags={flags} side="source" lang={lang} /> : <em className="gap">{t(lang, "document.addition")}</em>}
              </td>
              <td lang={doc.targetLang ?? undefined}>
                {link.target.length ? <Sentences segments={link.target.map((i) => target[i])} flags={flags} side="target" lang={lang} /> : <em className="gap">{t(lang, "document.omission")}</em>}
              </td>
              <td className="num">{link.confidence.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import type { ReactNode } from "react";
import { Header } from "../_components/header";
import { requireSession, uiLanguage } from "../_server/session";

export default async function WorkbenchLayout({ children }: { children: ReactNode }) {
  const [session, lang] = await Promise.all([requireSession(), uiLanguage()]);
  return (
    <>
      <Header lang={lang} user={{ name: session.name, role: session.role }} />
      <main id="main">{children}</main>
    </>
  );
}

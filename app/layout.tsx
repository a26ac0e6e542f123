import type { Metadata } from "next";
import type { ReactNode } from "react";
import { I18nProvider } from "./_components/i18n-provider";
import { uiLanguage } from "./_server/session";
import "./globals.css";

export const metadata: Metadata = {
  title: "Bitext Workbench",
  description: "Align, check and correct translations side by side",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const lang = await uiLanguage();
  return (
    <html lang={lang}>
      <body>
        <I18nProvider lang={lang}>{children}</I18nProvider>
      </body>
    </html>
  );
}

import { db } from "@/lib/db/client";
import { needsFirstAccount } from "@/lib/db/reviewers";
import { Header } from "../../_components/header";
import { uiLanguage } from "../../_server/session";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const [lang, first, params] = await Promise.all([uiLanguage(), needsFirstAccount(db()), searchParams]);
  return (
    <>
      <Header lang={lang} user={null} />
      <main id="main" className="centered">
        <LoginForm first={first} next={params.next} />
      </main>
    </>
  );
}

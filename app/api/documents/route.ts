import { db } from "@/lib/db/client";
import { listDocuments } from "@/lib/db/documents";
import { currentSession } from "../../_server/session";

export const dynamic = "force-dynamic";

export async function GET() {
  if (!(await currentSession())) return Response.json({ error: "Not logged in." }, { status: 401 });
  return Response.json(await listDocuments(db()));
}

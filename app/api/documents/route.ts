import { db } from "@/lib/db/client";
import { listDocuments } from "@/lib/db/documents";
import { authorize } from "../../_server/session";

export const dynamic = "force-dynamic";

export async function GET() {
  const auth = await authorize("read");
  if ("response" in auth) return auth.response;
  return Response.json(await listDocuments(db()));
}

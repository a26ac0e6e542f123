import { getImportJob } from "@/lib/import/jobs";
import { currentSession } from "../../../../_server/session";

export const dynamic = "force-dynamic";

export async function GET(_: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!(await currentSession())) return Response.json({ error: "Not logged in." }, { status: 401 });
  const job = getImportJob((await params).id);
  if (!job) return Response.json({ error: "No such import job (it may have finished more than an hour ago)." }, { status: 404 });
  return Response.json(job);
}

import { getImportJob } from "@/lib/import/jobs";
import { authorize } from "../../../../_server/session";

export const dynamic = "force-dynamic";

export async function GET(_: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize("read");
  if ("response" in auth) return auth.response;
  const job = getImportJob((await params).id);
  if (!job) return Response.json({ error: "No such import job (it may have finished more than an hour ago)." }, { status: 404 });
  return Response.json(job);
}

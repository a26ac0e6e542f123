// GET: an import job's progress. DELETE: cancel it (nothing of a cancelled import is kept).
import { cancelImportJob, getImportJob } from "@/lib/import/jobs";
import { authorize } from "../../../../_server/session";

export const dynamic = "force-dynamic";

const GONE = "No such import job (it may have finished more than an hour ago).";

export async function GET(_: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize("read");
  if ("response" in auth) return auth.response;
  const job = getImportJob((await params).id);
  if (!job) return Response.json({ error: GONE }, { status: 404 });
  return Response.json(job);
}

export async function DELETE(_: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize("import");
  if ("response" in auth) return auth.response;
  const { session } = auth;
  const job = getImportJob((await params).id);
  if (!job) return Response.json({ error: GONE }, { status: 404 });
  if (job.author !== null && job.author !== session.uid) return Response.json({ error: "Only the reviewer who started an import can cancel it." }, { status: 403 });
  if (!cancelImportJob(job.id)) return Response.json({ error: `This import has already ended (${job.state}).`, job }, { status: 409 });
  return Response.json(job, { status: 202 });
}

import { z } from "zod";

const id = z.number().int().positive();

/** POST /api/documents/[id]/comments */
export const addCommentSchema = z.object({ linkId: id, body: z.string().max(20_000), parentId: id.nullable().optional() });
/** GET /api/documents/[id]/comments?linkId= */
export const listCommentsQuery = z.object({ linkId: z.coerce.number().int().positive().optional() });

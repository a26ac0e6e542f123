// Request bodies of the document routes (app/api/documents/[id]): renaming.
import { z } from "zod";

export const renameDocumentSchema = z.object({ title: z.string().max(1_000) });

// Request shapes of search and bulk changes (app/api/documents/[id]/search and …/bulk). The
// types are declared in lib/review/types.ts; the compile-time checks below keep both in step.
import { z } from "zod";
import type { BulkOperation, BulkRequest, SearchQuery } from "../review/types";
import { textProblem } from "../text-hygiene";
import { MAX_PATTERN } from "../review/search";

const id = z.number().int().positive();
const flag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");

function storable(what: string, max: number) {
  return z.string().max(max, `${what} can have at most ${max} characters`).superRefine((value, ctx) => {
    const problem = textProblem(value, what);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

const queryFields = {
  text: storable("The search", MAX_PATTERN).refine((v) => v.length > 0, "type something to search for"),
  side: z.enum(["source", "target", "both"]),
};

/** GET …/search?q=&side=&case=&word=&regex=&limit= */
export const searchParamsSchema = z.object({
  q: queryFields.text,
  side: queryFields.side.default("both"),
  case: flag.default(false),
  word: flag.default(false),
  regex: flag.default(false),
  limit: z.coerce.number().int().min(1).max(1000).default(1000),
}).transform((p) => ({ query: { text: p.q, side: p.side, caseSensitive: p.case, wholeWord: p.word, regex: p.regex } satisfies SearchQuery, limit: p.limit }));

export const searchQuerySchema = z.object({ ...queryFields, caseSensitive: z.boolean(), wholeWord: z.boolean(), regex: z.boolean() });

const replacement = storable("The replacement", 20_000);

export const bulkOperationSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("replace"), segmentId: id, start: z.number().int().min(0), end: z.number().int().min(0), query: searchQuerySchema, replacement }),
  z.object({ op: z.literal("replaceAll"), query: searchQuerySchema, replacement }),
  z.object({ op: z.literal("acceptSimilar"), flagId: id }),
  z.object({ op: z.literal("dismissDetector"), detector: z.string().min(1).max(100) }),
]);

export const bulkRequestSchema = z.object({ operation: bulkOperationSchema, expectedVersion: z.number().int().min(0) });

// Compile-time checks that every parsed request is one of the declared types.
export const _bulkShapeCheck = (o: z.infer<typeof bulkRequestSchema>): BulkRequest => o;
export const _bulkOperationCheck = (o: z.infer<typeof bulkOperationSchema>): BulkOperation => o;

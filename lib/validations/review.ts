// Request bodies of the review API (app/api/documents/[id]/…). The operation shapes mirror
// lib/review/types.ts; the `satisfies` checks below keep the two in step.
import { z } from "zod";
import type { ReviewOperation } from "../review/types";
import type { MqmCategory, Severity } from "../types";
import { textProblem } from "../text-hygiene";

export const MQM_CATEGORIES = [
  "Accuracy/Mistranslation", "Accuracy/Omission", "Accuracy/Addition", "Accuracy/Untranslated",
  "Terminology/Inconsistent", "Fluency/Spelling", "Fluency/Grammar", "Fluency/Punctuation", "Fluency/Spacing",
  "Locale/Number format", "Design/Markup", "Style/Awkward", "Other",
] as const satisfies readonly MqmCategory[];
export const SEVERITIES = ["neutral", "minor", "major", "critical"] as const satisfies readonly Severity[];

const id = z.number().int().positive();
const side = z.enum(["source", "target"]);
const category = z.enum(MQM_CATEGORIES);
const severity = z.enum(SEVERITIES);
const MAX_SENTENCE = 20_000;

/** Refuses text with control characters or broken UTF-16 (400 with the position), which the database would cut or refuse. */
function storable<T extends z.ZodType<string | undefined>>(schema: T, what: string) {
  return schema.superRefine((value, ctx) => {
    const problem = typeof value === "string" ? textProblem(value, what) : null;
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

export const reviewOperationSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("mergeWithNext"), linkId: id }),
  z.object({ op: z.literal("mergeWithPrevious"), linkId: id }),
  z.object({ op: z.literal("splitLink"), linkId: id }),
  z.object({ op: z.literal("shift"), linkId: id, side, which: z.enum(["first", "last"]) }),
  z.object({ op: z.literal("insertGap"), linkId: id, side }),
  z.object({ op: z.literal("confirm"), linkId: id }),
  z.object({ op: z.literal("unconfirm"), linkId: id }),
  z.object({ op: z.literal("confirmThrough"), linkId: id }),
  z.object({ op: z.literal("realignFrom"), linkId: id }),
  z.object({ op: z.literal("splitSentence"), segmentId: id, at: z.number().int().min(0) }),
  z.object({ op: z.literal("joinWithNext"), segmentId: id }),
  z.object({ op: z.literal("editText"), segmentId: id, text: storable(z.string().max(MAX_SENTENCE, `a sentence can have at most ${MAX_SENTENCE} characters`), "The sentence") }),
  z.object({ op: z.literal("decideFlag"), flagId: id, decision: z.enum(["accepted", "dismissed", "open"]), from: z.enum(["accepted", "dismissed", "open", "fixed"]).optional() }),
  z.object({ op: z.literal("addAnnotation"), segmentId: id, start: z.number().int().min(0), end: z.number().int().min(0), category, severity, comment: storable(z.string().max(5000), "The comment").default("") }),
  z.object({ op: z.literal("updateAnnotation"), annotationId: id, category: category.optional(), severity: severity.optional(), comment: storable(z.string().max(5000), "The comment").optional() }),
  z.object({ op: z.literal("deleteAnnotation"), annotationId: id }),
]);

const versions = z.record(z.string().regex(/^\d+$/), z.number().int().min(0));

export const operationRequestSchema = z.object({
  operation: reviewOperationSchema,
  expectedVersion: z.number().int().min(0),
  expectedVersions: z.object({ links: versions.optional(), segments: versions.optional() }).optional(),
});

export const historyQuerySchema = z.object({
  linkId: z.coerce.number().int().positive().optional(),
  segmentId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  beforeId: z.coerce.number().int().positive().optional(),
});

// Compile-time check that every parsed operation is a ReviewOperation.
export const _operationShapeCheck = (o: z.infer<typeof reviewOperationSchema>): ReviewOperation => o;

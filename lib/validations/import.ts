import { z } from "zod";
import { isLanguageCode, LANGUAGE_CODE_EXAMPLES, normaliseLanguageCode } from "../language-code";
import { textProblem } from "../text-hygiene";

// The one rule of lib/language-code, stored normalised ("PT_br" → "pt-BR").
const lang = z.string().trim().refine(isLanguageCode, `use a language code such as ${LANGUAGE_CODE_EXAMPLES}`).transform(normaliseLanguageCode);
const flag = z.union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal(""), z.literal("false"), z.literal("0")]).optional().transform((v) => v === "on" || v === "true" || v === "1");

/** The text fields of the import form (files are read separately). */
export const importFormSchema = z.object({
  title: z.string().trim().max(300).superRefine((v, ctx) => {
    const problem = textProblem(v, "The title");
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }).optional().default(""),
  sourceLang: lang,
  targetLang: lang.optional(),
  single: flag,
  presegmented: flag,
  acceptWarnings: flag,
  sourceText: z.string().optional().default(""),
  targetText: z.string().optional().default(""),
}).refine((v) => v.single || v.targetLang, { message: "choose the target language", path: ["targetLang"] });

export type ImportForm = z.infer<typeof importFormSchema>;

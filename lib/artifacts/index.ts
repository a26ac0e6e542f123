// The artifact detectors: one module each, all behind the Detector interface (types.ts).
// checkAligned/checkMonolingual run them and return findings in reading order.
import type { Finding } from "../types";
import { t, type UiLanguage } from "../i18n";
import { addressFormDetector } from "./address-form";
import { boilerplateDetector } from "./boilerplate";
import { inconsistentCasingDetector } from "./inconsistent-casing";
import { inconsistentTermDetector } from "./inconsistent-term";
import { inconsistentWordDetector } from "./inconsistent-word";
import { missingArticleDetector } from "./missing-article";
import { numberMismatchDetector } from "./numbers";
import { omissionAdditionDetector } from "./omission-addition";
import { omittedWordsDetector } from "./omitted-words";
import { splitCompoundDetector } from "./split-compound";
import { untranslatedDetector } from "./untranslated";
import { nameCasingDetector } from "./name-casing";
import { nameMistranslatedDetector } from "./name-mistranslated";
import { nearDuplicateDetector } from "./near-duplicate";
import { spacingDetector } from "./spacing";
import { suspectCompoundDetector } from "./suspect-compound";
import { unitLocaleDetector } from "./unit-locale";
import { spellingDetector } from "./spelling";
import { punctuationDetector } from "./punctuation";
import type { AlignedDocument, Detector, MonolingualDocument } from "./types";

export type { AlignedDocument, Detector, MonolingualDocument } from "./types";
export { findingKey } from "./fingerprint";

export const detectors: Detector[] = [
  suspectCompoundDetector,
  nameMistranslatedDetector,
  nameCasingDetector,
  spacingDetector,
  numberMismatchDetector,
  untranslatedDetector,
  omissionAdditionDetector,
  omittedWordsDetector,
  inconsistentTermDetector,
  inconsistentWordDetector,
  inconsistentCasingDetector,
  addressFormDetector,
  splitCompoundDetector,
  boilerplateDetector,
  nearDuplicateDetector,
  missingArticleDetector,
  unitLocaleDetector,
  spellingDetector,
  punctuationDetector,
];

const SIDE_ORDER = { source: 0, target: 1 } as const;

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SIDE_ORDER[a.side] - SIDE_ORDER[b.side] || a.sentence - b.sentence || a.span[0] - b.span[0] || a.span[1] - b.span[1] ||
      a.detector.localeCompare(b.detector),
  );
}

function selected(only?: string[]): Detector[] {
  if (!only) return detectors;
  const unknown = only.filter((id) => !detectors.some((d) => d.id === id));
  if (unknown.length) throw new Error(`Unknown detector ${unknown.join(", ")}; known: ${detectors.map((d) => d.id).join(", ")}.`);
  return detectors.filter((d) => only.includes(d.id));
}

export function checkAligned(doc: AlignedDocument, only?: string[]): Finding[] {
  return sortFindings(selected(only).flatMap((d) => d.checkAligned?.(doc) ?? []));
}

export function checkMonolingual(doc: MonolingualDocument, only?: string[]): Finding[] {
  return sortFindings(selected(only).flatMap((d) => d.checkMonolingual?.(doc) ?? []));
}

/** The finding's explanation in plain words, in the UI language. */
export function renderFinding(f: Finding, uiLang: UiLanguage): string {
  return t(uiLang, `findings:${f.message.key}`, f.message.params);
}

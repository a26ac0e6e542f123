// Offline language identification (eld, n-gram based, Apache-2.0), used to warn when a
// side is not in the language the user declared.
import { eld } from "eld/medium";

export interface LanguageGuess { language: string; share: number }

/**
 * The dominant language of a text: paragraphs are identified one by one and the
 * language with the most characters wins. `share` is its fraction of the characters.
 */
export function detectLanguage(text: string, maxParagraphs = 60): LanguageGuess | null {
  const votes = new Map<string, number>();
  let total = 0;
  const paragraphs = text.split(/\n+/).map((p) => p.trim()).filter((p) => p.length >= 20).slice(0, maxParagraphs);
  for (const paragraph of paragraphs) {
    const language = eld.detect(paragraph.slice(0, 2000)).language;
    if (!language) continue;
    votes.set(language, (votes.get(language) ?? 0) + paragraph.length);
    total += paragraph.length;
  }
  if (total === 0) return null;
  const [language, chars] = [...votes].sort((a, b) => b[1] - a[1])[0];
  return { language, share: chars / total };
}

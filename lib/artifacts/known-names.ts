// Public figures whose names machine translation from Chinese, Korean or Japanese is known to
// render wrongly: the transliteration is translated back word by word (奥特曼 Àotèmàn, the
// Chinese name of both Sam Altman and the TV hero, comes out as "Ultraman"). A wrong form is
// only reported when the document also talks about the person's context, because most of
// these are real words or names elsewhere ("Ultraman" the series, "Shulman" the surname).
export interface KnownNameError {
  wrong: string;
  right: string;
  /** At least one of these must occur in the document. */
  context: string[];
  /** Where the wrong form comes from, for the finding's evidence. */
  origin: string;
}

export const KNOWN_NAME_ERRORS: KnownNameError[] = [
  { wrong: "Ultraman", right: "Altman", context: ["OpenAI", "ChatGPT", "Sam", "GPT", "Y Combinator", "Worldcoin"], origin: "Chinese 奥特曼 (Àotèmàn), the name used for both Sam Altman and the Ultraman TV hero" },
  { wrong: "Altmann", right: "Altman", context: ["OpenAI", "ChatGPT"], origin: "German spelling of the surname; Sam Altman writes it with one n" },
  { wrong: "Shulman", right: "Schulman", context: ["OpenAI", "Anthropic"], origin: "English transliteration of 舒尔曼 for John Schulman (OpenAI co-founder, left for Anthropic)" },
  { wrong: "Mask", right: "Musk", context: ["Tesla", "SpaceX", "Twitter", "xAI", "Elon"], origin: "Chinese 马斯克 (Mǎsīkè) read as the English word" },
  { wrong: "Little Zha", right: "Zuckerberg", context: ["Meta", "Facebook", "Instagram"], origin: "Chinese nickname 小扎 (Xiǎo Zhā) translated literally" },
  { wrong: "Xiao Zha", right: "Zuckerberg", context: ["Meta", "Facebook", "Instagram"], origin: "Chinese nickname 小扎 (Xiǎo Zhā) transliterated" },
  { wrong: "Lao Huang", right: "Jensen Huang", context: ["Nvidia", "NVIDIA", "GPU"], origin: "Chinese nickname 老黄 (Lǎo Huáng) transliterated" },
  { wrong: "Old Huang", right: "Jensen Huang", context: ["Nvidia", "NVIDIA", "GPU"], origin: "Chinese nickname 老黄 (Lǎo Huáng) translated literally" },
  { wrong: "Nadra", right: "Nadella", context: ["Microsoft", "Satya"], origin: "Chinese 纳德拉 (Nàdélā) transliterated back" },
  { wrong: "Ilya Sutzkever", right: "Ilya Sutskever", context: ["OpenAI", "SSI"], origin: "transliteration of 伊尔亚·苏茨克维" },
];

/** Brands spelled like common English words, which machine translation tends to translate
 *  ("Apple" -> "Apfel"). Only these are checked for being rendered as the word: for other
 *  capitalised words (God, Mother, the Senate) a translation is usually right. */
export const BRANDS_THAT_ARE_WORDS = new Set([
  "Apple", "Amazon", "Shell", "Oracle", "Meta", "Alphabet", "Twitter", "Slack", "Zoom", "Stripe", "Visa", "Jaguar", "Puma",
  "Caterpillar", "BlackBerry", "Blackberry", "Firefox", "Chrome", "Safari", "Anthropic", "Gemini", "Snapchat", "Telegram",
]);

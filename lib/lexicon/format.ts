// The shipped file's encoding, shared by the converter (scripts/build-lexicon.ts) and the loader.
export const LEXICON_FORMAT_VERSION = 2;

/** English word ids in base 36: ids are assigned by frequency, so common words cost 1–2 characters. */
export function encodeIds(ids: readonly number[]): string {
  return ids.map((i) => i.toString(36)).join(",");
}

export function decodeIds(field: string): number[] {
  if (!field) return [];
  return field.split(",").map((s) => parseInt(s, 36));
}

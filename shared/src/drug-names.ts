/** The words of a drug name, lower-cased: "Oxycodone/APAP 5-325" → ["oxycodone", "apap"]. */
export function drugWords(drug: string): string[] {
  return drug.toLowerCase().match(/[a-z]+/g) ?? [];
}

/** True when `term` (one or more words, e.g. "ms contin") appears as whole words in `words`. */
export function hasWholeTerm(words: readonly string[], term: string): boolean {
  const termWords = drugWords(term);
  if (termWords.length === 0) return false;
  for (let start = 0; start + termWords.length <= words.length; start += 1) {
    if (termWords.every((word, offset) => words[start + offset] === word)) return true;
  }
  return false;
}

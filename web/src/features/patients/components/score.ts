import { assertPainScore, isRuleInputError } from '@ldn/rules';

/** A typed score as a whole number 0–10 (the rules' bounds), or why it is not one. */
export function parseScore(text: string): { score: number } | { problem: string } {
  if (text.trim() === '') return { problem: 'Enter a score from 0 to 10.' };
  const score = Number(text);
  try {
    assertPainScore(score);
  } catch (error) {
    if (!isRuleInputError(error)) throw error;
    return { problem: 'A score is a whole number from 0 to 10.' };
  }
  return { score };
}

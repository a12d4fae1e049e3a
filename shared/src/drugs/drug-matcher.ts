import {
  DRUG_CLASSES,
  type DrugClass,
  type DrugRecognitionStatus,
  type IngredientEntry,
  type ProductEntry,
} from './drug-classes.ts';
import { drugTokens, isNonNameWord, NON_NAME_WORDS } from './drug-text.ts';
import { editDistance, soundsAlike } from './edit-distance.ts';

/** A concept of the vocabulary: one ingredient, or a product with its ingredients. */
export interface DrugConcept {
  /** The canonical name: the ingredient, or the product as written ("Tylenol #3"). */
  name: string;
  kind: 'INGREDIENT' | 'PRODUCT';
  ingredients: readonly string[];
  classes: readonly DrugClass[];
  /** RxNorm ingredient RxCUI, for an ingredient where it was verified. */
  rxcui?: string;
}

/** What a drug name was recognised as (§11). */
export interface DrugClassification {
  status: DrugRecognitionStatus;
  /** Canonical ingredient names, in vocabulary order; of the suggestion too when PROBABLE. */
  ingredients: string[];
  /** Union of the ingredients' classes; OTHER only when no other class applies. */
  classes: DrugClass[];
  /** The concepts found by exact match, by canonical name. */
  matched: string[];
  /** PROBABLE: the opioid name a misspelt word stands for; UNRECOGNISED: a near name, if any. */
  suggestion?: string;
  /** Words that matched nothing (beyond units, forms and directions). */
  unmatchedWords: string[];
}

/** One row of a type-ahead: a name as written and the concept behind it. */
export interface DrugSearchHit {
  /** The name, synonym or alias that matched ("Tylenol 3"). */
  term: string;
  concept: DrugConcept;
  isOpioid: boolean;
}

export interface VocabularyLists {
  ingredients: readonly IngredientEntry[];
  products: readonly ProductEntry[];
}

interface Term {
  /** As written in the vocabulary. */
  written: string;
  words: readonly string[];
  concept: DrugConcept;
  /** Found without its unit, form or release words ("Xtampza" for "Xtampza ER"). */
  shortened: boolean;
}

/** §11: a recognised or probable product with an opioid ingredient; an unrecognised name is not judged. */
export function classificationIsOpioid(
  classification: Pick<DrugClassification, 'status' | 'classes'>,
): boolean {
  return classification.status !== 'UNRECOGNISED' && classification.classes.includes('OPIOID');
}

/** The shortest a typed word may be to be read as a misspelt opioid (§11). */
const NEAR_MATCH_MIN_LETTERS = 5;

/** §11: one edit for a word under 8 letters, two from 8. */
function editsAllowed(word: string): number {
  return word.length >= 8 ? 2 : 1;
}

function unionOfClasses(classLists: ReadonlyArray<readonly DrugClass[]>): DrugClass[] {
  const present = new Set(classLists.flat());
  const classes = DRUG_CLASSES.filter((drugClass) => present.has(drugClass));
  return classes.length > 1 ? classes.filter((drugClass) => drugClass !== 'OTHER') : classes;
}

/** Thrown when the vocabulary's own data is inconsistent; a test keeps it from ever shipping. */
export class VocabularyError extends Error {
  override name = 'VocabularyError';
}

/**
 * Matches typed drug names against a vocabulary (§11): normalise, then whole words and multi-word
 * names longest first, then — only for words left over — near matches to opioid names.
 */
export class DrugMatcher {
  readonly concepts: ReadonlyMap<string, DrugConcept>;
  private readonly terms = new Map<string, Term>();
  private readonly longestTermWords: number;
  /** Single-word forms of every name, for near matching ("ms contin" also as "mscontin"). */
  private readonly nearTargets: { word: string; alike: string; term: Term }[] = [];

  constructor(lists: VocabularyLists) {
    const concepts = new Map<string, DrugConcept>();
    const ingredientClasses = new Map<string, readonly DrugClass[]>();
    for (const entry of lists.ingredients) {
      if (concepts.has(entry.name)) throw new VocabularyError(`Ingredient "${entry.name}" is listed twice.`);
      ingredientClasses.set(entry.name, entry.classes);
      concepts.set(entry.name, {
        name: entry.name,
        kind: 'INGREDIENT',
        ingredients: [entry.name],
        classes: unionOfClasses([entry.classes]),
        ...(entry.rxcui === undefined ? {} : { rxcui: entry.rxcui }),
      });
    }
    for (const entry of lists.products) {
      if (concepts.has(entry.name)) throw new VocabularyError(`Product "${entry.name}" is listed twice.`);
      const unknown = entry.ingredients.filter((ingredient) => !ingredientClasses.has(ingredient));
      if (unknown.length > 0)
        throw new VocabularyError(
          `Product "${entry.name}" names unknown ingredients: ${unknown.join(', ')}.`,
        );
      concepts.set(entry.name, {
        name: entry.name,
        kind: 'PRODUCT',
        ingredients: [...entry.ingredients],
        classes: unionOfClasses(entry.ingredients.map((ingredient) => ingredientClasses.get(ingredient)!)),
      });
    }
    this.concepts = concepts;
    for (const entry of lists.ingredients) this.addTerms(entry.name, [entry.name, ...(entry.synonyms ?? [])]);
    for (const entry of lists.products) this.addTerms(entry.name, [entry.name, ...(entry.aliases ?? [])]);
    this.longestTermWords = Math.max(1, ...[...this.terms.values()].map((term) => term.words.length));
    for (const term of this.terms.values()) {
      // A numbered name ("Tylenol 3") is no near target: without its number it is another drug.
      if (!term.concept.classes.includes('OPIOID') || term.words.some((w) => /^\d/.test(w))) continue;
      const word = term.words.join('');
      if (word.length >= NEAR_MATCH_MIN_LETTERS)
        this.nearTargets.push({ word, alike: soundsAlike(word), term });
    }
  }

  private addTerms(conceptName: string, writtenForms: readonly string[]): void {
    const concept = this.concepts.get(conceptName)!;
    for (const written of writtenForms) {
      const words = drugTokens(written);
      // "Xtampza ER" is also found as "Xtampza": trailing release and form words only — never a number
      // ("Tylenol 3" is not "Tylenol"), never a leading word ("potassium chloride" is not "chloride"),
      // and never down to a short word ("MS IR" is not "MS", multiple sclerosis).
      let kept = words.length;
      while (kept > 0 && NON_NAME_WORDS.has(words[kept - 1]!)) kept -= 1;
      const shortenedWords = words.slice(0, kept);
      const forms = [words];
      if (kept < words.length && shortenedWords.some((word) => word.length >= 4)) forms.push(shortenedWords);
      for (const form of forms) {
        const key = form.join(' ');
        if (key === '') throw new VocabularyError(`"${written}" has no words.`);
        const shortened = form !== words;
        const existing = this.terms.get(key);
        // A name as written wins over another concept's shortened name; two written names may not clash.
        if (existing === undefined || (existing.shortened && !shortened))
          this.terms.set(key, { written, words: form, concept, shortened });
        else if (existing.concept !== concept && !shortened && !existing.shortened)
          throw new VocabularyError(`"${written}" names both ${existing.concept.name} and ${concept.name}.`);
      }
    }
  }

  /** §11: what a typed name is, as ingredients and classes, with a suggestion for a misspelt opioid. */
  classify(text: string): DrugClassification {
    const tokens = drugTokens(text);
    const matched: DrugConcept[] = [];
    const leftover: string[] = [];
    for (let at = 0; at < tokens.length; ) {
      const term = this.longestTermAt(tokens, at);
      if (term === undefined) {
        if (!isNonNameWord(tokens[at]!)) leftover.push(tokens[at]!);
        at += 1;
      } else {
        if (!matched.includes(term.concept)) matched.push(term.concept);
        at += term.words.length;
      }
    }
    const probable: DrugConcept[] = [];
    const unmatchedWords: string[] = [];
    let suggestion: string | undefined;
    for (const word of leftover) {
      const near = this.nearestOpioid(word);
      if (near === undefined) {
        unmatchedWords.push(word);
      } else {
        if (!probable.includes(near.concept)) probable.push(near.concept);
        suggestion ??= near.written;
      }
    }
    const found = [...matched, ...probable];
    const ingredients = this.ingredientsOf(found);
    const classes = unionOfClasses(found.map((concept) => concept.classes));
    const matchedNames = matched.map((concept) => concept.name);
    if (probable.length > 0)
      return {
        status: 'PROBABLE',
        ingredients,
        classes,
        matched: matchedNames,
        suggestion: suggestion!,
        unmatchedWords,
      };
    // An exactly recognised opioid is certain whatever else was written; anything else needs every
    // word accounted for, or a clinician must say what it is.
    const recognised = matched.length > 0 && (unmatchedWords.length === 0 || classes.includes('OPIOID'));
    if (recognised)
      return { status: 'RECOGNISED', ingredients, classes, matched: matchedNames, unmatchedWords };
    const near =
      unmatchedWords.length === 1 && matched.length === 0 ? this.nearestAny(unmatchedWords[0]!) : undefined;
    return {
      status: 'UNRECOGNISED',
      ingredients: [],
      classes: [],
      matched: matchedNames,
      ...(near === undefined ? {} : { suggestion: near }),
      unmatchedWords,
    };
  }

  /** §11: true for a recognised or probable product with an opioid ingredient. */
  isOpioid(text: string): boolean {
    return classificationIsOpioid(this.classify(text));
  }

  /**
   * A type-ahead over names, synonyms and aliases: exact name first, then names that start with the
   * text, then names with a word that does; shorter first. Misspelt opioid names come last.
   */
  search(prefix: string, limit: number): DrugSearchHit[] {
    const wanted = drugTokens(prefix).join(' ');
    if (wanted === '' || limit <= 0) return [];
    const ranked: { rank: number; term: Term }[] = [];
    for (const [key, term] of this.terms) {
      const rank = key === wanted ? 0 : key.startsWith(wanted) ? 1 : key.includes(` ${wanted}`) ? 2 : -1;
      if (rank >= 0) ranked.push({ rank, term });
    }
    ranked.sort(
      (a, b) =>
        a.rank - b.rank ||
        a.term.written.length - b.term.written.length ||
        a.term.written.localeCompare(b.term.written),
    );
    const hits: DrugSearchHit[] = [];
    const seen = new Set<string>();
    const add = (term: Term) => {
      const key = `${term.concept.name}|${term.written.toLowerCase()}`;
      if (seen.has(key) || hits.length >= limit) return;
      seen.add(key);
      hits.push({
        term: term.written,
        concept: term.concept,
        isOpioid: term.concept.classes.includes('OPIOID'),
      });
    };
    for (const { term } of ranked) add(term);
    if (hits.length < limit && !wanted.includes(' ')) {
      const near = this.nearestOpioid(wanted);
      if (near !== undefined) add(near);
    }
    return hits;
  }

  private longestTermAt(tokens: readonly string[], at: number): Term | undefined {
    for (let length = Math.min(this.longestTermWords, tokens.length - at); length >= 1; length -= 1) {
      const term = this.terms.get(tokens.slice(at, at + length).join(' '));
      if (term !== undefined) return term;
    }
    return undefined;
  }

  /** The closest opioid name within §11's edits of a word no name matched exactly. */
  private nearestOpioid(word: string): Term | undefined {
    if (word.length < NEAR_MATCH_MIN_LETTERS || /\d/.test(word)) return undefined;
    const alike = soundsAlike(word);
    const limit = editsAllowed(word);
    let best: { distance: number; term: Term } | undefined;
    for (const target of this.nearTargets) {
      const distance = editDistance(alike, target.alike, limit);
      if (distance <= limit && (best === undefined || distance < best.distance))
        best = { distance, term: target.term };
    }
    return best?.term;
  }

  /** For an unrecognised word: the closest name of any kind, as a hint ("did you mean …?"). */
  private nearestAny(word: string): string | undefined {
    if (word.length < NEAR_MATCH_MIN_LETTERS) return undefined;
    const limit = editsAllowed(word);
    let best: { distance: number; written: string } | undefined;
    for (const [key, term] of this.terms) {
      if (key.includes(' ')) continue;
      const distance = editDistance(soundsAlike(word), soundsAlike(key), limit);
      if (distance <= limit && (best === undefined || distance < best.distance))
        best = { distance, written: term.written };
    }
    return best?.written;
  }

  private ingredientsOf(concepts: readonly DrugConcept[]): string[] {
    const names = new Set(concepts.flatMap((concept) => concept.ingredients));
    return [...names];
  }
}

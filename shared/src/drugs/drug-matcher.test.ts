import { describe, expect, it } from 'vitest';
import { DrugMatcher, VocabularyError } from './drug-matcher.ts';
import { drugTokens } from './drug-text.ts';
import { editDistance } from './edit-distance.ts';

// A small vocabulary of its own, so each behaviour of the matcher is pinned whatever the real lists hold.
const matcher = new DrugMatcher({
  ingredients: [
    { name: 'oxycodone', classes: ['OPIOID'], synonyms: ['oxy'] },
    { name: 'codeine', classes: ['OPIOID'] },
    { name: 'morphine', classes: ['OPIOID'] },
    { name: 'hydrocodone', classes: ['OPIOID'] },
    { name: 'acetaminophen', classes: ['OTHER'], synonyms: ['apap', 'paracetamol'] },
    { name: 'oxybutynin', classes: ['OTHER'] },
    { name: 'naltrexone', classes: ['OPIOID_ANTAGONIST'] },
    { name: 'pregabalin', classes: ['ANTICONVULSANT', 'FIBROMYALGIA_APPROVED'] },
    { name: 'gabapentin', classes: ['ANTICONVULSANT'] },
  ],
  products: [
    { name: 'Tylenol', ingredients: ['acetaminophen'] },
    {
      name: 'Tylenol #3',
      ingredients: ['acetaminophen', 'codeine'],
      aliases: ['Tylenol 3', 'Tylenol with codeine'],
    },
    { name: 'oxy IR', ingredients: ['oxycodone'] },
    { name: 'MS Contin', ingredients: ['morphine'], aliases: ['MSIR', 'MS IR'] },
    { name: 'Xtampza ER', ingredients: ['oxycodone'] },
    { name: 'Embeda', ingredients: ['morphine', 'naltrexone'] },
    { name: 'Lyrica', ingredients: ['pregabalin'] },
  ],
});

describe('drugTokens', () => {
  it.each([
    ['Tylenol #3', ['tylenol', '3']],
    ['Tylenol No. 3', ['tylenol', '3']],
    ['tylenol no 3', ['tylenol', '3']],
    ['Oxycodone/APAP 5-325mg', ['oxycodone', 'apap', '5', '325', 'mg']],
    ['Tylenol w/ codeine', ['tylenol', 'with', 'codeine']],
    ['LDN 4.5 mg', ['ldn', '4.5', 'mg']],
    ['Morphíne', ['morphine']],
    ['', []],
    ['  ##  ', []],
  ])('reads %j as %j', (text, tokens) => {
    expect(drugTokens(text)).toEqual(tokens);
  });

  it('keeps "no" as a word when no number follows', () => {
    expect(drugTokens('no opioids')).toEqual(['no', 'opioids']);
  });
});

describe('editDistance', () => {
  it.each([
    ['oxycodon', 'oxycodone', 1],
    ['oxycdoone', 'oxycodone', 1],
    ['hydrocodne', 'hydrocodone', 1],
    ['abc', 'abc', 0],
    ['kitten', 'sitting', 3],
  ])('%s → %s is %i edit(s)', (a, b, distance) => {
    expect(editDistance(a, b, 5)).toBe(distance);
  });

  it('stops at the limit', () => {
    expect(editDistance('oxybutynin', 'oxycodone', 2)).toBe(3);
  });
});

describe('DrugMatcher.classify', () => {
  it('maps a numbered combination product to its ingredients, however the number is written', () => {
    for (const text of ['Tylenol #3', 'TYLENOL NO. 3', 'tylenol 3 tablets', 'Tylenol w/ codeine 300-30 mg']) {
      expect(matcher.classify(text)).toMatchObject({
        status: 'RECOGNISED',
        ingredients: ['acetaminophen', 'codeine'],
        classes: ['OPIOID'],
      });
    }
  });

  it('reads the longest name first: plain Tylenol is acetaminophen alone', () => {
    expect(matcher.classify('Tylenol 325 mg')).toMatchObject({
      ingredients: ['acetaminophen'],
      classes: ['OTHER'],
    });
  });

  it('recognises a multi-word alias that contains a release word', () => {
    expect(matcher.classify('oxy IR 5mg')).toMatchObject({
      status: 'RECOGNISED',
      ingredients: ['oxycodone'],
    });
    expect(matcher.classify('MSIR')).toMatchObject({ status: 'RECOGNISED', ingredients: ['morphine'] });
    expect(matcher.classify('Xtampza')).toMatchObject({ status: 'RECOGNISED', ingredients: ['oxycodone'] });
  });

  it('does not reduce "MS IR" to "MS"', () => {
    expect(matcher.classify('MS')).toMatchObject({ status: 'UNRECOGNISED' });
  });

  it('finds every ingredient of a combination written with generic names', () => {
    expect(matcher.classify('oxycodone-acetaminophen 5/325')).toMatchObject({
      status: 'RECOGNISED',
      ingredients: ['oxycodone', 'acetaminophen'],
      classes: ['OPIOID'],
    });
  });

  it('gives a product the union of its ingredients’ classes', () => {
    expect(matcher.classify('Embeda 20-0.8 mg').classes).toEqual(['OPIOID', 'OPIOID_ANTAGONIST']);
    expect(matcher.classify('Lyrica 75 mg').classes).toEqual(['ANTICONVULSANT', 'FIBROMYALGIA_APPROVED']);
  });

  it('takes a misspelt opioid for a probable one, with the suggestion', () => {
    expect(matcher.classify('oxycodon 5 mg')).toMatchObject({
      status: 'PROBABLE',
      ingredients: ['oxycodone'],
      classes: ['OPIOID'],
      suggestion: 'oxycodone',
    });
  });

  it('reads "ph" and "f" alike', () => {
    expect(matcher.classify('morfine')).toMatchObject({ status: 'PROBABLE', suggestion: 'morphine' });
  });

  it('allows one edit under 8 letters and two from 8', () => {
    expect(matcher.classify('codeyne').status).toBe('PROBABLE'); // 7 letters, 1 edit
    expect(matcher.classify('coddeyne').status).toBe('PROBABLE'); // 8 letters, 2 edits
    expect(matcher.classify('codyyne').status).toBe('UNRECOGNISED'); // 7 letters, 2 edits
    expect(matcher.classify('hydrocdn').status).toBe('UNRECOGNISED'); // 8 letters, 3 edits
  });

  it('never reads a word under 5 letters as a misspelling', () => {
    expect(matcher.classify('oxyc').status).toBe('UNRECOGNISED');
  });

  it('prefers an exact name over a near one: a look-alike in the vocabulary is not an opioid', () => {
    expect(matcher.classify('oxybutynin 5 mg')).toMatchObject({ status: 'RECOGNISED', classes: ['OTHER'] });
    expect(matcher.isOpioid('oxybutynin')).toBe(false);
    expect(matcher.isOpioid('naltrexone 4.5 mg')).toBe(false);
  });

  it('keeps a probable opioid probable when a recognised drug is written beside it', () => {
    expect(matcher.classify('hydrocodon/acetaminophen')).toMatchObject({
      status: 'PROBABLE',
      ingredients: ['acetaminophen', 'hydrocodone'],
      matched: ['acetaminophen'],
    });
  });

  it('leaves a name with an unknown word unrecognised, unless an opioid was recognised', () => {
    expect(matcher.classify('gabapentin zorblax')).toMatchObject({
      status: 'UNRECOGNISED',
      ingredients: [],
      unmatchedWords: ['zorblax'],
    });
    expect(matcher.classify('codeine zorblax')).toMatchObject({
      status: 'RECOGNISED',
      ingredients: ['codeine'],
    });
  });

  it('suggests a near name for an unrecognised non-opioid', () => {
    expect(matcher.classify('gabapentn')).toMatchObject({ status: 'UNRECOGNISED', suggestion: 'gabapentin' });
  });

  it.each(['', '   ', '10 mg', 'tablet', '\u0000'])('finds nothing in %j', (text) => {
    expect(matcher.classify(text)).toMatchObject({ status: 'UNRECOGNISED', ingredients: [], classes: [] });
  });
});

describe('DrugMatcher.search', () => {
  it('lists the exact name first, then names starting with the text', () => {
    const terms = matcher.search('tylenol', 10).map((hit) => hit.term);
    expect(terms[0]).toBe('Tylenol');
    expect(terms).toEqual(['Tylenol', 'Tylenol #3', 'Tylenol with codeine']);
  });

  it('says which hits are opioids', () => {
    const hits = matcher.search('tyl', 10);
    expect(hits.find((hit) => hit.term === 'Tylenol')?.isOpioid).toBe(false);
    expect(hits.find((hit) => hit.term === 'Tylenol #3')?.isOpioid).toBe(true);
  });

  it('finds a name by a later word and by a synonym', () => {
    expect(matcher.search('contin', 5).map((hit) => hit.concept.name)).toContain('MS Contin');
    expect(matcher.search('apap', 5).map((hit) => hit.concept.name)).toEqual(['acetaminophen']);
  });

  it('offers the opioid a misspelling stands for', () => {
    expect(matcher.search('oxycodon', 5).map((hit) => hit.concept.name)).toContain('oxycodone');
  });

  it('honours the limit and answers nothing for an empty text', () => {
    expect(matcher.search('o', 2)).toHaveLength(2);
    expect(matcher.search('  ', 10)).toEqual([]);
  });
});

describe('DrugMatcher data checks', () => {
  it('refuses a product naming an ingredient the vocabulary lacks', () => {
    expect(
      () =>
        new DrugMatcher({ ingredients: [], products: [{ name: 'Percocet', ingredients: ['oxycodone'] }] }),
    ).toThrow(VocabularyError);
  });

  it('refuses one name for two concepts', () => {
    expect(
      () =>
        new DrugMatcher({
          ingredients: [
            { name: 'oxycodone', classes: ['OPIOID'], synonyms: ['oxy'] },
            { name: 'oxymorphone', classes: ['OPIOID'], synonyms: ['oxy'] },
          ],
          products: [],
        }),
    ).toThrow(VocabularyError);
  });
});

// §11: how a drug name as a person types it becomes words the vocabulary can be matched against.
// Names in the vocabulary go through the same tokeniser, so "Tylenol #3", "Tylenol No. 3" and
// "tylenol 3" are the same words.

/**
 * The words of a drug name: lower-case, diacritics and punctuation gone, "w/" read as "with",
 * "#3" and "No. 3" read as "3", numbers kept as tokens ("5/325" → "5", "325"; "4.5" stays one).
 */
export function drugTokens(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\bw\s*\/\s*o\b/g, ' without ')
    .replace(/\bw\s*\//g, ' with ')
    .replace(/&/g, ' and ')
    // "No. 3", "no 3": the number of a numbered product (Tylenol No. 3), not the word "no".
    .replace(/\bno\.?\s*(?=\d)/g, ' ');
  return folded.match(/\d+(?:\.\d+)?|[a-z]+/g) ?? [];
}

/**
 * Words that say how, how much or when, not what: units, dosage forms, release and salt words,
 * directions and connectors. They never make a name unrecognised, and they are matched only when
 * part of a known multi-word name ("oxy IR", "Soma Compound").
 */
export const NON_NAME_WORDS: ReadonlySet<string> = new Set(
  `
  mg mcg ug g gm gram grams ml l unit units iu meq mmol percent pct hr hrs h hour hours min
  day days daily bid tid qid qd qod qhs hs qam qpm prn po pr sl iv im sc sq subq subcut top q d x per
  tab tabs tablet tablets cap caps capsule capsules patch patches film films syrup syrups liquid
  solution soln sol susp suspension elixir oral orally drops drop spray sprays nasal inj injection
  injectable cream gel ointment lozenge lozenges troche troches buccal sublingual transdermal powder
  granules packet packets vial vials pen pens kit suppository suppositories rectal ophthalmic
  chewable odt dispersible disintegrating effervescent pill pills lollipop implant
  er ir xr sr cr la dr xl ec ext xt cd extended immediate release released delayed controlled
  sustained long short acting
  hcl hydrochloride hbr hydrobromide sulfate sulphate bitartrate tartrate phosphate citrate sodium
  potassium acetate maleate mesylate besylate succinate fumarate dihydrate monohydrate anhydrous
  base hyclate napsylate pamoate polistirex tannate salt
  generic brand name as needed with and plus without of the for at bedtime night nightly morning
  evening take takes taking taken by mouth every each one two three half in on to or a an
  extra strength maximum max ultra forte advanced original regular children childrens adult adults
  infant low dose doses dosage
  compounded usp otc rx relief reliever pain
`
    .trim()
    .split(/\s+/),
);

/** True when a word of a name can be left unmatched without making the name unrecognised. */
export function isNonNameWord(token: string): boolean {
  return NON_NAME_WORDS.has(token) || /^\d/.test(token) || token.length === 1;
}

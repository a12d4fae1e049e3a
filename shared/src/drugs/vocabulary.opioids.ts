/**
 * §3, §10 and §11: the opioid part of the drug vocabulary — every opioid ingredient (agonists, partial
 * agonists, mixed agonist–antagonists) marketed in the US in the last 20 years, the non-opioid
 * ingredients of opioid combination products, and the brands and combination products that contain
 * an opioid (single-ingredient, combination, cough/cold and buprenorphine products, including
 * discontinued ones still seen on old medication lists).
 *
 * Compiled 2026-11-27. Where the lists come from (facts only; no file was copied):
 * - The CDC Opioid CDS implementation guide, github.com/cqframework/opioid-cds-r4 (snapshot of
 *   commit b29bdcbf, 2025-09-26): the value sets in input/vocabulary/valueset/ (expansions dated
 *   2025-02-24: opioid-analgesics-with-ambulatory-misuse-potential, extended-release-opioid-…,
 *   buprenorphine(-and-methadone)-medications, methadone-medications, fentanyl-type-medications,
 *   oxycodone-medications, non-synthetic-opioid-medications, synthetic-opioid-medications,
 *   naloxone-medications), whose RxNorm clinical-drug display names give each brand in brackets with
 *   its ingredients ("Homatropine Methylbromide 1.5 MG / Hydrocodone Bitartrate 5 MG Oral Tablet
 *   [Hycodan]"); and the MME data in input/cql/ (OMTKData2020.cql, generated from an RxNav data store
 *   of 2020-01-13, with ingredientCode/ingredientName for every opioid clinical drug;
 *   OMTKLogicMK2020.cql and CDCMMEClinicalConversionFactors.cql, ingredient-code conversion tables).
 * - FDA labels and the Orange Book (current and discontinued US brands), as known to the compiler,
 *   for brands that those value sets leave out (injectables, products withdrawn before 2020:
 *   Avinza, Onsolis, Palladone, Darvon/Darvocet, Combunox, Vantrela ER, ORLAAM, …). A brand missing
 *   here is UNRECOGNISED (a clinician must classify it), never silently "not an opioid".
 * - Left out on purpose: veterinary brands in those data (Simbadol, Zorbium, Recuvyra, Torbugesic,
 *   Animalgesics, …), and brands whose name without its suffix is another, non-opioid product (the
 *   matcher also finds "Xtampza ER" as "Xtampza", so "Allfen CD" would make plain Allfen — guaifenesin
 *   — an opioid; likewise Ambifed CD, Maxifed CD, Maxiphen CD, P-V-Tussin ("Tussin"), B-Tuss ("Tuss"),
 *   S-T Forte 2 ("Forte"), Pseudodine C, Relcof C, Tusnel C, Zotex C). Those stay UNRECOGNISED.
 *
 * RxCUIs (`rxcui`: RxNorm ingredient, TTY=IN) are given only where a published code list states the
 * code next to the ingredient's name and a second list agrees; none is from memory. The second list
 * is either another artifact of the CDC guide, made separately (a generated RxNav extract [D] against
 * hand-written conversion tables [M][F] and value-set scripts [V]), or an independent project ([C],
 * [O]); a code marked only [D][M] or [D][F][M] has no independent confirmation yet. Sources:
 * - [D] opioid-cds-r4 input/cql/OMTKData2020.cql: ingredientCode + ingredientName on every row.
 * - [M] opioid-cds-r4 input/cql/OMTKLogicMK2020.cql: GetConversionFactor, one "when <code>" per
 *   ingredient with its name in a comment.
 * - [F] opioid-cds-r4 input/cql/CDCMMEClinicalConversionFactors.cql: concept code + display.
 * - [V] opioid-cds-r4 value-set rules text (RxMix scripts) naming the ingredient codes of a value set:
 *   methadone 6813 (TTY=IN), buprenorphine 1819, oxycodone 7804, naloxone 7242; "fentanyl, sufentanil,
 *   alfentanil, remifentanil: 4337 56795 480 73032"; the codes 2670, 7052 and 7676 for "morphine,
 *   codeine, opium" (that list is in numeric order; [D] pairs each code with its name).
 * - [C] CPIC database schema, drug table: github.com/cpicpgx/cpic-schema, drug.sql (commit 05f9b09c),
 *   rows "RxNorm:<code> <name>" — an independent project.
 * - [O] github.com/gdogra/OncoSafeRx src/data/rxcuiMap.js (codeine, tramadol, ibuprofen, aspirin).
 * A trailing comment names the sources that agree. Seen in one list only, so left out for now:
 * sufentanil 56795 and remifentanil 73032 ([V] by position only), nalbuphine 7238 and propoxyphene
 * 8785 ([D] only), benzhydrocodone and oliceridine (no opioid-cds-r4 list has them), and the
 * partners' codes that only [M] lists (acetaminophen 161, chlorpheniramine 2400, guaifenesin 5032, …).
 *
 * Decisions:
 * - diphenoxylate and difenoxin (Lomotil, Lonox, Motofen) are OPIOID: both are systemically absorbed
 *   mu-opioid agonists (meperidine congeners, DEA Schedules V and IV), and naltrexone is an opioid
 *   antagonist whatever the indication; a clinician who judges the antidiarrhoeal dose harmless with
 *   LDN can still decide, but the rules must not pass it silently.
 * - loperamide and eluxadoline are NOT listed (and so never OPIOID): peripherally restricted
 *   mu-opioid agonists at labelled doses (loperamide is kept out of the brain by P-glycoprotein;
 *   eluxadoline acts locally in the gut and is also a delta antagonist), unscheduled over the counter
 *   (loperamide), not analgesics, and loperamide is an everyday drug for Crohn's disease — one of the
 *   LDN indications. An unlisted name is UNRECOGNISED, so a clinician classifies it when it is recorded.
 * - dextromethorphan is not an opioid-receptor agonist: defined elsewhere as OTHER.
 * - heroin is listed under RxNorm's name, with diamorphine as a synonym; levomethadyl (ORLAAM,
 *   withdrawn 2003) and propoxyphene (withdrawn 2010) are listed because old records name them.
 * - Synonyms are whole names of the ingredient as people write them; salt and form words (HCl,
 *   bitartrate, ER, …) are stripped by the normaliser, so they are never listed. "ms" alone (multiple
 *   sclerosis) and "T3" (liothyronine) are never names here.
 * - The partners carry the brand names of their single-ingredient products that would otherwise be
 *   read as an opioid product: "Tylenol" is a synonym of acetaminophen (plain Tylenol is not Tylenol
 *   #3, and must not be read as a misspelling of it), and "Robitussin",
 *   "Mytussin", "Guiatuss" are synonyms of guaifenesin because they are within two edits of "Robitussin
 *   AC", "Mytussin AC", "Guiatuss AC" and would otherwise be probable opioids; "Phenergan" is a
 *   synonym of promethazine because it is within two edits of "Mepergan". (Plain "Cheratussin" and
 *   "Virtussin", names of codeine syrups, are left to read as probable opioids.)
 * - naloxone, naltrexone (OPIOID_ANTAGONIST) are defined in vocabulary.classes.ts; products here name them.
 */
import type { DrugClass, IngredientEntry, ProductEntry } from './drug-classes.ts';

const OPIOID: readonly DrugClass[] = ['OPIOID'];
const OTHER: readonly DrugClass[] = ['OTHER'];

/** Every opioid ingredient: agonists, partial agonists and mixed agonist–antagonists (§11). */
export const OPIOID_INGREDIENTS: readonly IngredientEntry[] = [
  // §3's list
  { name: 'morphine', classes: OPIOID, rxcui: '7052', synonyms: ['mso4'] }, // [D][F][V][C]
  { name: 'codeine', classes: OPIOID, rxcui: '2670' }, // [D][F][M][V][C][O]
  { name: 'oxycodone', classes: OPIOID, rxcui: '7804', synonyms: ['oxy'] }, // [D][F][M][V][C]
  { name: 'hydrocodone', classes: OPIOID, rxcui: '5489', synonyms: ['dihydrocodeinone'] }, // [D][F][M]
  { name: 'hydromorphone', classes: OPIOID, rxcui: '3423', synonyms: ['dihydromorphinone'] }, // [D][F][M]
  { name: 'oxymorphone', classes: OPIOID, rxcui: '7814' }, // [D][F][M]
  { name: 'fentanyl', classes: OPIOID, rxcui: '4337' }, // [D][F][M][V][C]
  { name: 'tramadol', classes: OPIOID, rxcui: '10689' }, // [D][M][C][O]
  { name: 'tapentadol', classes: OPIOID, rxcui: '787390' }, // [D][M]
  { name: 'methadone', classes: OPIOID, rxcui: '6813' }, // [D][F][M][V][C]
  { name: 'buprenorphine', classes: OPIOID, rxcui: '1819', synonyms: ['bupe'] }, // [D][M][V]
  { name: 'meperidine', classes: OPIOID, rxcui: '6754', synonyms: ['pethidine'] }, // [D][M]
  { name: 'levorphanol', classes: OPIOID, rxcui: '6378' }, // [D][M]
  // §10's additions
  { name: 'dihydrocodeine', classes: OPIOID, rxcui: '23088' }, // [D][M]
  { name: 'pentazocine', classes: OPIOID, rxcui: '8001' }, // [D][M]
  { name: 'butorphanol', classes: OPIOID, rxcui: '1841' }, // [D][M]
  { name: 'nalbuphine', classes: OPIOID },
  { name: 'sufentanil', classes: OPIOID },
  { name: 'remifentanil', classes: OPIOID },
  { name: 'alfentanil', classes: OPIOID, rxcui: '480' }, // [V][C]
  { name: 'opium', classes: OPIOID, rxcui: '7676', synonyms: ['laudanum'] }, // [D][V]
  { name: 'benzhydrocodone', classes: OPIOID },
  // Marketed in the US in the last 20 years, or named on old records
  { name: 'oliceridine', classes: OPIOID },
  { name: 'propoxyphene', classes: OPIOID, synonyms: ['dextropropoxyphene'] },
  { name: 'levomethadyl', classes: OPIOID, rxcui: '237005', synonyms: ['laam', 'levacetylmethadol'] }, // [D][M]
  { name: 'heroin', classes: OPIOID, synonyms: ['diamorphine', 'diacetylmorphine'] },
  { name: 'diphenoxylate', classes: OPIOID }, // see the header: a systemic mu agonist
  { name: 'difenoxin', classes: OPIOID }, // diphenoxylate's active metabolite (Motofen)
  // Kratom's alkaloid: a mu-opioid partial agonist patients list as a "supplement"; naltrexone
  // precipitates withdrawal in regular users, so it stops a start like any opioid.
  { name: 'mitragynine', classes: OPIOID, synonyms: ['kratom', '7-hydroxymitragynine', '7-oh'] },
];

/** The non-opioid ingredients of the opioid combination products below (class OTHER). */
export const OPIOID_COMBINATION_PARTNERS: readonly IngredientEntry[] = [
  { name: 'acetaminophen', classes: OTHER, synonyms: ['apap', 'paracetamol', 'tylenol'] },
  { name: 'ibuprofen', classes: OTHER, rxcui: '5640' }, // [M][O]
  { name: 'aspirin', classes: OTHER, rxcui: '1191', synonyms: ['asa', 'acetylsalicylic acid'] }, // [M][C][O]
  { name: 'celecoxib', classes: OTHER },
  { name: 'caffeine', classes: OTHER, rxcui: '1886' }, // [M][C]
  { name: 'butalbital', classes: OTHER },
  { name: 'carisoprodol', classes: OTHER, rxcui: '2101' }, // [M][C]
  { name: 'homatropine', classes: OTHER },
  { name: 'atropine', classes: OTHER },
  { name: 'belladonna alkaloids', classes: OTHER, synonyms: ['belladonna'] },
  { name: 'chlorpheniramine', classes: OTHER },
  { name: 'brompheniramine', classes: OTHER },
  { name: 'dexbrompheniramine', classes: OTHER },
  { name: 'dexchlorpheniramine', classes: OTHER },
  { name: 'chlorcyclizine', classes: OTHER },
  { name: 'pyrilamine', classes: OTHER },
  { name: 'triprolidine', classes: OTHER },
  { name: 'promethazine', classes: OTHER, synonyms: ['phenergan'] },
  { name: 'guaifenesin', classes: OTHER, synonyms: ['robitussin', 'mytussin', 'guiatuss'] },
  { name: 'guaiacolsulfonate', classes: OTHER },
  { name: 'pseudoephedrine', classes: OTHER },
  { name: 'phenylephrine', classes: OTHER },
];

/** Shorthands for the ingredient lists of the products below. */
const APAP = 'acetaminophen';

/**
 * Brands and combination products that contain an opioid, with their ingredients (canonical names
 * from the two lists above, or naloxone / naltrexone from vocabulary.classes.ts). Generic-name
 * combinations ("oxycodone/acetaminophen", "promethazine with codeine") need no entry: each
 * ingredient word is found by itself.
 */
export const OPIOID_PRODUCTS: readonly ProductEntry[] = [
  // Oxycodone
  { name: 'OxyContin', ingredients: ['oxycodone'] },
  { name: 'Roxicodone', ingredients: ['oxycodone'], aliases: ['Roxy'] },
  { name: 'OxyIR', ingredients: ['oxycodone'], aliases: ['oxy IR'] },
  { name: 'OxyFast', ingredients: ['oxycodone'] },
  { name: 'Oxecta', ingredients: ['oxycodone'] },
  { name: 'Oxaydo', ingredients: ['oxycodone'] },
  { name: 'RoxyBond', ingredients: ['oxycodone'] },
  { name: 'Xtampza ER', ingredients: ['oxycodone'] },
  { name: 'Percocet', ingredients: ['oxycodone', APAP], aliases: ['Percs'] },
  { name: 'Endocet', ingredients: ['oxycodone', APAP] },
  { name: 'Roxicet', ingredients: ['oxycodone', APAP] },
  { name: 'Primlev', ingredients: ['oxycodone', APAP] },
  { name: 'Xartemis XR', ingredients: ['oxycodone', APAP] },
  { name: 'Nalocet', ingredients: ['oxycodone', APAP] },
  { name: 'Prolate', ingredients: ['oxycodone', APAP] },
  { name: 'Tylox', ingredients: ['oxycodone', APAP] },
  { name: 'Magnacet', ingredients: ['oxycodone', APAP] },
  { name: 'Xolox', ingredients: ['oxycodone', APAP] },
  { name: 'Oxycet', ingredients: ['oxycodone', APAP] },
  { name: 'Percodan', ingredients: ['oxycodone', 'aspirin'] },
  { name: 'Endodan', ingredients: ['oxycodone', 'aspirin'] },
  { name: 'Combunox', ingredients: ['oxycodone', 'ibuprofen'] },
  { name: 'Targiniq ER', ingredients: ['oxycodone', 'naloxone'] },
  { name: 'Troxyca ER', ingredients: ['oxycodone', 'naltrexone'] },

  // Hydrocodone and benzhydrocodone
  { name: 'Zohydro ER', ingredients: ['hydrocodone'] },
  { name: 'Hysingla ER', ingredients: ['hydrocodone'] },
  { name: 'Vantrela ER', ingredients: ['hydrocodone'] },
  { name: 'Vicodin', ingredients: ['hydrocodone', APAP], aliases: ['Vicodin ES', 'Vicodin HP'] },
  { name: 'Norco', ingredients: ['hydrocodone', APAP] },
  { name: 'Lortab', ingredients: ['hydrocodone', APAP] },
  { name: 'Lorcet', ingredients: ['hydrocodone', APAP], aliases: ['Lorcet Plus', 'Lorcet HD'] },
  { name: 'Xodol', ingredients: ['hydrocodone', APAP] },
  { name: 'Zydone', ingredients: ['hydrocodone', APAP] },
  { name: 'Verdrocet', ingredients: ['hydrocodone', APAP] },
  { name: 'Hycet', ingredients: ['hydrocodone', APAP] },
  { name: 'Zamicet', ingredients: ['hydrocodone', APAP] },
  { name: 'Maxidone', ingredients: ['hydrocodone', APAP] },
  { name: 'Anexsia', ingredients: ['hydrocodone', APAP] },
  { name: 'Co-Gesic', ingredients: ['hydrocodone', APAP] },
  { name: 'Hy-Phen', ingredients: ['hydrocodone', APAP] },
  { name: 'Vicoprofen', ingredients: ['hydrocodone', 'ibuprofen'] },
  { name: 'Reprexain', ingredients: ['hydrocodone', 'ibuprofen'] },
  { name: 'Ibudone', ingredients: ['hydrocodone', 'ibuprofen'] },
  { name: 'Xylon', ingredients: ['hydrocodone', 'ibuprofen'] },
  { name: 'Apadaz', ingredients: ['benzhydrocodone', APAP] },

  // Hydromorphone, oxymorphone
  { name: 'Dilaudid', ingredients: ['hydromorphone'], aliases: ['Dilaudid-HP'] },
  { name: 'Exalgo', ingredients: ['hydromorphone'] },
  { name: 'Palladone', ingredients: ['hydromorphone'] },
  { name: 'Opana', ingredients: ['oxymorphone'], aliases: ['Opana ER'] },
  { name: 'Numorphan', ingredients: ['oxymorphone'] },

  // Morphine
  { name: 'MS Contin', ingredients: ['morphine'], aliases: ['MSContin'] },
  { name: 'MSIR', ingredients: ['morphine'], aliases: ['MS IR'] },
  { name: 'Kadian', ingredients: ['morphine'] },
  { name: 'Avinza', ingredients: ['morphine'] },
  { name: 'Arymo ER', ingredients: ['morphine'] },
  { name: 'MorphaBond ER', ingredients: ['morphine'] },
  { name: 'Oramorph SR', ingredients: ['morphine'] },
  { name: 'Roxanol', ingredients: ['morphine'] },
  { name: 'Duramorph', ingredients: ['morphine'] },
  { name: 'Infumorph', ingredients: ['morphine'] },
  { name: 'Astramorph', ingredients: ['morphine'] },
  { name: 'Mitigo', ingredients: ['morphine'] },
  { name: 'DepoDur', ingredients: ['morphine'] },
  { name: 'Embeda', ingredients: ['morphine', 'naltrexone'] },

  // Fentanyl and its congeners
  { name: 'Duragesic', ingredients: ['fentanyl'] },
  { name: 'Actiq', ingredients: ['fentanyl'] },
  { name: 'Fentora', ingredients: ['fentanyl'] },
  { name: 'Onsolis', ingredients: ['fentanyl'] },
  { name: 'Abstral', ingredients: ['fentanyl'] },
  { name: 'Subsys', ingredients: ['fentanyl'] },
  { name: 'Lazanda', ingredients: ['fentanyl'] },
  { name: 'Ionsys', ingredients: ['fentanyl'] },
  { name: 'Sublimaze', ingredients: ['fentanyl'] },
  { name: 'Sufenta', ingredients: ['sufentanil'] },
  { name: 'Dsuvia', ingredients: ['sufentanil'] },
  { name: 'Alfenta', ingredients: ['alfentanil'] },
  { name: 'Ultiva', ingredients: ['remifentanil'] },

  // Methadone, levomethadyl
  { name: 'Dolophine', ingredients: ['methadone'] },
  { name: 'Methadose', ingredients: ['methadone'] },
  { name: 'Diskets', ingredients: ['methadone'] },
  { name: 'ORLAAM', ingredients: ['levomethadyl'] },

  // Buprenorphine
  { name: 'Suboxone', ingredients: ['buprenorphine', 'naloxone'] },
  { name: 'Zubsolv', ingredients: ['buprenorphine', 'naloxone'] },
  { name: 'Bunavail', ingredients: ['buprenorphine', 'naloxone'] },
  { name: 'Cassipa', ingredients: ['buprenorphine', 'naloxone'] },
  { name: 'Subutex', ingredients: ['buprenorphine'] },
  { name: 'Sublocade', ingredients: ['buprenorphine'] },
  { name: 'Brixadi', ingredients: ['buprenorphine'] },
  { name: 'Probuphine', ingredients: ['buprenorphine'] },
  { name: 'Butrans', ingredients: ['buprenorphine'] },
  { name: 'Belbuca', ingredients: ['buprenorphine'] },
  { name: 'Buprenex', ingredients: ['buprenorphine'] },

  // Tramadol, tapentadol
  { name: 'Ultram', ingredients: ['tramadol'], aliases: ['Ultram ER'] },
  { name: 'ConZip', ingredients: ['tramadol'] },
  { name: 'Ryzolt', ingredients: ['tramadol'] },
  { name: 'Rybix ODT', ingredients: ['tramadol'] },
  { name: 'Qdolo', ingredients: ['tramadol'] },
  { name: 'Ultracet', ingredients: ['tramadol', APAP] },
  { name: 'Seglentis', ingredients: ['tramadol', 'celecoxib'] },
  { name: 'Nucynta', ingredients: ['tapentadol'], aliases: ['Nucynta ER'] },

  // Meperidine, levorphanol, mixed agonist–antagonists, oliceridine, propoxyphene
  { name: 'Demerol', ingredients: ['meperidine'] },
  { name: 'Meperitab', ingredients: ['meperidine'] },
  { name: 'Mepergan', ingredients: ['meperidine', 'promethazine'] },
  { name: 'Levo-Dromoran', ingredients: ['levorphanol'] },
  { name: 'Talwin', ingredients: ['pentazocine'] },
  { name: 'Talwin NX', ingredients: ['pentazocine', 'naloxone'] },
  { name: 'Talwin Compound', ingredients: ['pentazocine', 'aspirin'] },
  { name: 'Talacen', ingredients: ['pentazocine', APAP] },
  { name: 'Stadol', ingredients: ['butorphanol'], aliases: ['Stadol NS'] },
  { name: 'Nubain', ingredients: ['nalbuphine'] },
  { name: 'Olinvyk', ingredients: ['oliceridine'] },
  { name: 'Darvon', ingredients: ['propoxyphene'], aliases: ['Darvon-N'] },
  { name: 'Darvon Compound', ingredients: ['propoxyphene', 'aspirin', 'caffeine'] },
  { name: 'Darvocet', ingredients: ['propoxyphene', APAP], aliases: ['Darvocet-N'] },
  { name: 'Balacet', ingredients: ['propoxyphene', APAP] },

  // Codeine and dihydrocodeine analgesics
  { name: 'Tylenol with Codeine', ingredients: [APAP, 'codeine'], aliases: ['Tylenol-Codeine'] },
  { name: 'Tylenol #2', ingredients: [APAP, 'codeine'], aliases: ['Tylenol 2', 'Tylenol with Codeine #2'] },
  { name: 'Tylenol #3', ingredients: [APAP, 'codeine'], aliases: ['Tylenol 3', 'Tylenol with Codeine #3'] },
  { name: 'Tylenol #4', ingredients: [APAP, 'codeine'], aliases: ['Tylenol 4', 'Tylenol with Codeine #4'] },
  { name: 'Capital and Codeine', ingredients: [APAP, 'codeine'] },
  { name: 'Codrix', ingredients: [APAP, 'codeine'] },
  { name: 'Fioricet with Codeine', ingredients: [APAP, 'butalbital', 'caffeine', 'codeine'] },
  { name: 'Fiorinal with Codeine', ingredients: ['aspirin', 'butalbital', 'caffeine', 'codeine'] },
  {
    name: 'Ascomp with Codeine',
    ingredients: ['aspirin', 'butalbital', 'caffeine', 'codeine'],
    aliases: ['Ascomp'],
  },
  { name: 'Soma Compound with Codeine', ingredients: ['carisoprodol', 'aspirin', 'codeine'] },
  { name: 'Synalgos-DC', ingredients: ['dihydrocodeine', 'aspirin', 'caffeine'], aliases: ['Synalgos'] },
  { name: 'Trezix', ingredients: ['dihydrocodeine', APAP, 'caffeine'] },
  { name: 'Panlor', ingredients: ['dihydrocodeine', APAP, 'caffeine'] },
  { name: 'Dvorah', ingredients: ['dihydrocodeine', APAP, 'caffeine'] },

  // Antidiarrhoeals and opium (see the header for why these are opioids)
  { name: 'Lomotil', ingredients: ['diphenoxylate', 'atropine'] },
  { name: 'Lonox', ingredients: ['diphenoxylate', 'atropine'] },
  { name: 'Motofen', ingredients: ['difenoxin', 'atropine'] },
  { name: 'Paregoric', ingredients: ['opium'] },
  { name: 'B&O Supprettes', ingredients: ['belladonna alkaloids', 'opium'] },

  // Cough and cold: hydrocodone
  { name: 'Hycodan', ingredients: ['hydrocodone', 'homatropine'] },
  { name: 'Hydromet', ingredients: ['hydrocodone', 'homatropine'] },
  { name: 'Tussigon', ingredients: ['hydrocodone', 'homatropine'] },
  { name: 'Tussionex', ingredients: ['hydrocodone', 'chlorpheniramine'] },
  { name: 'TussiCaps', ingredients: ['hydrocodone', 'chlorpheniramine'] },
  { name: 'Vituz', ingredients: ['hydrocodone', 'chlorpheniramine'] },
  { name: 'Hycofenix', ingredients: ['hydrocodone', 'guaifenesin', 'pseudoephedrine'] },
  { name: 'Flowtuss', ingredients: ['hydrocodone', 'guaifenesin'] },
  { name: 'Obredon', ingredients: ['hydrocodone', 'guaifenesin'] },
  { name: 'Rezira', ingredients: ['hydrocodone', 'pseudoephedrine'] },
  { name: 'Zutripro', ingredients: ['hydrocodone', 'chlorpheniramine', 'pseudoephedrine'] },
  { name: 'Bromplex HD', ingredients: ['hydrocodone', 'brompheniramine', 'pseudoephedrine'] },
  { name: 'De-Chlor HC', ingredients: ['hydrocodone', 'chlorpheniramine', 'phenylephrine'] },
  { name: 'De-Chlor G', ingredients: ['hydrocodone', 'guaifenesin', 'phenylephrine'] },
  { name: 'De-Chlor MR', ingredients: ['hydrocodone', 'pyrilamine', 'phenylephrine'] },
  { name: 'De-Chlor NX', ingredients: ['hydrocodone', 'guaiacolsulfonate'] },
  { name: 'Drituss HD', ingredients: ['hydrocodone', 'guaifenesin', 'pseudoephedrine'] },
  { name: 'Drotuss CP', ingredients: ['hydrocodone', 'chlorpheniramine', 'phenylephrine'] },
  { name: 'Dytan-HC', ingredients: ['hydrocodone', 'diphenhydramine', 'phenylephrine'] },
  { name: 'Entuss-D', ingredients: ['hydrocodone', 'pseudoephedrine'] },
  { name: 'Exetuss HC', ingredients: ['hydrocodone', 'guaifenesin', 'phenylephrine'] },
  { name: 'Hy-KXP', ingredients: ['hydrocodone', 'guaiacolsulfonate'] },
  { name: 'Hydro GP', ingredients: ['hydrocodone', 'guaifenesin', 'phenylephrine'] },
  { name: 'Hydro-PC II', ingredients: ['hydrocodone', 'chlorpheniramine', 'phenylephrine'] },
  { name: 'Hydrofed', ingredients: ['hydrocodone', 'guaifenesin', 'phenylephrine'] },
  { name: 'Hydron CP', ingredients: ['hydrocodone', 'chlorpheniramine', 'phenylephrine'] },
  { name: 'Hydron EX', ingredients: ['hydrocodone', 'guaiacolsulfonate'] },
  { name: 'Hydron KGS', ingredients: ['hydrocodone', 'guaiacolsulfonate'] },
  { name: 'Hyphed', ingredients: ['hydrocodone', 'chlorpheniramine', 'pseudoephedrine'] },
  { name: 'KGS HC', ingredients: ['hydrocodone', 'guaiacolsulfonate'] },
  { name: 'Nalex Expectorant', ingredients: ['hydrocodone', 'guaifenesin', 'pseudoephedrine'] },
  { name: 'Nariz HC', ingredients: ['hydrocodone', 'guaifenesin', 'phenylephrine'] },
  { name: 'Nazarin HC', ingredients: ['hydrocodone', 'guaifenesin', 'phenylephrine'] },
  { name: 'Poly-Tussin', ingredients: ['hydrocodone', 'chlorpheniramine', 'phenylephrine'] },
  { name: 'Prolex DH', ingredients: ['hydrocodone', 'guaiacolsulfonate'] },
  { name: 'Relasin HC', ingredients: ['hydrocodone', 'chlorpheniramine', 'phenylephrine'] },
  { name: 'Simuc-HD', ingredients: ['hydrocodone', 'guaifenesin', 'phenylephrine'] },
  { name: 'Su-Tuss HD', ingredients: ['hydrocodone', 'guaifenesin', 'pseudoephedrine'] },
  { name: 'Triant-HC', ingredients: ['hydrocodone', 'chlorpheniramine', 'phenylephrine'] },
  { name: 'Vanacon', ingredients: ['hydrocodone', 'guaifenesin', 'pseudoephedrine'] },
  { name: 'Z-Cof HC', ingredients: ['hydrocodone', 'chlorpheniramine', 'phenylephrine'] },
  { name: 'Zotex HC', ingredients: ['hydrocodone', 'dexchlorpheniramine', 'phenylephrine'] },

  // Cough and cold: codeine and dihydrocodeine
  { name: 'Tuzistra XR', ingredients: ['codeine', 'chlorpheniramine'] },
  { name: 'Tuxarin ER', ingredients: ['codeine', 'chlorpheniramine'] },
  { name: 'Phenergan with Codeine', ingredients: ['promethazine', 'codeine'] },
  {
    name: 'Promethazine VC with Codeine',
    ingredients: ['promethazine', 'phenylephrine', 'codeine'],
    aliases: ['Phenergan VC with Codeine'],
  },
  { name: 'Robitussin AC', ingredients: ['codeine', 'guaifenesin'] },
  { name: 'Cheratussin AC', ingredients: ['codeine', 'guaifenesin'] },
  { name: 'Cheratussin DAC', ingredients: ['codeine', 'guaifenesin', 'pseudoephedrine'] },
  { name: 'Virtussin AC', ingredients: ['codeine', 'guaifenesin'] },
  { name: 'Guiatuss AC', ingredients: ['codeine', 'guaifenesin'] },
  { name: 'Mytussin AC', ingredients: ['codeine', 'guaifenesin'] },
  { name: 'Cheracol with Codeine', ingredients: ['codeine', 'guaifenesin'] },
  { name: 'Brontex', ingredients: ['codeine', 'guaifenesin'] },
  { name: 'Allfen CDX', ingredients: ['codeine', 'guaifenesin'] },
  { name: 'M-Clear WC', ingredients: ['codeine', 'guaifenesin'] },
  { name: 'Robafen AC', ingredients: ['codeine', 'guaifenesin'] },
  { name: 'Mar-cof CG', ingredients: ['codeine', 'guaifenesin'] },
  { name: 'Ninjacof XG', ingredients: ['codeine', 'guaifenesin'] },
  { name: 'Codar GF', ingredients: ['codeine', 'guaifenesin'] },
  { name: 'Maxiphen CDX', ingredients: ['codeine', 'guaifenesin', 'phenylephrine'] },
  { name: 'Lortuss EX', ingredients: ['codeine', 'guaifenesin', 'pseudoephedrine'] },
  { name: 'Biotussin', ingredients: ['codeine', 'guaifenesin', 'pseudoephedrine'] },
  { name: 'Nucofed Expectorant', ingredients: ['codeine', 'guaifenesin', 'pseudoephedrine'] },
  { name: 'Phenylhistine Expectorant', ingredients: ['codeine', 'guaifenesin', 'pseudoephedrine'] },
  { name: 'Zodryl DEC', ingredients: ['codeine', 'guaifenesin', 'pseudoephedrine'] },
  { name: 'Nucofed', ingredients: ['codeine', 'pseudoephedrine'] },
  { name: 'Codar D', ingredients: ['codeine', 'pseudoephedrine'] },
  { name: 'Codar AR', ingredients: ['codeine', 'chlorpheniramine'] },
  { name: 'Cotab A', ingredients: ['codeine', 'chlorpheniramine'] },
  { name: 'Cotab AX', ingredients: ['codeine', 'chlorpheniramine'] },
  { name: 'Zodryl AC', ingredients: ['codeine', 'chlorpheniramine'] },
  { name: 'Zodryl DAC', ingredients: ['codeine', 'chlorpheniramine', 'pseudoephedrine'] },
  { name: 'Z Tuss AC', ingredients: ['codeine', 'chlorpheniramine'] },
  { name: 'Phenylhistine DH', ingredients: ['codeine', 'chlorpheniramine', 'pseudoephedrine'] },
  { name: 'Colrex', ingredients: ['codeine', APAP, 'chlorpheniramine', 'phenylephrine'] },
  { name: 'Triacin-C', ingredients: ['codeine', 'pseudoephedrine', 'triprolidine'] },
  { name: 'Poly Hist NC', ingredients: ['codeine', 'pseudoephedrine', 'triprolidine'] },
  { name: 'Histex AC', ingredients: ['codeine', 'phenylephrine', 'triprolidine'] },
  { name: 'Ala-Hist AC', ingredients: ['codeine', 'phenylephrine'] },
  { name: 'Notuss PE', ingredients: ['codeine', 'phenylephrine'] },
  { name: 'Notuss-NX', ingredients: ['codeine', 'chlorcyclizine'] },
  { name: 'Notuss-NXD', ingredients: ['codeine', 'chlorcyclizine', 'pseudoephedrine'] },
  { name: 'Statuss Green', ingredients: ['codeine', 'chlorcyclizine', 'pseudoephedrine'] },
  { name: 'Nalex AC', ingredients: ['codeine', 'brompheniramine'] },
  { name: 'BroveX CB', ingredients: ['codeine', 'brompheniramine'] },
  { name: 'Brovex PBC', ingredients: ['codeine', 'brompheniramine', 'phenylephrine'] },
  { name: 'M-End PE', ingredients: ['codeine', 'brompheniramine', 'phenylephrine'] },
  { name: 'Mar-cof BP', ingredients: ['codeine', 'brompheniramine', 'pseudoephedrine'] },
  { name: 'M-End Max D', ingredients: ['codeine', 'dexbrompheniramine', 'pseudoephedrine'] },
  { name: 'ColdCough PD', ingredients: ['dihydrocodeine', 'chlorpheniramine', 'phenylephrine'] },
  { name: 'Poly Tussin EX', ingredients: ['dihydrocodeine', 'guaifenesin', 'phenylephrine'] },
];

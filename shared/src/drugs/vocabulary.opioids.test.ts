import { describe, expect, it } from 'vitest';
import { classifyDrug, isOpioid } from '../index.ts';
import type { IngredientEntry, ProductEntry } from './drug-classes.ts';
import { drugTokens } from './drug-text.ts';
import { OPIOID_COMBINATION_PARTNERS, OPIOID_INGREDIENTS, OPIOID_PRODUCTS } from './vocabulary.opioids.ts';
import { DRUG_VOCABULARY } from './vocabulary.ts';

// §3 and §11: names as prescriptions, old medication lists and patients write them. Each must reach
// the rules as an opioid — recognised, or probable (a misspelling) until a clinician says otherwise.
const OPIOID_NAMES: readonly string[] = [
  // §3's ingredients, as written on prescriptions
  'morphine',
  'Morphine sulfate 15 mg tab',
  'morphine sulfate ER 30 mg',
  'morphine IR 15 mg',
  'MSO4 2 mg IV',
  'codeine',
  'codeine sulfate 30 mg',
  'Codeine phosphate 30mg',
  'oxycodone',
  'OXYCODONE',
  'Oxycodone',
  'oxycodone 5 mg',
  'oxycodone HCl 10 mg tablet',
  'oxycodone ER 20 mg q12h',
  'oxy 5mg prn',
  'hydrocodone',
  'hydrocodone ER 20 mg',
  'Hydrocodone Bitartrate 10 mg',
  'hydromorphone 2 mg',
  'HYDROmorphone 1 mg/mL inj',
  'oxymorphone 5 mg',
  'oxyMORphone ER 10 mg',
  'fentanyl',
  'fentanyl 25 mcg/hr patch',
  'fentanyl transdermal 50 mcg/h q72h',
  'fentanyl citrate 100 mcg IV',
  'tramadol',
  'tramadol 50 mg',
  'traMADol HCl 50mg tab',
  'tramadol ER 100 mg daily',
  'tapentadol 50 mg',
  'methadone',
  'methadone 10 mg tab',
  'Methadone HCl 10 mg/mL oral concentrate',
  'buprenorphine',
  'buprenorphine 8 mg SL tab',
  'buprenorphine 5 mcg/hr patch',
  'meperidine 50 mg',
  'pethidine',
  'levorphanol 2 mg',
  // §10's and §11's additions
  'dihydrocodeine',
  'pentazocine',
  'pentazocine-naloxone 50/0.5 mg',
  'butorphanol nasal spray',
  'butorphanol tartrate 1 mg/mL',
  'nalbuphine 10 mg/mL',
  'sufentanil',
  'remifentanil infusion',
  'alfentanil',
  'opium tincture',
  'laudanum',
  'benzhydrocodone',
  'benzhydrocodone/APAP 6.12/325',
  'oliceridine',
  'heroin',
  'diamorphine',
  'propoxyphene',
  'levomethadyl acetate',
  'diphenoxylate-atropine 2.5-0.025 mg',
  'difenoxin',
  // Combinations written with their ingredients
  'oxycodone/acetaminophen',
  'oxycodone-acetaminophen 5-325 mg tab',
  'Oxycodone/APAP 10/325',
  'oxycodone-aspirin',
  'oxycodone/ibuprofen 5/400',
  'hydrocodone/acetaminophen 5/325',
  'hydrocodone-APAP 10/325',
  'hydrocodone bitartrate and acetaminophen 7.5 mg/325 mg',
  'hydrocodone-ibuprofen 7.5-200',
  'hydrocodone/homatropine 5-1.5 mg/5 mL',
  'hydrocodone/chlorpheniramine ER susp',
  'APAP/codeine 300/30',
  'acetaminophen-codeine #3',
  'acetaminophen w/ codeine 300-30',
  'codeine/acetaminophen',
  'tramadol/acetaminophen 37.5/325',
  'tramadol-APAP',
  'buprenorphine/naloxone',
  'buprenorphine-naloxone SL film',
  'buprenorphine and naloxone 8 mg-2 mg',
  'guaifenesin/codeine 100-10 mg/5 mL',
  'promethazine with codeine',
  'promethazine w/ codeine syrup',
  'promethazine-codeine',
  'morphine/naltrexone',
  'butalbital, acetaminophen, caffeine and codeine',
  'carisoprodol/aspirin/codeine',
  // Oxycodone brands
  'OxyContin',
  'OxyContin 10 mg',
  'Oxycontin 40mg q12h',
  'oxycontin',
  'OXYCONTIN 80 MG',
  'oxy IR',
  'Oxy IR 5 mg',
  'OxyIR',
  'OxyFast',
  'Roxicodone 15 mg',
  'Roxy',
  'Oxaydo 5 mg',
  'RoxyBond 15 mg',
  'Xtampza ER 9 mg',
  'Xtampza 13.5 mg',
  'Oxecta',
  'Percocet',
  'PERCOCET',
  'Percocet 5/325',
  'Percocet 10-325 mg',
  'percs',
  'Endocet 10/325',
  'Roxicet',
  'Primlev',
  'Xartemis XR',
  'Nalocet',
  'Prolate 10/300',
  'Tylox',
  'Magnacet',
  'Xolox',
  'Oxycet',
  'Percodan',
  'Endodan',
  'Combunox',
  'Targiniq ER',
  'Troxyca ER',
  // Hydrocodone brands
  'Vicodin',
  'Vicodin ES 7.5/750',
  'Vicodin HP',
  'Norco',
  'NORCO',
  'Norco 10/325',
  'Norco 5-325 mg tab',
  'Lortab 7.5/500',
  'Lortab elixir',
  'Lorcet 10/650',
  'Lorcet Plus',
  'Xodol 10/300',
  'Zydone',
  'Verdrocet',
  'Hycet 7.5-325 mg/15 mL',
  'Zamicet',
  'Maxidone',
  'Anexsia',
  'Co-Gesic',
  'Vicoprofen 7.5/200',
  'Reprexain',
  'Ibudone',
  'Xylon 10',
  'Zohydro ER 10mg',
  'Hysingla ER 30 mg',
  'Hysingla',
  'Vantrela ER',
  'Apadaz 6.12/325',
  // Hydromorphone, oxymorphone
  'Dilaudid',
  'dilaudid 4 mg',
  'Dilaudid-HP',
  'Exalgo 8 mg ER',
  'Palladone',
  'Opana',
  'Opana ER 10 mg',
  'Numorphan',
  // Morphine
  'MS Contin',
  'MS Contin 15mg ER',
  'MSContin 30',
  'ms contin 60 mg q12h',
  'MSIR',
  'MSIR 15 mg',
  'MS IR',
  'Kadian 20 mg',
  'Avinza 30 mg',
  'Arymo ER',
  'MorphaBond ER 15 mg',
  'Oramorph SR',
  'Roxanol 20 mg/mL',
  'Duramorph',
  'Infumorph',
  'Astramorph',
  'Mitigo',
  'DepoDur',
  'Embeda 20/0.8',
  // Fentanyl family
  'Duragesic 25 mcg/hr',
  'Duragesic',
  'Actiq 400 mcg lozenge',
  'Fentora 100 mcg buccal tablet',
  'Onsolis',
  'Abstral 100 mcg SL',
  'Subsys spray',
  'Lazanda nasal spray',
  'Ionsys',
  'Sublimaze',
  'Sufenta',
  'Dsuvia 30 mcg SL tablet',
  'Alfenta',
  'Ultiva',
  // Methadone, buprenorphine
  'Dolophine 10 mg',
  'Methadose 40 mg dispersible',
  'Diskets',
  'ORLAAM',
  'Suboxone',
  'SUBOXONE',
  'Suboxone 8-2 mg film',
  'Suboxone 8mg/2mg SL film daily',
  'Zubsolv 5.7/1.4',
  'Bunavail',
  'Cassipa',
  'Subutex 8 mg SL',
  'Sublocade 300 mg/1.5 mL injection',
  'Brixadi weekly',
  'Probuphine implant',
  'Butrans 5 mcg/hr',
  'Butrans patch',
  'Belbuca 150 mcg buccal film',
  'Buprenex',
  // Tramadol, tapentadol
  'Ultram',
  'Ultram 50mg',
  'Ultram ER 100',
  'ConZip 100 mg',
  'Ryzolt',
  'Rybix ODT',
  'Qdolo 5 mg/mL',
  'Ultracet 37.5/325',
  'Seglentis',
  'Nucynta 75 mg',
  'Nucynta ER 100 mg',
  // Others
  'Demerol 50 mg',
  'Meperitab',
  'Mepergan',
  'Levo-Dromoran',
  'Talwin',
  'Talwin NX',
  'Talacen',
  'Stadol NS',
  'Nubain',
  'Olinvyk',
  'Darvon',
  'Darvocet-N 100',
  'Darvon Compound-65',
  'Balacet',
  'Lomotil',
  'Lomotil 2.5 mg',
  'Lonox',
  'Motofen',
  'Paregoric',
  'B&O Supprettes',
  // Codeine and dihydrocodeine analgesics
  'Tylenol #3',
  'Tylenol No. 3',
  'Tylenol 3',
  'tylenol #3',
  'TYLENOL #4',
  'Tylenol #2',
  'Tylenol w/ codeine No. 4',
  'Tylenol with codeine #3',
  'Tylenol with Codeine',
  'Tylenol-Codeine No.3',
  'Capital and Codeine',
  'Fioricet with Codeine',
  'Fioricet w/ codeine 50-300-40-30',
  'Fiorinal with Codeine',
  'Fiorinal/codeine #3',
  'Ascomp with Codeine',
  'Soma Compound with Codeine',
  'Synalgos-DC',
  'Trezix',
  'Panlor',
  'Dvorah',
  // Cough and cold
  'Hycodan',
  'Hycodan syrup 5 mL',
  'Hydromet',
  'Tussigon',
  'Tussionex',
  'Tussionex 10 mL q12h',
  'Tussionex Pennkinetic',
  'TussiCaps',
  'Tuzistra XR',
  'Tuxarin ER',
  'Vituz',
  'Hycofenix',
  'Flowtuss',
  'Obredon',
  'Rezira',
  'Zutripro',
  'Phenergan with Codeine',
  'Promethazine VC with codeine',
  'Promethazine VC w/ codeine syrup',
  'Robitussin AC',
  'Robitussin AC 10 mL at bedtime',
  'Cheratussin AC 10 mL',
  'Cheratussin DAC',
  'Virtussin AC',
  'Guiatuss AC',
  'Mytussin AC',
  'Brontex',
  'Triacin-C',
  'Nucofed',
  'Poly-Tussin',
  'Notuss-NX',
  'Nalex AC',
  'Statuss Green',
  'Z-Cof HC',
  // Misspellings a person makes (one edit; two for 8+ letters; "ph" read as "f")
  'oxycodon 5 mg',
  'oxycodne',
  'oxicodone',
  'oxycodeine',
  'hydrocodon',
  'hydrocodine',
  'hydromorphine',
  'hydromorfone',
  'morfine',
  'morphene',
  'morphin 15 mg',
  'codiene',
  'codine',
  'fentanil',
  'fentanly',
  'fentenyl 25 mcg patch',
  'tramadal',
  'tramedol',
  'tramodol 50',
  'methadon',
  'methodone',
  'buprenorphin',
  'buprenorfine',
  'bupenorphine',
  'tapentadole',
  'meperadine',
  'Suboxon',
  'Suboxne film',
  'Subuxone',
  'Subotex',
  'Zubsolve',
  'Percoset',
  'Percocette',
  'Perocet',
  'Dilaudud',
  'Diluadid',
  'oxycontine',
  'Oxicontin',
  'Vicodine',
  'Vicadin',
  'Norcoe',
  'Lortabs',
  'Ultrum',
  'Duragesik',
  'Nucynata',
  'Hycodon',
  'Tusionex',
  'Kadien',
];

describe('the opioid vocabulary: names as people write them are opioids', () => {
  it('has at least 200 names to check', () => {
    expect(new Set(OPIOID_NAMES).size).toBeGreaterThanOrEqual(200);
  });

  it.each(OPIOID_NAMES)('%s is an opioid', (name) => {
    expect(isOpioid(name)).toBe(true);
  });
});

/** [text, status, exact ingredient set]. */
const EXPECTED: readonly (readonly [string, 'RECOGNISED' | 'PROBABLE', readonly string[]])[] = [
  ['Tylenol #3', 'RECOGNISED', ['acetaminophen', 'codeine']],
  ['Tylenol No. 3', 'RECOGNISED', ['acetaminophen', 'codeine']],
  ['Hycodan', 'RECOGNISED', ['hydrocodone', 'homatropine']],
  ['Embeda', 'RECOGNISED', ['morphine', 'naltrexone']],
  ['Suboxone', 'RECOGNISED', ['buprenorphine', 'naloxone']],
  ['Zubsolv', 'RECOGNISED', ['buprenorphine', 'naloxone']],
  ['Bunavail', 'RECOGNISED', ['buprenorphine', 'naloxone']],
  ['Subutex', 'RECOGNISED', ['buprenorphine']],
  ['Percocet 5/325', 'RECOGNISED', ['oxycodone', 'acetaminophen']],
  ['Percodan', 'RECOGNISED', ['oxycodone', 'aspirin']],
  ['Combunox', 'RECOGNISED', ['oxycodone', 'ibuprofen']],
  ['Targiniq ER', 'RECOGNISED', ['oxycodone', 'naloxone']],
  ['Troxyca ER', 'RECOGNISED', ['oxycodone', 'naltrexone']],
  ['Vicodin', 'RECOGNISED', ['hydrocodone', 'acetaminophen']],
  ['Norco 10/325', 'RECOGNISED', ['hydrocodone', 'acetaminophen']],
  ['Vicoprofen', 'RECOGNISED', ['hydrocodone', 'ibuprofen']],
  ['Apadaz', 'RECOGNISED', ['benzhydrocodone', 'acetaminophen']],
  ['Ultracet', 'RECOGNISED', ['tramadol', 'acetaminophen']],
  ['Seglentis', 'RECOGNISED', ['tramadol', 'celecoxib']],
  ['Talwin NX', 'RECOGNISED', ['pentazocine', 'naloxone']],
  ['Talacen', 'RECOGNISED', ['pentazocine', 'acetaminophen']],
  ['Fioricet with Codeine', 'RECOGNISED', ['acetaminophen', 'butalbital', 'caffeine', 'codeine']],
  ['Fiorinal with Codeine', 'RECOGNISED', ['aspirin', 'butalbital', 'caffeine', 'codeine']],
  ['Soma Compound with Codeine', 'RECOGNISED', ['carisoprodol', 'aspirin', 'codeine']],
  ['Synalgos-DC', 'RECOGNISED', ['dihydrocodeine', 'aspirin', 'caffeine']],
  ['Trezix', 'RECOGNISED', ['dihydrocodeine', 'acetaminophen', 'caffeine']],
  ['Tussionex', 'RECOGNISED', ['hydrocodone', 'chlorpheniramine']],
  ['Tuzistra XR', 'RECOGNISED', ['codeine', 'chlorpheniramine']],
  ['Zutripro', 'RECOGNISED', ['hydrocodone', 'chlorpheniramine', 'pseudoephedrine']],
  ['Rezira', 'RECOGNISED', ['hydrocodone', 'pseudoephedrine']],
  ['Phenergan with Codeine', 'RECOGNISED', ['promethazine', 'codeine']],
  ['Promethazine VC with codeine', 'RECOGNISED', ['promethazine', 'phenylephrine', 'codeine']],
  ['promethazine w/ codeine syrup', 'RECOGNISED', ['promethazine', 'codeine']],
  ['Robitussin AC', 'RECOGNISED', ['codeine', 'guaifenesin']],
  ['Triacin-C', 'RECOGNISED', ['codeine', 'pseudoephedrine', 'triprolidine']],
  ['Lomotil', 'RECOGNISED', ['diphenoxylate', 'atropine']],
  ['Motofen', 'RECOGNISED', ['difenoxin', 'atropine']],
  ['Mepergan', 'RECOGNISED', ['meperidine', 'promethazine']],
  ['Darvocet-N 100', 'RECOGNISED', ['propoxyphene', 'acetaminophen']],
  ['MS Contin 15mg ER', 'RECOGNISED', ['morphine']],
  ['oxy IR', 'RECOGNISED', ['oxycodone']],
  ['Duragesic 25 mcg/hr', 'RECOGNISED', ['fentanyl']],
  ['APAP/codeine 300/30', 'RECOGNISED', ['acetaminophen', 'codeine']],
  ['pethidine', 'RECOGNISED', ['meperidine']],
  ['diamorphine', 'RECOGNISED', ['heroin']],
  ['oxycodon 5 mg', 'PROBABLE', ['oxycodone']],
];

describe('the opioid vocabulary: brands and combinations reach their ingredients', () => {
  it.each(EXPECTED)('%s → %s %j', (text, status, ingredients) => {
    const result = classifyDrug(text);
    expect(result.status).toBe(status);
    expect([...result.ingredients].sort()).toEqual([...ingredients].sort());
    expect(result.classes).toContain('OPIOID');
  });

  it('suggests the opioid a misspelt word stands for', () => {
    expect(classifyDrug('oxycodon 5 mg')).toMatchObject({ status: 'PROBABLE', suggestion: 'oxycodone' });
    expect(classifyDrug('hydrocodon').suggestion).toBe('hydrocodone');
    expect(classifyDrug('Percoset').suggestion).toBe('Percocet');
    expect(classifyDrug('morfine').suggestion).toBe('morphine');
  });
});

// The combination partners and the decisions of the header must not turn ordinary drugs into opioids.
const NOT_OPIOIDS: readonly string[] = [
  'Tylenol 500 mg',
  'Tylenol Extra Strength',
  'acetaminophen 500 mg',
  'APAP 325 mg',
  'paracetamol',
  'ibuprofen 800 mg',
  'aspirin 81 mg',
  'ASA 81',
  'celecoxib 200 mg',
  'carisoprodol 350 mg',
  'butalbital/APAP/caffeine',
  'guaifenesin 400 mg',
  'Robitussin',
  'Mytussin',
  'Guiatuss',
  'promethazine 25 mg',
  'Phenergan 25 mg',
  'chlorpheniramine 4 mg',
  'pseudoephedrine 60 mg',
  'naloxone',
  'naltrexone 4.5 mg',
  'loperamide 2 mg',
  'eluxadoline 100 mg',
  'dextromethorphan',
];

describe('the opioid vocabulary: its partners and exclusions are not opioids', () => {
  it.each(NOT_OPIOIDS)('%s is not an opioid', (name) => {
    expect(isOpioid(name)).toBe(false);
  });
});

describe('the opioid vocabulary: data integrity', () => {
  const ownIngredients: readonly IngredientEntry[] = [...OPIOID_INGREDIENTS, ...OPIOID_COMBINATION_PARTNERS];
  const allIngredientNames = new Set(DRUG_VOCABULARY.ingredients.map((entry) => entry.name));

  it('defines every ingredient a product names (here, or the antagonists in the class lists)', () => {
    const undefinedIngredients = OPIOID_PRODUCTS.flatMap((product) =>
      product.ingredients
        .filter((name) => !allIngredientNames.has(name))
        .map((name) => `${product.name}: ${name}`),
    );
    expect(undefinedIngredients).toEqual([]);
  });

  it('lists every opioid ingredient as OPIOID and every partner as OTHER', () => {
    expect(OPIOID_INGREDIENTS.filter((entry) => entry.classes.join() !== 'OPIOID')).toEqual([]);
    expect(OPIOID_COMBINATION_PARTNERS.filter((entry) => entry.classes.join() !== 'OTHER')).toEqual([]);
  });

  it('has an opioid in every product', () => {
    const opioids = new Set(OPIOID_INGREDIENTS.map((entry) => entry.name));
    expect(
      OPIOID_PRODUCTS.filter((product) => !product.ingredients.some((name) => opioids.has(name))),
    ).toEqual([]);
  });

  it('names only antagonists, never opioids, among the ingredients defined elsewhere', () => {
    const own = new Set(ownIngredients.map((entry) => entry.name));
    const elsewhere = new Set(
      OPIOID_PRODUCTS.flatMap((product) => product.ingredients).filter((name) => !own.has(name)),
    );
    const classesOf = new Map(DRUG_VOCABULARY.ingredients.map((entry) => [entry.name, entry.classes]));
    for (const name of elsewhere) expect(classesOf.get(name)).not.toContain('OPIOID');
  });

  it('writes ingredient names and synonyms in lower case, without a salt or form word', () => {
    const written = ownIngredients.flatMap((entry) => [entry.name, ...(entry.synonyms ?? [])]);
    expect(written.filter((name) => name !== name.toLowerCase())).toEqual([]);
    const saltOrForm =
      /\b(hcl|hydrochloride|sulfate|bitartrate|phosphate|tartrate|citrate|er|ir|xr|sr|tablet|patch)\b/;
    expect(written.filter((name) => saltOrForm.test(name))).toEqual([]);
  });

  it('has no duplicate name, synonym or alias across the three lists', () => {
    const written = [
      ...ownIngredients.flatMap((entry) => [entry.name, ...(entry.synonyms ?? [])]),
      ...OPIOID_PRODUCTS.flatMap((product: ProductEntry) => [product.name, ...(product.aliases ?? [])]),
    ].map((name) => name.toLowerCase());
    expect(written.filter((name, index) => written.indexOf(name) !== index)).toEqual([]);
  });

  it('never gives two concepts the same words (after the normaliser)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    const add = (concept: string, written: string) => {
      const key = drugTokens(written).join(' ');
      const existing = owner.get(key);
      if (existing !== undefined && existing !== concept)
        clashes.push(`${written}: ${existing} / ${concept}`);
      owner.set(key, concept);
    };
    for (const entry of DRUG_VOCABULARY.ingredients)
      for (const written of [entry.name, ...(entry.synonyms ?? [])]) add(entry.name, written);
    for (const product of DRUG_VOCABULARY.products)
      for (const written of [product.name, ...(product.aliases ?? [])]) add(product.name, written);
    expect(clashes).toEqual([]);
  });

  it('defines none of its ingredients twice in the whole vocabulary', () => {
    const names = DRUG_VOCABULARY.ingredients.map((entry) => entry.name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it('gives RxCUIs only as digit strings, each to one ingredient', () => {
    const codes = ownIngredients.flatMap((entry) => (entry.rxcui === undefined ? [] : [entry.rxcui]));
    expect(codes.filter((code) => !/^\d+$/.test(code))).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('covers the opioids §3 and §10 name', () => {
    const names = new Set(OPIOID_INGREDIENTS.map((entry) => entry.name));
    for (const name of [
      'morphine',
      'codeine',
      'oxycodone',
      'hydrocodone',
      'hydromorphone',
      'oxymorphone',
      'fentanyl',
      'tramadol',
      'tapentadol',
      'methadone',
      'buprenorphine',
      'meperidine',
      'levorphanol',
      'dihydrocodeine',
      'pentazocine',
      'butorphanol',
      'nalbuphine',
      'sufentanil',
      'remifentanil',
      'alfentanil',
      'opium',
      'benzhydrocodone',
      'oliceridine',
    ])
      expect(names).toContain(name);
  });
});

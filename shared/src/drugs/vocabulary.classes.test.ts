import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyDrug, type DrugClass, isOpioid } from '../index.ts';
import { drugTokens } from './drug-text.ts';
import { CLASS_INGREDIENTS, CLASS_PRODUCTS, OTHER_INGREDIENTS } from './vocabulary.classes.ts';

// §11: names that look like an opioid name, share its stem, or are antagonists, written as
// prescriptions and patients write them. None is an opioid, and none may read as a misspelt one.
const LOOK_ALIKES = [
  // oxycodone / oxymorphone / OxyContin
  'oxybutynin 5 mg',
  'Oxybutynin chloride ER 10mg',
  'Ditropan XL',
  'ditropan xl 15 mg daily',
  'Oxytrol patch',
  'oxcarbazepine 300 mg bid',
  'Oxtellar XR 600mg',
  'OXAPROZIN 600 MG',
  'Daypro',
  'oxazepam 15mg',
  'oxandrolone',
  'Oxymetazoline nasal spray',
  'Afrin',
  'Anadrol-50',
  'oxytocin',
  'Xyrem (sodium oxybate)',
  // hydrocodone / hydromorphone
  'hydroxyzine HCl 25 mg',
  'Hydroxyzine pamoate 50mg caps',
  'Vistaril 25',
  'Atarax',
  'hydroxychloroquine 200 mg',
  'Plaquenil 200mg bid',
  'hydrochlorothiazide 25mg',
  'HCTZ 12.5 mg',
  'Microzide',
  'hydralazine 10 mg tid',
  'hydrocortisone 10 mg',
  'Hydrocortone',
  'Cortef 5mg',
  'Hydrea 500 mg',
  'hydroxyurea',
  // methadone / meperidine / Methadose
  'methocarbamol 750 mg',
  'Robaxin 500',
  'methylphenidate 10 mg',
  'Metadate CD 20mg',
  'Ritalin LA',
  'Concerta 36 mg',
  'methylprednisolone 4 mg dose pack',
  'Medrol Dosepak',
  'methimazole 5mg',
  'methazolamide',
  'metolazone 2.5 mg',
  'methyldopa',
  'methotrexate 2.5 mg weekly',
  'methenamine hippurate',
  'Methergine',
  'Desoxyn',
  'metaxalone 800mg',
  'Skelaxin',
  // tramadol / tapentadol
  'trazodone 50mg qhs',
  'Trazodone HCl 100 mg tablet at bedtime',
  'Desyrel',
  'trandolapril 2 mg',
  'tranexamic acid 650 mg',
  'Lysteda',
  'tranylcypromine',
  'Parnate',
  'Trandate 200mg',
  'Toradol 10 mg',
  'ketorolac',
  'Travatan Z',
  // codeine / morphine / fentanyl
  'cocaine topical solution 4%',
  'apomorphine',
  'Apokyn injection',
  'fenofibrate 145 mg',
  'Tricor',
  'Nalfon 400',
  // Demerol, Nucynta, Ultram, Opana, Dilaudid, Norco, Lortab, Percocet, Subutex, Tussionex ...
  'Demadex 20mg',
  'Nuvigil 150 mg',
  'Nuedexta',
  'Ultravate cream',
  'Orapred ODT',
  'Dilantin 100 mg',
  'Dilantin Kapseals',
  'Dilacor XR',
  'Norvasc 10 mg',
  'Norpace CR',
  'Norflex',
  'Norpramin 25',
  'Norvir',
  'Lotrel 5/20',
  'Lotronex',
  'Lotensin HCT',
  'Precose 25mg',
  'Sular',
  'Suprax',
  'Tessalon Perles',
  'benzonatate 100 mg',
  'Dolobid',
  'Actos 30mg',
  'Exelon patch',
  // not opioids though they act near opioid receptors or withdrawal
  'dextromethorphan',
  'Delsym',
  'Dextromethorphan HBr 30 mg',
  'Auvelity',
  'Lucemyra 0.18 mg',
  'lofexidine',
  'ketamine',
  // the antagonists: never opioids
  'naltrexone 4.5 mg (LDN)',
  'LDN 1.5mg',
  'low dose naltrexone 3 mg',
  'Naltrexone HCl 50 mg tablet',
  'Revia',
  'Vivitrol 380 mg IM monthly',
  'Contrave',
  'naloxone nasal spray',
  'Naloxone 4 mg/0.1 mL',
  'Narcan',
  'NARCAN Nasal Spray 4mg',
  'Kloxxado',
  'Zimhi',
  'nalmefene',
  'Opvee',
  'methylnaltrexone',
  'Relistor 12 mg',
  'Movantik 25mg',
  'naloxegol',
  'Symproic',
  'Entereg',
  'Lybalvi',
  // more stems: nal-, levo-, bupr-, pent-
  'nalidixic acid',
  'levofloxacin 500 mg',
  'Levothyroxine 88 mcg',
  'Synthroid 100mcg',
  'levetiracetam 500 mg',
  'Keppra',
  'bupropion XL 150 mg',
  'Wellbutrin SR',
  'pentoxifylline 400 mg',
  'Trental',
  'pentosan',
  'Elmiron',
] as const;

describe('look-alikes of opioid names are not opioids (§11)', () => {
  it('has at least 100 of them', () => {
    expect(LOOK_ALIKES.length).toBeGreaterThanOrEqual(100);
  });

  it.each(LOOK_ALIKES)('%s', (name) => {
    expect(isOpioid(name)).toBe(false);
    expect(classifyDrug(name).status).not.toBe('PROBABLE');
    expect(classifyDrug(name).classes).not.toContain('OPIOID');
  });
});

type ClassCase = [name: string, includes: readonly DrugClass[], excludes: readonly DrugClass[]];

const FIBROMYALGIA_SNRI: readonly DrugClass[] = ['SNRI', 'FIBROMYALGIA_APPROVED'];
const NOT_MS_NOT_OPIOID: readonly DrugClass[] = ['MS_DISEASE_MODIFYING', 'OPIOID'];
const ONLY_ANTICONVULSANT: readonly DrugClass[] = ['FIBROMYALGIA_APPROVED', 'MS_DISEASE_MODIFYING', 'OPIOID'];

const CLASS_CASES: ClassCase[] = [
  ['pregabalin', ['ANTICONVULSANT', 'FIBROMYALGIA_APPROVED'], NOT_MS_NOT_OPIOID],
  ['Lyrica', ['ANTICONVULSANT', 'FIBROMYALGIA_APPROVED'], NOT_MS_NOT_OPIOID],
  ['Lyrica CR 165 mg', ['ANTICONVULSANT', 'FIBROMYALGIA_APPROVED'], NOT_MS_NOT_OPIOID],
  ['pregabalin 75mg capsule', ['ANTICONVULSANT', 'FIBROMYALGIA_APPROVED'], NOT_MS_NOT_OPIOID],
  ['duloxetine', FIBROMYALGIA_SNRI, NOT_MS_NOT_OPIOID],
  ['Cymbalta 60 mg', FIBROMYALGIA_SNRI, NOT_MS_NOT_OPIOID],
  ['Drizalma Sprinkle', FIBROMYALGIA_SNRI, NOT_MS_NOT_OPIOID],
  ['milnacipran', FIBROMYALGIA_SNRI, NOT_MS_NOT_OPIOID],
  ['Savella', FIBROMYALGIA_SNRI, NOT_MS_NOT_OPIOID],
  ['venlafaxine ER 75 mg', ['SNRI'], ['FIBROMYALGIA_APPROVED', 'OPIOID']],
  ['Effexor XR', ['SNRI'], ['FIBROMYALGIA_APPROVED', 'OPIOID']],
  ['Pristiq', ['SNRI'], ['FIBROMYALGIA_APPROVED', 'OPIOID']],
  ['Fetzima', ['SNRI'], ['FIBROMYALGIA_APPROVED', 'OPIOID']],
  ['amitriptyline', ['TCA'], ['SNRI', 'OPIOID']],
  ['Elavil', ['TCA'], ['SNRI', 'OPIOID']],
  ['amitriptyline 10 mg qhs', ['TCA'], ['SNRI', 'OPIOID']],
  ['nortriptyline 25 mg', ['TCA'], ['SNRI', 'OPIOID']],
  ['Pamelor', ['TCA'], ['SNRI', 'OPIOID']],
  ['imipramine', ['TCA'], ['OPIOID']],
  ['desipramine', ['TCA'], ['OPIOID']],
  ['Anafranil', ['TCA'], ['OPIOID']],
  ['doxepin', ['TCA'], ['OPIOID']],
  ['gabapentin', ['ANTICONVULSANT'], ONLY_ANTICONVULSANT],
  ['Neurontin', ['ANTICONVULSANT'], ONLY_ANTICONVULSANT],
  ['gabapentin 300mg tid', ['ANTICONVULSANT'], ONLY_ANTICONVULSANT],
  ['Gralise', ['ANTICONVULSANT'], ONLY_ANTICONVULSANT],
  ['Horizant', ['ANTICONVULSANT'], ONLY_ANTICONVULSANT],
  ['carbamazepine 200 mg', ['ANTICONVULSANT'], ONLY_ANTICONVULSANT],
  ['Tegretol XR', ['ANTICONVULSANT'], ONLY_ANTICONVULSANT],
  ['Trileptal', ['ANTICONVULSANT'], ONLY_ANTICONVULSANT],
  ['Lamictal', ['ANTICONVULSANT'], ONLY_ANTICONVULSANT],
  ['Topamax', ['ANTICONVULSANT'], ONLY_ANTICONVULSANT],
  ['Depakote ER', ['ANTICONVULSANT'], ONLY_ANTICONVULSANT],
  ['divalproex sodium', ['ANTICONVULSANT'], ONLY_ANTICONVULSANT],
  ['valproate', ['ANTICONVULSANT'], ONLY_ANTICONVULSANT],
  ['Keppra', ['ANTICONVULSANT'], ONLY_ANTICONVULSANT],
  ['Vimpat', ['ANTICONVULSANT'], ONLY_ANTICONVULSANT],
  ['Xcopri', ['ANTICONVULSANT'], ONLY_ANTICONVULSANT],
  ['naltrexone', ['OPIOID_ANTAGONIST'], ['OPIOID']],
  ['LDN', ['OPIOID_ANTAGONIST'], ['OPIOID']],
  ['Revia', ['OPIOID_ANTAGONIST'], ['OPIOID']],
  ['Vivitrol', ['OPIOID_ANTAGONIST'], ['OPIOID']],
  ['naloxone', ['OPIOID_ANTAGONIST'], ['OPIOID']],
  ['Narcan', ['OPIOID_ANTAGONIST'], ['OPIOID']],
  ['nalmefene', ['OPIOID_ANTAGONIST'], ['OPIOID']],
  ['Opvee', ['OPIOID_ANTAGONIST'], ['OPIOID']],
  ['Relistor', ['OPIOID_ANTAGONIST'], ['OPIOID']],
  ['Movantik', ['OPIOID_ANTAGONIST'], ['OPIOID']],
  ['Lybalvi', ['OPIOID_ANTAGONIST'], ['OPIOID']],
  ['dextromethorphan', ['OTHER'], ['OPIOID']],
  ['maprotiline', ['OTHER'], ['TCA']],
  ['mirtazapine', ['OTHER'], ['TCA']],
  ['rituximab', ['OTHER'], ['MS_DISEASE_MODIFYING']],
];

// Every MS disease-modifying therapy of §11, by ingredient and by brand.
const MS_DMT_NAMES = [
  'interferon beta-1a',
  'interferon beta-1b',
  'peginterferon beta-1a',
  'glatiramer',
  'glatiramer acetate 40 mg/mL',
  'dimethyl fumarate',
  'diroximel fumarate',
  'monomethyl fumarate',
  'teriflunomide',
  'fingolimod',
  'siponimod',
  'ozanimod',
  'ponesimod',
  'cladribine',
  'natalizumab',
  'ocrelizumab',
  'ofatumumab',
  'ublituximab',
  'alemtuzumab',
  'mitoxantrone',
  'daclizumab',
  'Avonex',
  'Rebif',
  'Plegridy',
  'Betaseron',
  'Extavia',
  'Copaxone',
  'Glatopa',
  'Tecfidera 240 mg',
  'Vumerity',
  'Bafiertam',
  'Aubagio 14mg',
  'Gilenya 0.5 mg',
  'Tascenso ODT',
  'Mayzent',
  'Zeposia',
  'Ponvory',
  'Mavenclad',
  'Tysabri',
  'Tyruko',
  'Ocrevus',
  'Ocrevus Zunovo',
  'Kesimpta',
  'Briumvi',
  'Lemtrada',
  'Novantrone',
  'Zinbryta',
];

describe('classes come from the drug (§2, §11)', () => {
  it.each(CLASS_CASES)('%s', (name, includes, excludes) => {
    const result = classifyDrug(name);
    expect(result.status).toBe('RECOGNISED');
    for (const drugClass of includes) expect(result.classes).toContain(drugClass);
    for (const drugClass of excludes) expect(result.classes).not.toContain(drugClass);
    expect(isOpioid(name)).toBe(false);
  });

  it.each(MS_DMT_NAMES)('%s is an MS disease-modifying therapy', (name) => {
    const result = classifyDrug(name);
    expect(result.status).toBe('RECOGNISED');
    expect(result.classes).toContain('MS_DISEASE_MODIFYING');
    expect(result.classes).not.toContain('OPIOID');
  });

  it('pregabalin is the same ingredient whether written generically or as Lyrica', () => {
    expect(classifyDrug('Lyrica').ingredients).toEqual(['pregabalin']);
    expect(classifyDrug('Savella').ingredients).toEqual(['milnacipran']);
    expect(classifyDrug('Cymbalta').ingredients).toEqual(['duloxetine']);
  });
});

const ALL_INGREDIENTS = [...CLASS_INGREDIENTS, ...OTHER_INGREDIENTS];
const ALL_NAMES: string[] = [
  ...ALL_INGREDIENTS.flatMap((entry) => [entry.name, ...(entry.synonyms ?? [])]),
  ...CLASS_PRODUCTS.flatMap((entry) => [entry.name, ...(entry.aliases ?? [])]),
];

describe('every name of these lists is recognised and never an opioid (§11)', () => {
  it.each(ALL_NAMES)('%s', (name) => {
    expect(classifyDrug(name).status).toBe('RECOGNISED');
    expect(isOpioid(name)).toBe(false);
  });

  const around = fc.constantFrom(
    '',
    '10 mg tablet',
    '5mg',
    'ER',
    'XR 24 hr',
    'HCl',
    'hydrochloride',
    '0.5 mg/mL solution',
    'capsule',
    'tab',
    'daily',
    'bid',
    'qhs',
    'prn',
    'oral',
    'patch',
    '100 mcg',
    '#30',
    '(generic)',
  );
  const randomCase = (text: string, flips: readonly boolean[]) =>
    [...text]
      .map((char, at) => (flips[at % flips.length] ? char.toUpperCase() : char.toLowerCase()))
      .join('');

  it('stays so in any case, with strengths, forms and directions around it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_NAMES),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
        around,
        around,
        (name, flips, before, after) => {
          const text = `${before} ${randomCase(name, flips)} ${after}`;
          const result = classifyDrug(text);
          expect(result.status).not.toBe('PROBABLE');
          expect(result.classes).not.toContain('OPIOID');
          expect(isOpioid(text)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('data integrity', () => {
  it('has no name, synonym or alias twice, even once tokenised', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const name of ALL_NAMES) {
      const key = drugTokens(name).join(' ');
      const before = seen.get(key);
      if (before !== undefined) twice.push(`${before} / ${name}`);
      seen.set(key, name);
    }
    expect(twice).toEqual([]);
  });

  it('writes ingredient names and synonyms in lower case, and products name known ingredients', () => {
    const ingredientNames = new Set(ALL_INGREDIENTS.map((entry) => entry.name));
    // Defined by the opioid list as combination partners; products here may name them.
    const partners = new Set([
      'acetaminophen',
      'ibuprofen',
      'aspirin',
      'caffeine',
      'celecoxib',
      'butalbital',
      'carisoprodol',
      'chlorpheniramine',
      'guaifenesin',
      'promethazine',
      'pseudoephedrine',
      'phenylephrine',
    ]);
    for (const entry of ALL_INGREDIENTS) {
      expect(entry.name).toBe(entry.name.toLowerCase());
      for (const synonym of entry.synonyms ?? []) expect(synonym).toBe(synonym.toLowerCase());
    }
    const unknown = CLASS_PRODUCTS.flatMap((product) =>
      product.ingredients.filter((name) => !ingredientNames.has(name) && !partners.has(name)),
    );
    expect(unknown).toEqual([]);
  });

  it('never classes an ingredient here as an opioid; OTHER stands alone', () => {
    for (const entry of CLASS_INGREDIENTS) {
      expect(entry.classes).not.toContain('OPIOID');
      expect(entry.classes).not.toContain('OTHER');
      expect(entry.classes.length).toBeGreaterThan(0);
    }
    for (const entry of OTHER_INGREDIENTS) expect(entry.classes).toEqual(['OTHER']);
  });

  it('gives RxCUIs as digits only, each to one ingredient', () => {
    const codes = ALL_INGREDIENTS.flatMap((entry) => (entry.rxcui === undefined ? [] : [entry.rxcui]));
    for (const code of codes) expect(code).toMatch(/^[1-9]\d*$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('puts the three FDA-approved fibromyalgia drugs, and only them, in FIBROMYALGIA_APPROVED', () => {
    const fibromyalgia = CLASS_INGREDIENTS.filter((entry) => entry.classes.includes('FIBROMYALGIA_APPROVED'));
    expect(fibromyalgia.map((entry) => entry.name).sort()).toEqual([
      'duloxetine',
      'milnacipran',
      'pregabalin',
    ]);
  });
});

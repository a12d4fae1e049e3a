/**
 * §2 and §11: the drug vocabulary beyond the opioids — every drug of the eligibility classes (TCA,
 * SNRI, ANTICONVULSANT, MS_DISEASE_MODIFYING, FIBROMYALGIA_APPROVED), the opioid antagonists, and the
 * medications a pain or MS clinic sees every day (class OTHER), with their US brands.
 *
 * Compiled 2026-11-27. Where the lists come from:
 * - Class membership: the drugs' US prescribing information (FDA labels, established pharmacologic
 *   class) and the WHO ATC index (N06AA non-selective monoamine reuptake inhibitors, N06AX, N03A
 *   antiepileptics); §11 of clinical-rules.md for the MS disease-modifying therapies and the three
 *   FDA-approved fibromyalgia drugs (pregabalin, duloxetine, milnacipran). The MS list follows the
 *   US-approved disease-modifying therapies as the National MS Society lists them, plus daclizumab
 *   (Zinbryta, withdrawn 2018) because older records name it.
 * - Brands: FDA labels and the Orange Book (current and discontinued US brands), as best known to
 *   the compiler; a brand missing here is UNRECOGNISED, never misclassified.
 * - OTHER: (a) US drugs and brands that look like an opioid name (a shared stem, or within the
 *   matcher's edit distance of an opioid ingredient or brand), so that exact matching wins over the
 *   fuzzy opioid matcher; (b) the commonly prescribed US drugs (the usual "top 300" classes: statins,
 *   antihypertensives, diabetes, thyroid, antidepressants, benzodiazepines, muscle relaxants, NSAIDs,
 *   PPIs, antihistamines, inhalers, antibiotics, ...), so that a clinic's usual medication list is
 *   recognised rather than needing manual classification.
 * - Not defined here (another list owns them as opioid-combination partners; products here may still
 *   name them): acetaminophen, ibuprofen, aspirin, caffeine, butalbital, carisoprodol, celecoxib,
 *   homatropine, chlorpheniramine, guaifenesin, pseudoephedrine, promethazine, phenylephrine,
 *   brompheniramine, pyrilamine, triprolidine. Opioid-receptor agonists of any kind (including the
 *   antidiarrhoeals loperamide, diphenoxylate and difenoxin, and eluxadoline) are left to the opioid
 *   list, as are atropine and belladonna (combination partners there). Brands of those partners that
 *   the opioid list does not already name (Advil, Motrin, Celebrex, Soma, Fioricet, Sudafed, Mucinex,
 *   Excedrin, Claritin-D, ...) are products here; Tylenol, Robitussin and Phenergan are its synonyms.
 *
 * RxCUIs (`rxcui`, RxNorm ingredient, TTY=IN) are given only where a published code list states the
 * code for that ingredient name; none is from memory. Sources:
 * - [C] CPIC database schema, drug table: github.com/cpicpgx/cpic-schema, drug.sql (commit 05f9b09c),
 *   rows "RxNorm:<code> <name>" (CPIC's names glibenclamide, salbutamol and mesalazine are RxNorm's
 *   glyburide, albuterol and mesalamine).
 * - [A] A public ATC-group → RxNorm-ingredient code list (a Python module of code lists, e.g.
 *   antidepressant_N06AA_codes, ending in `medications_cc_registry`; found through the public code
 *   index, repository not named there). It agrees with [C] on all 34 codes both list.
 * - [N] NMDP CIBMTR reporting IG: github.com/nmdp-ig/cibmtr-reporting-ig,
 *   build/input/fsh/terminology/medications/*-valueset.fsh (alemtuzumab, rituximab).
 * A trailing comment names the source(s): `// [C][A]` means both agree. No source → no rxcui.
 *
 * Decisions (see also the comments at each entry):
 * - maprotiline is a tetracyclic (not a tricyclic) antidepressant: OTHER, as mirtazapine. amoxapine,
 *   although tetracyclic in structure, is labelled and grouped with the TCAs (Beers criteria,
 *   anticholinergic TCAs): TCA.
 * - ANTICONVULSANT = the antiepileptics of ATC N03A plus drugs whose US labelling is for seizures
 *   (clobazam). Hence clonazepam (N03AE01) is ANTICONVULSANT; diazepam, lorazepam, midazolam and
 *   clorazepate (anxiolytics, N05BA) are OTHER even where a product of theirs treats seizures.
 * - Classes belong to the ingredient (§11), so every brand of it carries them: Arzerra (ofatumumab for
 *   CLL), Campath (alemtuzumab), Leustatin (cladribine) and Novantrone count as MS disease-modifying;
 *   Silenor (low-dose doxepin) counts as a TCA; Qsymia (phentermine + topiramate) as an anticonvulsant.
 *   Topical doxepin brands (Prudoxin, Zonalon) are left out so that they need a clinician's word.
 * - Rituximab is used off-label in MS but is not an approved MS DMT and not in §11's list: OTHER.
 * - OPIOID_ANTAGONIST = every mu-opioid receptor antagonist whose FDA established pharmacologic class
 *   is "Opioid Antagonist": central (naltrexone, naloxone, nalmefene, samidorphan) and peripheral
 *   (methylnaltrexone, naloxegol, naldemedine, alvimopan). None is ever OPIOID.
 * - dextromethorphan is OTHER, not OPIOID: a morphinan without meaningful mu-opioid agonism (its
 *   actions are NMDA antagonism and sigma-1 agonism), not a controlled substance, not an analgesic,
 *   and it does not precipitate withdrawal with naltrexone. apomorphine (a dopamine agonist) and
 *   cocaine (a topical anaesthetic) are OTHER for the same reason: not opioid-receptor agonists.
 * - "ldn" (low-dose naltrexone) is a synonym of naltrexone: the drug of this very trial.
 */
import type { DrugClass, IngredientEntry, ProductEntry } from './drug-classes.ts';

const TCA: readonly DrugClass[] = ['TCA'];
const SNRI: readonly DrugClass[] = ['SNRI'];
const SNRI_FM: readonly DrugClass[] = ['SNRI', 'FIBROMYALGIA_APPROVED'];
const AED: readonly DrugClass[] = ['ANTICONVULSANT'];
const AED_FM: readonly DrugClass[] = ['ANTICONVULSANT', 'FIBROMYALGIA_APPROVED'];
const MS: readonly DrugClass[] = ['MS_DISEASE_MODIFYING'];
const ANTAGONIST: readonly DrugClass[] = ['OPIOID_ANTAGONIST'];
const OTHER: readonly DrugClass[] = ['OTHER'];

/** The eligibility classes (§2, §11) and the opioid antagonists. */
export const CLASS_INGREDIENTS: readonly IngredientEntry[] = [
  // TCA
  { name: 'amitriptyline', classes: TCA, rxcui: '704' }, // [C][A]
  { name: 'nortriptyline', classes: TCA, rxcui: '7531' }, // [C][A]
  { name: 'imipramine', classes: TCA, rxcui: '5691' }, // [C][A]
  { name: 'desipramine', classes: TCA, rxcui: '3247' }, // [C][A]
  { name: 'clomipramine', classes: TCA, rxcui: '2597' }, // [C][A]
  { name: 'doxepin', classes: TCA, rxcui: '3638' }, // [C][A]
  { name: 'protriptyline', classes: TCA, rxcui: '8886' }, // [C][A]
  { name: 'trimipramine', classes: TCA, rxcui: '10834' }, // [C][A]
  { name: 'amoxapine', classes: TCA, rxcui: '722' }, // [A]

  // SNRI (duloxetine and milnacipran are also FDA-approved for fibromyalgia)
  { name: 'duloxetine', classes: SNRI_FM, rxcui: '72625' }, // [C][A]
  { name: 'milnacipran', classes: SNRI_FM, rxcui: '588250' }, // [A]
  { name: 'venlafaxine', classes: SNRI, rxcui: '39786' }, // [C][A]
  { name: 'desvenlafaxine', classes: SNRI, rxcui: '734064' }, // [A]
  { name: 'levomilnacipran', classes: SNRI, rxcui: '1433212' }, // [A] (listed there without an ATC code)

  // ANTICONVULSANT, gabapentinoids included (pregabalin is also FDA-approved for fibromyalgia)
  { name: 'pregabalin', classes: AED_FM },
  { name: 'gabapentin', classes: AED },
  { name: 'gabapentin enacarbil', classes: AED },
  { name: 'carbamazepine', classes: AED, rxcui: '2002', synonyms: ['cbz'] }, // [C]
  { name: 'oxcarbazepine', classes: AED, rxcui: '32624' }, // [C]
  { name: 'eslicarbazepine', classes: AED, synonyms: ['eslicarbazepine acetate'] },
  { name: 'lamotrigine', classes: AED, rxcui: '28439' }, // [C]
  { name: 'topiramate', classes: AED },
  {
    name: 'valproic acid',
    classes: AED,
    rxcui: '11118', // [C]
    synonyms: [
      'valproate',
      'valproate sodium',
      'sodium valproate',
      'divalproex',
      'divalproex sodium',
      'valproate semisodium',
      'vpa',
    ],
  },
  { name: 'phenytoin', classes: AED, rxcui: '8183', synonyms: ['diphenylhydantoin'] }, // [C]
  { name: 'fosphenytoin', classes: AED },
  { name: 'ethotoin', classes: AED },
  { name: 'levetiracetam', classes: AED },
  { name: 'brivaracetam', classes: AED, rxcui: '1739745' }, // [C]
  { name: 'lacosamide', classes: AED },
  { name: 'zonisamide', classes: AED },
  { name: 'tiagabine', classes: AED },
  { name: 'vigabatrin', classes: AED },
  { name: 'felbamate', classes: AED },
  { name: 'rufinamide', classes: AED },
  { name: 'clobazam', classes: AED, rxcui: '21241' }, // [C]
  { name: 'clonazepam', classes: AED }, // ATC N03AE01; labelled for seizure disorders (and panic disorder)
  { name: 'perampanel', classes: AED },
  { name: 'cenobamate', classes: AED },
  { name: 'ethosuximide', classes: AED },
  { name: 'methsuximide', classes: AED },
  { name: 'trimethadione', classes: AED },
  { name: 'primidone', classes: AED },
  { name: 'phenobarbital', classes: AED, synonyms: ['phenobarbitone'] },
  { name: 'mephobarbital', classes: AED, synonyms: ['methylphenobarbital'] },
  { name: 'ezogabine', classes: AED, synonyms: ['retigabine'] },
  { name: 'stiripentol', classes: AED },
  { name: 'cannabidiol', classes: AED }, // Epidiolex (N03AX24); "CBD oil" is deliberately not a synonym
  { name: 'fenfluramine', classes: AED }, // Fintepla (N03AX26)
  { name: 'ganaxolone', classes: AED },

  // MS_DISEASE_MODIFYING (§11)
  { name: 'interferon beta-1a', classes: MS, synonyms: ['ifn beta-1a', 'beta interferon 1a'] },
  { name: 'interferon beta-1b', classes: MS, synonyms: ['ifn beta-1b', 'beta interferon 1b'] },
  { name: 'peginterferon beta-1a', classes: MS, synonyms: ['pegylated interferon beta-1a'] },
  { name: 'glatiramer', classes: MS, synonyms: ['glatiramer acetate'] },
  { name: 'dimethyl fumarate', classes: MS, synonyms: ['dmf'] },
  { name: 'diroximel fumarate', classes: MS },
  { name: 'monomethyl fumarate', classes: MS },
  { name: 'teriflunomide', classes: MS },
  { name: 'fingolimod', classes: MS },
  { name: 'siponimod', classes: MS },
  { name: 'ozanimod', classes: MS },
  { name: 'ponesimod', classes: MS },
  { name: 'cladribine', classes: MS },
  { name: 'natalizumab', classes: MS },
  { name: 'ocrelizumab', classes: MS },
  { name: 'ofatumumab', classes: MS },
  { name: 'ublituximab', classes: MS },
  { name: 'alemtuzumab', classes: MS, rxcui: '117055' }, // [N]
  { name: 'mitoxantrone', classes: MS },
  { name: 'daclizumab', classes: MS }, // Zinbryta, withdrawn 2018: kept for old records

  // OPIOID_ANTAGONIST (never OPIOID)
  { name: 'naltrexone', classes: ANTAGONIST, rxcui: '7243', synonyms: ['ldn', 'low dose naltrexone'] }, // [C]
  { name: 'naloxone', classes: ANTAGONIST, rxcui: '7242' }, // [C]
  { name: 'nalmefene', classes: ANTAGONIST },
  { name: 'samidorphan', classes: ANTAGONIST },
  { name: 'methylnaltrexone', classes: ANTAGONIST }, // peripheral (PAMORA)
  { name: 'naloxegol', classes: ANTAGONIST }, // peripheral (PAMORA)
  { name: 'naldemedine', classes: ANTAGONIST }, // peripheral (PAMORA)
  { name: 'alvimopan', classes: ANTAGONIST }, // peripheral (PAMORA)
];

/**
 * Class OTHER: opioid look-alikes first (so exact matching wins over the fuzzy opioid matcher), then
 * the commonly prescribed US drugs.
 */
export const OTHER_INGREDIENTS: readonly IngredientEntry[] = [
  // (a) Look-alikes of opioid names, by the opioid they resemble.
  // oxycodone / oxymorphone / OxyContin
  { name: 'oxybutynin', classes: OTHER, synonyms: ['oxybutynin chloride'] },
  { name: 'oxaprozin', classes: OTHER },
  { name: 'oxazepam', classes: OTHER, rxcui: '7781' }, // [C]
  { name: 'oxandrolone', classes: OTHER },
  { name: 'oxymetazoline', classes: OTHER },
  { name: 'oxymetholone', classes: OTHER },
  { name: 'oxytocin', classes: OTHER },
  { name: 'oxiconazole', classes: OTHER },
  { name: 'sodium oxybate', classes: OTHER, synonyms: ['oxybate'] },
  // hydrocodone / hydromorphone
  { name: 'hydroxyzine', classes: OTHER },
  { name: 'hydrogen peroxide', classes: OTHER }, // "hydrogen" is two edits from Hydromet
  { name: 'hydroxychloroquine', classes: OTHER, rxcui: '5521', synonyms: ['hcq'] }, // [C]
  { name: 'hydrochlorothiazide', classes: OTHER, rxcui: '5487', synonyms: ['hctz'] }, // [C]
  { name: 'hydralazine', classes: OTHER, rxcui: '5470' }, // [C][A]
  { name: 'hydrocortisone', classes: OTHER },
  { name: 'hydroxyurea', classes: OTHER },
  { name: 'hydroquinone', classes: OTHER },
  { name: 'hydroxyprogesterone', classes: OTHER },
  { name: 'hydroxocobalamin', classes: OTHER },
  // methadone / meperidine / Methadose
  { name: 'methazolamide', classes: OTHER, rxcui: '6826' }, // [C]
  { name: 'methimazole', classes: OTHER, rxcui: '6835' }, // [C]
  { name: 'methocarbamol', classes: OTHER },
  { name: 'methylphenidate', classes: OTHER, rxcui: '6901' }, // [C]
  { name: 'dexmethylphenidate', classes: OTHER },
  { name: 'methylprednisolone', classes: OTHER },
  { name: 'metolazone', classes: OTHER },
  { name: 'methyldopa', classes: OTHER, rxcui: '6876' }, // [A]
  { name: 'methotrexate', classes: OTHER, rxcui: '6851', synonyms: ['mtx'] }, // [C]
  { name: 'methenamine', classes: OTHER, synonyms: ['methenamine hippurate', 'methenamine mandelate'] },
  { name: 'methscopolamine', classes: OTHER },
  { name: 'methylene blue', classes: OTHER, rxcui: '6878', synonyms: ['methylthioninium chloride'] }, // [C]
  { name: 'methylergonovine', classes: OTHER },
  { name: 'methamphetamine', classes: OTHER },
  { name: 'methyltestosterone', classes: OTHER },
  { name: 'metaxalone', classes: OTHER },
  { name: 'meprobamate', classes: OTHER },
  { name: 'mepolizumab', classes: OTHER },
  // tramadol / tapentadol
  { name: 'trazodone', classes: OTHER, rxcui: '10737' }, // [A]
  { name: 'trandolapril', classes: OTHER, rxcui: '38454' }, // [A]
  { name: 'tranexamic acid', classes: OTHER, synonyms: ['tranexamic', 'txa'] },
  { name: 'tranylcypromine', classes: OTHER, rxcui: '10734' }, // [A]
  { name: 'travoprost', classes: OTHER },
  { name: 'ketorolac', classes: OTHER },
  // codeine
  { name: 'cocaine', classes: OTHER }, // topical anaesthetic (Schedule II), not an opioid
  // morphine
  { name: 'apomorphine', classes: OTHER }, // dopamine agonist, not an opioid
  // fentanyl
  { name: 'fenofibrate', classes: OTHER },
  { name: 'fenofibric acid', classes: OTHER },
  { name: 'fenoprofen', classes: OTHER },
  // pentazocine / pethidine
  { name: 'pentoxifylline', classes: OTHER },
  { name: 'pentosan polysulfate', classes: OTHER, synonyms: ['pentosan'] },
  { name: 'pentobarbital', classes: OTHER },
  { name: 'pentamidine', classes: OTHER },
  // buprenorphine / butorphanol
  { name: 'bupropion', classes: OTHER, rxcui: '42347' }, // [C][A]
  { name: 'butenafine', classes: OTHER },
  { name: 'butoconazole', classes: OTHER },
  // nalbuphine (nal- names; naltrexone, naloxone and nalmefene are antagonists above)
  { name: 'nalidixic acid', classes: OTHER, rxcui: '7240' }, // [C]
  // levorphanol
  { name: 'levofloxacin', classes: OTHER, rxcui: '82122' }, // [C]
  { name: 'levothyroxine', classes: OTHER, synonyms: ['thyroxine', 'l-thyroxine'] },
  { name: 'levocetirizine', classes: OTHER },
  { name: 'levonorgestrel', classes: OTHER },
  { name: 'levalbuterol', classes: OTHER },
  { name: 'levodopa', classes: OTHER, synonyms: ['l-dopa'] },
  // dextromethorphan: not an opioid (see the header)
  { name: 'dextromethorphan', classes: OTHER, rxcui: '3289', synonyms: ['dxm'] }, // [C]
  { name: 'benzonatate', classes: OTHER },
  { name: 'quinidine', classes: OTHER, rxcui: '9068' }, // [C]
  { name: 'lofexidine', classes: OTHER }, // opioid-withdrawal treatment, not an opioid
  { name: 'ketamine', classes: OTHER },
  { name: 'esketamine', classes: OTHER, rxcui: '2119365' }, // [A]

  // (b) Commonly prescribed US drugs.
  // Lipids
  { name: 'atorvastatin', classes: OTHER, rxcui: '83367' }, // [C]
  { name: 'simvastatin', classes: OTHER, rxcui: '36567' }, // [C]
  { name: 'rosuvastatin', classes: OTHER, rxcui: '301542' }, // [C]
  { name: 'pravastatin', classes: OTHER, rxcui: '42463' }, // [C]
  { name: 'lovastatin', classes: OTHER },
  { name: 'pitavastatin', classes: OTHER },
  { name: 'fluvastatin', classes: OTHER },
  { name: 'ezetimibe', classes: OTHER },
  { name: 'gemfibrozil', classes: OTHER },
  { name: 'niacin', classes: OTHER, synonyms: ['nicotinic acid'] },
  { name: 'omega-3-acid ethyl esters', classes: OTHER, synonyms: ['fish oil', 'omega 3'] },
  { name: 'icosapent ethyl', classes: OTHER },
  { name: 'colesevelam', classes: OTHER },
  { name: 'evolocumab', classes: OTHER },
  { name: 'alirocumab', classes: OTHER },
  { name: 'bempedoic acid', classes: OTHER },
  // ACE inhibitors, ARBs, ARNI, renin inhibitor
  { name: 'lisinopril', classes: OTHER, rxcui: '29046' }, // [A]
  { name: 'enalapril', classes: OTHER, rxcui: '3827' }, // [A]
  { name: 'benazepril', classes: OTHER, rxcui: '18867' }, // [A]
  { name: 'ramipril', classes: OTHER, rxcui: '35296' }, // [A]
  { name: 'quinapril', classes: OTHER, rxcui: '35208' }, // [A]
  { name: 'fosinopril', classes: OTHER, rxcui: '50166' }, // [A]
  { name: 'captopril', classes: OTHER, rxcui: '1998' }, // [C][A]
  { name: 'perindopril', classes: OTHER, rxcui: '54552' }, // [A]
  { name: 'moexipril', classes: OTHER, rxcui: '30131' }, // [A]
  { name: 'losartan', classes: OTHER, rxcui: '52175' }, // [A]
  { name: 'valsartan', classes: OTHER, rxcui: '69749' }, // [A]
  { name: 'irbesartan', classes: OTHER, rxcui: '83818' }, // [A]
  { name: 'olmesartan', classes: OTHER, rxcui: '321064' }, // [A]
  { name: 'telmisartan', classes: OTHER, rxcui: '73494' }, // [A]
  { name: 'candesartan', classes: OTHER, rxcui: '214354' }, // [A]
  { name: 'azilsartan', classes: OTHER, rxcui: '1091643' }, // [A]
  { name: 'eprosartan', classes: OTHER, rxcui: '83515' }, // [A]
  { name: 'sacubitril', classes: OTHER },
  { name: 'aliskiren', classes: OTHER, rxcui: '325646' }, // [A]
  // Calcium channel blockers
  { name: 'amlodipine', classes: OTHER, rxcui: '17767' }, // [A]
  { name: 'nifedipine', classes: OTHER, rxcui: '7417' }, // [A]
  { name: 'felodipine', classes: OTHER, rxcui: '4316' }, // [A]
  { name: 'nisoldipine', classes: OTHER, rxcui: '7435' }, // [A]
  { name: 'isradipine', classes: OTHER, rxcui: '33910' }, // [A]
  { name: 'nicardipine', classes: OTHER, rxcui: '7396' }, // [A]
  { name: 'nimodipine', classes: OTHER, rxcui: '7426' }, // [A]
  { name: 'diltiazem', classes: OTHER, rxcui: '3443' }, // [A]
  { name: 'verapamil', classes: OTHER, rxcui: '11170' }, // [A]
  // Beta blockers
  { name: 'metoprolol', classes: OTHER, rxcui: '6918' }, // [C][A]
  { name: 'atenolol', classes: OTHER, rxcui: '1202' }, // [A]
  { name: 'carvedilol', classes: OTHER, rxcui: '20352' }, // [C][A]
  { name: 'propranolol', classes: OTHER, rxcui: '8787' }, // [C][A]
  { name: 'bisoprolol', classes: OTHER, rxcui: '19484' }, // [A]
  { name: 'nebivolol', classes: OTHER, rxcui: '31555' }, // [A]
  { name: 'labetalol', classes: OTHER, rxcui: '6185' }, // [A]
  { name: 'nadolol', classes: OTHER, rxcui: '7226' }, // [A]
  { name: 'pindolol', classes: OTHER, rxcui: '8332' }, // [A]
  { name: 'sotalol', classes: OTHER, rxcui: '9947' }, // [A]
  { name: 'acebutolol', classes: OTHER, rxcui: '149' }, // [A]
  { name: 'timolol', classes: OTHER, rxcui: '10600' }, // [C][A]
  // Diuretics
  { name: 'chlorthalidone', classes: OTHER },
  { name: 'furosemide', classes: OTHER, rxcui: '4603', synonyms: ['frusemide'] }, // [C]
  { name: 'bumetanide', classes: OTHER },
  { name: 'torsemide', classes: OTHER },
  { name: 'spironolactone', classes: OTHER, rxcui: '9997' }, // [C]
  { name: 'eplerenone', classes: OTHER },
  { name: 'triamterene', classes: OTHER },
  { name: 'amiloride', classes: OTHER },
  { name: 'indapamide', classes: OTHER },
  { name: 'acetazolamide', classes: OTHER },
  // Other cardiovascular
  { name: 'clonidine', classes: OTHER, rxcui: '2599' }, // [A]
  { name: 'guanfacine', classes: OTHER, rxcui: '40114' }, // [A]
  { name: 'minoxidil', classes: OTHER, rxcui: '6984' }, // [A]
  { name: 'doxazosin', classes: OTHER, rxcui: '49276' }, // [A]
  { name: 'prazosin', classes: OTHER, rxcui: '8629' }, // [A]
  { name: 'terazosin', classes: OTHER },
  { name: 'isosorbide mononitrate', classes: OTHER, synonyms: ['ismn'] },
  { name: 'isosorbide dinitrate', classes: OTHER, rxcui: '6058' }, // [C]
  { name: 'nitroglycerin', classes: OTHER, synonyms: ['glyceryl trinitrate', 'ntg'] },
  { name: 'ranolazine', classes: OTHER },
  { name: 'digoxin', classes: OTHER, rxcui: '3407' }, // [C]
  { name: 'amiodarone', classes: OTHER },
  { name: 'dronedarone', classes: OTHER },
  { name: 'flecainide', classes: OTHER, rxcui: '4441' }, // [C]
  { name: 'propafenone', classes: OTHER, rxcui: '8754' }, // [C]
  { name: 'dofetilide', classes: OTHER },
  { name: 'disopyramide', classes: OTHER },
  { name: 'midodrine', classes: OTHER, rxcui: '6963' }, // [A]
  { name: 'droxidopa', classes: OTHER, rxcui: '1489913' }, // [A]
  { name: 'epinephrine', classes: OTHER, rxcui: '3992', synonyms: ['adrenaline'] }, // [A]
  { name: 'ambrisentan', classes: OTHER, rxcui: '358274' }, // [A]
  { name: 'bosentan', classes: OTHER, rxcui: '75207' }, // [A]
  { name: 'macitentan', classes: OTHER, rxcui: '1442132' }, // [A]
  { name: 'riociguat', classes: OTHER, rxcui: '1439816' }, // [A]
  // Anticoagulants and antiplatelets
  { name: 'apixaban', classes: OTHER, rxcui: '1364430' }, // [A]
  { name: 'rivaroxaban', classes: OTHER, rxcui: '1114195' }, // [A]
  { name: 'dabigatran etexilate', classes: OTHER, rxcui: '1037042', synonyms: ['dabigatran'] }, // [A]
  { name: 'edoxaban', classes: OTHER, rxcui: '1599538' }, // [A]
  { name: 'warfarin', classes: OTHER, rxcui: '11289' }, // [C][A]
  { name: 'enoxaparin', classes: OTHER, rxcui: '67108' }, // [A]
  { name: 'heparin', classes: OTHER, rxcui: '5224' }, // [A]
  { name: 'fondaparinux', classes: OTHER, rxcui: '321208' }, // [A]
  { name: 'clopidogrel', classes: OTHER, rxcui: '32968' }, // [C]
  { name: 'prasugrel', classes: OTHER },
  { name: 'ticagrelor', classes: OTHER },
  { name: 'cilostazol', classes: OTHER },
  { name: 'dipyridamole', classes: OTHER },
  // Diabetes
  { name: 'metformin', classes: OTHER, rxcui: '6809' }, // [C]
  { name: 'glipizide', classes: OTHER, rxcui: '4821' }, // [C]
  { name: 'glyburide', classes: OTHER, rxcui: '4815', synonyms: ['glibenclamide'] }, // [C] (as glibenclamide)
  { name: 'glimepiride', classes: OTHER, rxcui: '25789' }, // [C]
  { name: 'pioglitazone', classes: OTHER },
  { name: 'sitagliptin', classes: OTHER },
  { name: 'linagliptin', classes: OTHER },
  { name: 'saxagliptin', classes: OTHER },
  { name: 'alogliptin', classes: OTHER },
  { name: 'empagliflozin', classes: OTHER },
  { name: 'dapagliflozin', classes: OTHER },
  { name: 'canagliflozin', classes: OTHER },
  { name: 'ertugliflozin', classes: OTHER },
  { name: 'semaglutide', classes: OTHER },
  { name: 'liraglutide', classes: OTHER },
  { name: 'dulaglutide', classes: OTHER },
  { name: 'exenatide', classes: OTHER },
  { name: 'tirzepatide', classes: OTHER },
  { name: 'insulin glargine', classes: OTHER },
  { name: 'insulin lispro', classes: OTHER },
  { name: 'insulin aspart', classes: OTHER },
  { name: 'insulin detemir', classes: OTHER },
  { name: 'insulin degludec', classes: OTHER },
  { name: 'insulin human', classes: OTHER, synonyms: ['insulin regular', 'regular insulin', 'insulin nph'] },
  { name: 'acarbose', classes: OTHER },
  { name: 'miglitol', classes: OTHER },
  { name: 'repaglinide', classes: OTHER },
  { name: 'nateglinide', classes: OTHER },
  // Thyroid
  { name: 'liothyronine', classes: OTHER },
  { name: 'thyroid', classes: OTHER, synonyms: ['desiccated thyroid', 'thyroid desiccated'] },
  { name: 'propylthiouracil', classes: OTHER, rxcui: '8794', synonyms: ['ptu'] }, // [C]
  // Antidepressants (not TCA or SNRI) and other psychiatric drugs
  { name: 'sertraline', classes: OTHER, rxcui: '36437' }, // [C][A]
  { name: 'fluoxetine', classes: OTHER, rxcui: '4493' }, // [C][A]
  { name: 'citalopram', classes: OTHER, rxcui: '2556' }, // [C][A]
  { name: 'escitalopram', classes: OTHER, rxcui: '321988' }, // [C][A]
  { name: 'paroxetine', classes: OTHER, rxcui: '32937' }, // [C][A]
  { name: 'fluvoxamine', classes: OTHER, rxcui: '42355' }, // [C][A]
  { name: 'vilazodone', classes: OTHER, rxcui: '1086769' }, // [A]
  { name: 'vortioxetine', classes: OTHER, rxcui: '1455099' }, // [C][A]
  { name: 'mirtazapine', classes: OTHER, rxcui: '15996' }, // [C][A] (tetracyclic: not a TCA)
  { name: 'maprotiline', classes: OTHER, rxcui: '6646' }, // [A] (tetracyclic: not a TCA, see the header)
  { name: 'nefazodone', classes: OTHER, rxcui: '31565' }, // [A]
  { name: 'phenelzine', classes: OTHER, rxcui: '8123' }, // [A]
  { name: 'isocarboxazid', classes: OTHER, rxcui: '6011' }, // [A]
  { name: 'selegiline', classes: OTHER },
  { name: 'gepirone', classes: OTHER },
  { name: 'zuranolone', classes: OTHER },
  { name: 'lithium', classes: OTHER, synonyms: ['lithium carbonate'] },
  { name: 'buspirone', classes: OTHER },
  { name: 'quetiapine', classes: OTHER },
  { name: 'aripiprazole', classes: OTHER, rxcui: '89013' }, // [C]
  { name: 'brexpiprazole', classes: OTHER, rxcui: '1658314' }, // [C]
  { name: 'cariprazine', classes: OTHER },
  { name: 'risperidone', classes: OTHER, rxcui: '35636' }, // [C]
  { name: 'paliperidone', classes: OTHER },
  { name: 'olanzapine', classes: OTHER, rxcui: '61381' }, // [C]
  { name: 'ziprasidone', classes: OTHER },
  { name: 'lurasidone', classes: OTHER },
  { name: 'lumateperone', classes: OTHER },
  { name: 'asenapine', classes: OTHER },
  { name: 'iloperidone', classes: OTHER, rxcui: '73178' }, // [C]
  { name: 'clozapine', classes: OTHER, rxcui: '2626' }, // [C]
  { name: 'haloperidol', classes: OTHER, rxcui: '5093' }, // [C]
  { name: 'chlorpromazine', classes: OTHER },
  { name: 'perphenazine', classes: OTHER, rxcui: '8076' }, // [C]
  { name: 'fluphenazine', classes: OTHER },
  { name: 'prochlorperazine', classes: OTHER },
  { name: 'pimavanserin', classes: OTHER },
  // Benzodiazepines (clonazepam: ANTICONVULSANT above) and sleep
  { name: 'alprazolam', classes: OTHER },
  { name: 'lorazepam', classes: OTHER },
  { name: 'diazepam', classes: OTHER, rxcui: '3322' }, // [C]
  { name: 'temazepam', classes: OTHER },
  { name: 'chlordiazepoxide', classes: OTHER },
  { name: 'clorazepate', classes: OTHER },
  { name: 'triazolam', classes: OTHER },
  { name: 'midazolam', classes: OTHER, rxcui: '6960' }, // [C]
  { name: 'estazolam', classes: OTHER },
  { name: 'zolpidem', classes: OTHER },
  { name: 'eszopiclone', classes: OTHER },
  { name: 'zaleplon', classes: OTHER },
  { name: 'ramelteon', classes: OTHER },
  { name: 'suvorexant', classes: OTHER },
  { name: 'lemborexant', classes: OTHER },
  { name: 'daridorexant', classes: OTHER },
  { name: 'melatonin', classes: OTHER },
  { name: 'doxylamine', classes: OTHER },
  // ADHD and wakefulness
  { name: 'amphetamine', classes: OTHER },
  { name: 'dextroamphetamine', classes: OTHER, synonyms: ['dexamfetamine'] },
  { name: 'lisdexamfetamine', classes: OTHER },
  { name: 'atomoxetine', classes: OTHER, rxcui: '38400' }, // [C]
  { name: 'viloxazine', classes: OTHER, rxcui: '11196' }, // [A]
  { name: 'modafinil', classes: OTHER, rxcui: '30125' }, // [C]
  { name: 'armodafinil', classes: OTHER },
  { name: 'solriamfetol', classes: OTHER },
  { name: 'pitolisant', classes: OTHER },
  // Neurology (dementia, Parkinson's, migraine, MS symptoms)
  { name: 'donepezil', classes: OTHER, rxcui: '135447' }, // [C]
  { name: 'memantine', classes: OTHER },
  { name: 'rivastigmine', classes: OTHER },
  { name: 'galantamine', classes: OTHER, rxcui: '4637' }, // [C]
  { name: 'carbidopa', classes: OTHER },
  { name: 'pramipexole', classes: OTHER },
  { name: 'ropinirole', classes: OTHER },
  { name: 'rotigotine', classes: OTHER },
  { name: 'rasagiline', classes: OTHER },
  { name: 'amantadine', classes: OTHER },
  { name: 'benztropine', classes: OTHER },
  { name: 'trihexyphenidyl', classes: OTHER },
  { name: 'entacapone', classes: OTHER },
  { name: 'tetrabenazine', classes: OTHER, rxcui: '10390' }, // [C]
  { name: 'sumatriptan', classes: OTHER },
  { name: 'rizatriptan', classes: OTHER },
  { name: 'zolmitriptan', classes: OTHER },
  { name: 'eletriptan', classes: OTHER },
  { name: 'naratriptan', classes: OTHER },
  { name: 'frovatriptan', classes: OTHER },
  { name: 'almotriptan', classes: OTHER },
  { name: 'erenumab', classes: OTHER },
  { name: 'fremanezumab', classes: OTHER },
  { name: 'galcanezumab', classes: OTHER },
  { name: 'eptinezumab', classes: OTHER },
  { name: 'ubrogepant', classes: OTHER },
  { name: 'rimegepant', classes: OTHER },
  { name: 'atogepant', classes: OTHER },
  { name: 'lasmiditan', classes: OTHER },
  { name: 'dihydroergotamine', classes: OTHER, synonyms: ['dhe'] },
  { name: 'onabotulinumtoxina', classes: OTHER, synonyms: ['botulinum toxin type a'] },
  { name: 'dalfampridine', classes: OTHER, synonyms: ['fampridine', '4-aminopyridine'] }, // MS walking, not a DMT
  { name: 'rituximab', classes: OTHER, rxcui: '121191' }, // [C][N] off-label in MS; not an approved DMT
  // Muscle relaxants (carisoprodol is defined with the opioid combination partners)
  { name: 'cyclobenzaprine', classes: OTHER },
  { name: 'tizanidine', classes: OTHER },
  { name: 'baclofen', classes: OTHER },
  { name: 'orphenadrine', classes: OTHER },
  { name: 'chlorzoxazone', classes: OTHER },
  { name: 'dantrolene', classes: OTHER },
  // NSAIDs and other non-opioid analgesics (ibuprofen, aspirin, celecoxib, acetaminophen: not here)
  { name: 'naproxen', classes: OTHER, synonyms: ['naproxen sodium'] },
  { name: 'meloxicam', classes: OTHER },
  { name: 'diclofenac', classes: OTHER, rxcui: '3355' }, // [C]
  { name: 'etodolac', classes: OTHER },
  { name: 'nabumetone', classes: OTHER },
  { name: 'indomethacin', classes: OTHER },
  { name: 'piroxicam', classes: OTHER },
  { name: 'sulindac', classes: OTHER },
  { name: 'diflunisal', classes: OTHER },
  { name: 'flurbiprofen', classes: OTHER, rxcui: '4502' }, // [C]
  { name: 'ketoprofen', classes: OTHER },
  { name: 'mefenamic acid', classes: OTHER },
  { name: 'salsalate', classes: OTHER },
  { name: 'tolmetin', classes: OTHER },
  { name: 'lidocaine', classes: OTHER, rxcui: '6387', synonyms: ['lignocaine'] }, // [C]
  { name: 'capsaicin', classes: OTHER },
  { name: 'misoprostol', classes: OTHER },
  // Gout
  { name: 'allopurinol', classes: OTHER, rxcui: '519' }, // [C]
  { name: 'febuxostat', classes: OTHER },
  { name: 'colchicine', classes: OTHER },
  { name: 'probenecid', classes: OTHER, rxcui: '8698' }, // [C]
  // Gastrointestinal
  { name: 'omeprazole', classes: OTHER, rxcui: '7646' }, // [C][A]
  { name: 'esomeprazole', classes: OTHER, rxcui: '283742' }, // [C][A]
  { name: 'pantoprazole', classes: OTHER, rxcui: '40790' }, // [C][A]
  { name: 'lansoprazole', classes: OTHER, rxcui: '17128' }, // [C][A]
  { name: 'rabeprazole', classes: OTHER, rxcui: '114979' }, // [C][A]
  { name: 'dexlansoprazole', classes: OTHER, rxcui: '816346' }, // [C][A]
  { name: 'famotidine', classes: OTHER, rxcui: '4278' }, // [A]
  { name: 'cimetidine', classes: OTHER, rxcui: '2541' }, // [A]
  { name: 'ranitidine', classes: OTHER, rxcui: '9143' }, // [A]
  { name: 'nizatidine', classes: OTHER, rxcui: '42319' }, // [A]
  { name: 'sucralfate', classes: OTHER, rxcui: '10156' }, // [A]
  { name: 'ondansetron', classes: OTHER, rxcui: '26225' }, // [C]
  { name: 'metoclopramide', classes: OTHER, rxcui: '6915' }, // [C]
  { name: 'docusate', classes: OTHER, synonyms: ['docusate sodium'] },
  { name: 'sennosides', classes: OTHER, synonyms: ['senna'] },
  { name: 'polyethylene glycol 3350', classes: OTHER, synonyms: ['peg 3350', 'polyethylene glycol'] },
  { name: 'lactulose', classes: OTHER },
  { name: 'bisacodyl', classes: OTHER },
  { name: 'linaclotide', classes: OTHER },
  { name: 'lubiprostone', classes: OTHER },
  { name: 'plecanatide', classes: OTHER },
  { name: 'dicyclomine', classes: OTHER },
  { name: 'hyoscyamine', classes: OTHER },
  { name: 'alosetron', classes: OTHER },
  { name: 'mesalamine', classes: OTHER, rxcui: '52582', synonyms: ['mesalazine'] }, // [C] (as mesalazine)
  { name: 'sulfasalazine', classes: OTHER, rxcui: '9524' }, // [C]
  { name: 'budesonide', classes: OTHER, rxcui: '19831' }, // [C]
  { name: 'simethicone', classes: OTHER },
  { name: 'calcium carbonate', classes: OTHER, rxcui: '1897', synonyms: ['calcium'] }, // [A]
  { name: 'magnesium oxide', classes: OTHER, rxcui: '6582', synonyms: ['magnesium'] }, // [A]
  { name: 'magnesium hydroxide', classes: OTHER, rxcui: '6581', synonyms: ['milk of magnesia'] }, // [A]
  { name: 'bismuth subsalicylate', classes: OTHER },
  { name: 'ursodiol', classes: OTHER, synonyms: ['ursodeoxycholic acid'] },
  { name: 'pancrelipase', classes: OTHER },
  { name: 'rifaximin', classes: OTHER },
  // Allergy and respiratory (chlorpheniramine, brompheniramine, promethazine etc.: not here)
  { name: 'cetirizine', classes: OTHER },
  { name: 'loratadine', classes: OTHER },
  { name: 'desloratadine', classes: OTHER },
  { name: 'fexofenadine', classes: OTHER },
  { name: 'diphenhydramine', classes: OTHER },
  { name: 'meclizine', classes: OTHER },
  { name: 'cyproheptadine', classes: OTHER },
  { name: 'montelukast', classes: OTHER },
  { name: 'fluticasone', classes: OTHER, synonyms: ['fluticasone propionate', 'fluticasone furoate'] },
  { name: 'mometasone', classes: OTHER },
  { name: 'beclomethasone', classes: OTHER },
  { name: 'ciclesonide', classes: OTHER },
  { name: 'triamcinolone', classes: OTHER, rxcui: '10759' }, // [C]
  { name: 'azelastine', classes: OTHER },
  { name: 'olopatadine', classes: OTHER },
  { name: 'albuterol', classes: OTHER, rxcui: '435', synonyms: ['salbutamol'] }, // [C] (as salbutamol)
  { name: 'ipratropium', classes: OTHER },
  { name: 'tiotropium', classes: OTHER, rxcui: '69120' }, // [C]
  { name: 'umeclidinium', classes: OTHER },
  { name: 'salmeterol', classes: OTHER, rxcui: '36117' }, // [C]
  { name: 'formoterol', classes: OTHER },
  { name: 'vilanterol', classes: OTHER },
  { name: 'theophylline', classes: OTHER },
  { name: 'roflumilast', classes: OTHER },
  { name: 'omalizumab', classes: OTHER },
  { name: 'dupilumab', classes: OTHER },
  { name: 'benralizumab', classes: OTHER },
  // Anti-infectives
  { name: 'amoxicillin', classes: OTHER },
  { name: 'clavulanate', classes: OTHER, synonyms: ['clavulanic acid'] },
  { name: 'penicillin v', classes: OTHER, synonyms: ['penicillin vk', 'penicillin'] },
  { name: 'ampicillin', classes: OTHER },
  { name: 'azithromycin', classes: OTHER },
  { name: 'clarithromycin', classes: OTHER },
  { name: 'erythromycin', classes: OTHER, rxcui: '4053' }, // [C]
  { name: 'cephalexin', classes: OTHER },
  { name: 'cefadroxil', classes: OTHER },
  { name: 'cefdinir', classes: OTHER },
  { name: 'cefuroxime', classes: OTHER },
  { name: 'cefpodoxime', classes: OTHER },
  { name: 'cefixime', classes: OTHER },
  { name: 'ceftriaxone', classes: OTHER },
  { name: 'ciprofloxacin', classes: OTHER, rxcui: '2551' }, // [C]
  { name: 'moxifloxacin', classes: OTHER, rxcui: '139462' }, // [C]
  { name: 'ofloxacin', classes: OTHER },
  { name: 'norfloxacin', classes: OTHER, rxcui: '7517' }, // [C]
  { name: 'doxycycline', classes: OTHER },
  { name: 'minocycline', classes: OTHER },
  { name: 'tetracycline', classes: OTHER },
  { name: 'sulfamethoxazole', classes: OTHER, synonyms: ['smx'] },
  { name: 'trimethoprim', classes: OTHER, synonyms: ['tmp'] },
  { name: 'nitrofurantoin', classes: OTHER, rxcui: '7454' }, // [C]
  { name: 'clindamycin', classes: OTHER },
  { name: 'metronidazole', classes: OTHER },
  { name: 'tinidazole', classes: OTHER },
  { name: 'vancomycin', classes: OTHER },
  { name: 'linezolid', classes: OTHER },
  { name: 'rifampin', classes: OTHER, synonyms: ['rifampicin'] },
  { name: 'isoniazid', classes: OTHER, rxcui: '6038', synonyms: ['inh'] }, // [C]
  { name: 'fluconazole', classes: OTHER },
  { name: 'terbinafine', classes: OTHER, rxcui: '37801' }, // [C]
  { name: 'nystatin', classes: OTHER },
  { name: 'clotrimazole', classes: OTHER },
  { name: 'ketoconazole', classes: OTHER },
  { name: 'valacyclovir', classes: OTHER },
  { name: 'acyclovir', classes: OTHER, synonyms: ['aciclovir'] },
  { name: 'famciclovir', classes: OTHER },
  { name: 'oseltamivir', classes: OTHER },
  { name: 'nirmatrelvir', classes: OTHER },
  { name: 'ritonavir', classes: OTHER },
  { name: 'ivermectin', classes: OTHER },
  { name: 'mupirocin', classes: OTHER },
  { name: 'chloroquine', classes: OTHER, rxcui: '2393' }, // [C]
  { name: 'dapsone', classes: OTHER, rxcui: '3108' }, // [C]
  // Urology
  { name: 'tamsulosin', classes: OTHER, rxcui: '77492' }, // [C]
  { name: 'alfuzosin', classes: OTHER },
  { name: 'silodosin', classes: OTHER },
  { name: 'finasteride', classes: OTHER },
  { name: 'dutasteride', classes: OTHER },
  { name: 'tolterodine', classes: OTHER, rxcui: '119565' }, // [C]
  { name: 'solifenacin', classes: OTHER },
  { name: 'darifenacin', classes: OTHER, rxcui: '136198' }, // [C]
  { name: 'fesoterodine', classes: OTHER, rxcui: '797195' }, // [C]
  { name: 'trospium', classes: OTHER, synonyms: ['trospium chloride'] },
  { name: 'mirabegron', classes: OTHER },
  { name: 'vibegron', classes: OTHER },
  { name: 'sildenafil', classes: OTHER, rxcui: '136411' }, // [C]
  { name: 'tadalafil', classes: OTHER },
  { name: 'vardenafil', classes: OTHER },
  { name: 'phenazopyridine', classes: OTHER, rxcui: '8120' }, // [C]
  { name: 'bethanechol', classes: OTHER },
  // Hormones, bone, oncology-adjacent
  { name: 'estradiol', classes: OTHER },
  { name: 'conjugated estrogens', classes: OTHER },
  { name: 'ethinyl estradiol', classes: OTHER },
  { name: 'norethindrone', classes: OTHER },
  { name: 'drospirenone', classes: OTHER },
  { name: 'norgestimate', classes: OTHER },
  { name: 'medroxyprogesterone', classes: OTHER },
  { name: 'progesterone', classes: OTHER },
  { name: 'testosterone', classes: OTHER },
  { name: 'raloxifene', classes: OTHER },
  { name: 'tamoxifen', classes: OTHER, rxcui: '10324' }, // [C]
  { name: 'anastrozole', classes: OTHER },
  { name: 'letrozole', classes: OTHER },
  { name: 'exemestane', classes: OTHER },
  { name: 'alendronate', classes: OTHER },
  { name: 'risedronate', classes: OTHER },
  { name: 'ibandronate', classes: OTHER },
  { name: 'zoledronic acid', classes: OTHER },
  { name: 'denosumab', classes: OTHER },
  { name: 'teriparatide', classes: OTHER },
  { name: 'cabergoline', classes: OTHER },
  { name: 'phentermine', classes: OTHER },
  // Corticosteroids
  { name: 'prednisone', classes: OTHER },
  { name: 'prednisolone', classes: OTHER },
  { name: 'dexamethasone', classes: OTHER },
  { name: 'fludrocortisone', classes: OTHER },
  { name: 'betamethasone', classes: OTHER },
  { name: 'clobetasol', classes: OTHER },
  { name: 'halobetasol', classes: OTHER },
  // Immunology and rheumatology
  { name: 'leflunomide', classes: OTHER },
  { name: 'azathioprine', classes: OTHER, rxcui: '1256' }, // [C]
  { name: 'mycophenolate mofetil', classes: OTHER, synonyms: ['mycophenolate', 'mmf'] },
  { name: 'mycophenolic acid', classes: OTHER, rxcui: '7145' }, // [C]
  { name: 'tacrolimus', classes: OTHER, rxcui: '42316' }, // [C]
  { name: 'cyclosporine', classes: OTHER, rxcui: '3008', synonyms: ['ciclosporin'] }, // [C]
  { name: 'cyclophosphamide', classes: OTHER, rxcui: '3002' }, // [C]
  { name: 'adalimumab', classes: OTHER },
  { name: 'etanercept', classes: OTHER },
  { name: 'infliximab', classes: OTHER },
  { name: 'certolizumab pegol', classes: OTHER, synonyms: ['certolizumab'] },
  { name: 'golimumab', classes: OTHER },
  { name: 'tocilizumab', classes: OTHER },
  { name: 'abatacept', classes: OTHER },
  { name: 'ustekinumab', classes: OTHER },
  { name: 'secukinumab', classes: OTHER },
  { name: 'ixekizumab', classes: OTHER },
  { name: 'guselkumab', classes: OTHER },
  { name: 'risankizumab', classes: OTHER },
  { name: 'vedolizumab', classes: OTHER },
  { name: 'tofacitinib', classes: OTHER },
  { name: 'baricitinib', classes: OTHER },
  { name: 'upadacitinib', classes: OTHER },
  { name: 'apremilast', classes: OTHER },
  { name: 'belimumab', classes: OTHER },
  { name: 'hyaluronidase', classes: OTHER }, // partner of ocrelizumab in Ocrevus Zunovo
  // Supplements, electrolytes, vitamins
  { name: 'potassium chloride', classes: OTHER, synonyms: ['kcl'] },
  { name: 'sodium bicarbonate', classes: OTHER },
  { name: 'ferrous sulfate', classes: OTHER, synonyms: ['iron'] },
  { name: 'folic acid', classes: OTHER, synonyms: ['folate'] },
  { name: 'cyanocobalamin', classes: OTHER, synonyms: ['vitamin b12', 'b12'] },
  { name: 'cholecalciferol', classes: OTHER, synonyms: ['vitamin d3', 'vitamin d'] },
  { name: 'ergocalciferol', classes: OTHER, synonyms: ['vitamin d2'] },
  { name: 'ascorbic acid', classes: OTHER, rxcui: '1151', synonyms: ['vitamin c'] }, // [C] (as vitamin c)
  { name: 'calcitriol', classes: OTHER },
  { name: 'sevelamer', classes: OTHER },
  { name: 'multivitamin', classes: OTHER, synonyms: ['multivitamins', 'mvi'] },
  // Addiction medicine (buprenorphine and methadone: opioid list)
  { name: 'varenicline', classes: OTHER },
  { name: 'nicotine', classes: OTHER, rxcui: '7407' }, // [C]
  { name: 'disulfiram', classes: OTHER },
  { name: 'acamprosate', classes: OTHER },
  { name: 'dronabinol', classes: OTHER },
  { name: 'nabilone', classes: OTHER },
  // Eye
  { name: 'latanoprost', classes: OTHER, rxcui: '43611' }, // [C]
  { name: 'brimonidine', classes: OTHER },
  { name: 'dorzolamide', classes: OTHER },
];

/** Brands and combination products of the drugs above, mapped to canonical ingredient names. */
export const CLASS_PRODUCTS: readonly ProductEntry[] = [
  // TCA
  { name: 'Elavil', ingredients: ['amitriptyline'] },
  { name: 'Endep', ingredients: ['amitriptyline'] },
  { name: 'Vanatrip', ingredients: ['amitriptyline'] },
  { name: 'Pamelor', ingredients: ['nortriptyline'] },
  { name: 'Aventyl', ingredients: ['nortriptyline'] },
  { name: 'Tofranil', ingredients: ['imipramine'], aliases: ['Tofranil-PM'] },
  { name: 'Norpramin', ingredients: ['desipramine'] },
  { name: 'Anafranil', ingredients: ['clomipramine'] },
  { name: 'Sinequan', ingredients: ['doxepin'] },
  { name: 'Silenor', ingredients: ['doxepin'] },
  { name: 'Vivactil', ingredients: ['protriptyline'] },
  { name: 'Surmontil', ingredients: ['trimipramine'] },
  { name: 'Asendin', ingredients: ['amoxapine'] },
  { name: 'Ludiomil', ingredients: ['maprotiline'] },
  { name: 'Limbitrol', ingredients: ['chlordiazepoxide', 'amitriptyline'], aliases: ['Limbitrol DS'] },
  { name: 'Etrafon', ingredients: ['perphenazine', 'amitriptyline'], aliases: ['Triavil'] },

  // SNRI
  { name: 'Cymbalta', ingredients: ['duloxetine'] },
  { name: 'Drizalma Sprinkle', ingredients: ['duloxetine'], aliases: ['Drizalma'] },
  { name: 'Irenka', ingredients: ['duloxetine'] },
  { name: 'Effexor', ingredients: ['venlafaxine'], aliases: ['Effexor XR'] },
  { name: 'Pristiq', ingredients: ['desvenlafaxine'] },
  { name: 'Khedezla', ingredients: ['desvenlafaxine'] },
  { name: 'Savella', ingredients: ['milnacipran'] },
  { name: 'Fetzima', ingredients: ['levomilnacipran'] },

  // ANTICONVULSANT
  { name: 'Neurontin', ingredients: ['gabapentin'] },
  { name: 'Gralise', ingredients: ['gabapentin'] },
  { name: 'Horizant', ingredients: ['gabapentin enacarbil'] },
  { name: 'Lyrica', ingredients: ['pregabalin'], aliases: ['Lyrica CR'] },
  { name: 'Tegretol', ingredients: ['carbamazepine'], aliases: ['Tegretol XR'] },
  { name: 'Carbatrol', ingredients: ['carbamazepine'] },
  { name: 'Equetro', ingredients: ['carbamazepine'] },
  { name: 'Epitol', ingredients: ['carbamazepine'] },
  { name: 'Trileptal', ingredients: ['oxcarbazepine'] },
  { name: 'Oxtellar XR', ingredients: ['oxcarbazepine'] },
  { name: 'Aptiom', ingredients: ['eslicarbazepine'] },
  { name: 'Lamictal', ingredients: ['lamotrigine'], aliases: ['Lamictal XR', 'Lamictal ODT', 'Lamictal CD'] },
  { name: 'Subvenite', ingredients: ['lamotrigine'] },
  { name: 'Topamax', ingredients: ['topiramate'], aliases: ['Topamax Sprinkle'] },
  { name: 'Trokendi XR', ingredients: ['topiramate'] },
  { name: 'Qudexy XR', ingredients: ['topiramate'] },
  { name: 'Eprontia', ingredients: ['topiramate'] },
  { name: 'Qsymia', ingredients: ['phentermine', 'topiramate'] },
  { name: 'Depakote', ingredients: ['valproic acid'], aliases: ['Depakote ER', 'Depakote Sprinkle'] },
  { name: 'Depakene', ingredients: ['valproic acid'] },
  { name: 'Depacon', ingredients: ['valproic acid'] },
  { name: 'Stavzor', ingredients: ['valproic acid'] },
  { name: 'Dilantin', ingredients: ['phenytoin'], aliases: ['Dilantin Infatabs', 'Dilantin Kapseals'] },
  { name: 'Phenytek', ingredients: ['phenytoin'] },
  { name: 'Cerebyx', ingredients: ['fosphenytoin'] },
  { name: 'Sesquient', ingredients: ['fosphenytoin'] },
  { name: 'Peganone', ingredients: ['ethotoin'] },
  { name: 'Keppra', ingredients: ['levetiracetam'], aliases: ['Keppra XR'] },
  { name: 'Spritam', ingredients: ['levetiracetam'] },
  { name: 'Elepsia XR', ingredients: ['levetiracetam'] },
  { name: 'Roweepra', ingredients: ['levetiracetam'] },
  { name: 'Briviact', ingredients: ['brivaracetam'] },
  { name: 'Vimpat', ingredients: ['lacosamide'] },
  { name: 'Motpoly XR', ingredients: ['lacosamide'] },
  { name: 'Zonegran', ingredients: ['zonisamide'] },
  { name: 'Zonisade', ingredients: ['zonisamide'] },
  { name: 'Gabitril', ingredients: ['tiagabine'] },
  { name: 'Sabril', ingredients: ['vigabatrin'] },
  { name: 'Vigadrone', ingredients: ['vigabatrin'] },
  { name: 'Vigafyde', ingredients: ['vigabatrin'] },
  { name: 'Felbatol', ingredients: ['felbamate'] },
  { name: 'Banzel', ingredients: ['rufinamide'] },
  { name: 'Onfi', ingredients: ['clobazam'] },
  { name: 'Sympazan', ingredients: ['clobazam'] },
  { name: 'Klonopin', ingredients: ['clonazepam'] },
  { name: 'Fycompa', ingredients: ['perampanel'] },
  { name: 'Xcopri', ingredients: ['cenobamate'] },
  { name: 'Zarontin', ingredients: ['ethosuximide'] },
  { name: 'Celontin', ingredients: ['methsuximide'] },
  { name: 'Tridione', ingredients: ['trimethadione'] },
  { name: 'Mysoline', ingredients: ['primidone'] },
  { name: 'Sezaby', ingredients: ['phenobarbital'] },
  { name: 'Mebaral', ingredients: ['mephobarbital'] },
  { name: 'Potiga', ingredients: ['ezogabine'] },
  { name: 'Diacomit', ingredients: ['stiripentol'] },
  { name: 'Epidiolex', ingredients: ['cannabidiol'] },
  { name: 'Fintepla', ingredients: ['fenfluramine'] },
  { name: 'Ztalmy', ingredients: ['ganaxolone'] },

  // MS_DISEASE_MODIFYING
  { name: 'Avonex', ingredients: ['interferon beta-1a'] },
  { name: 'Rebif', ingredients: ['interferon beta-1a'], aliases: ['Rebif Rebidose'] },
  { name: 'Plegridy', ingredients: ['peginterferon beta-1a'] },
  { name: 'Betaseron', ingredients: ['interferon beta-1b'] },
  { name: 'Extavia', ingredients: ['interferon beta-1b'] },
  { name: 'Copaxone', ingredients: ['glatiramer'] },
  { name: 'Glatopa', ingredients: ['glatiramer'] },
  { name: 'Tecfidera', ingredients: ['dimethyl fumarate'] },
  { name: 'Vumerity', ingredients: ['diroximel fumarate'] },
  { name: 'Bafiertam', ingredients: ['monomethyl fumarate'] },
  { name: 'Aubagio', ingredients: ['teriflunomide'] },
  { name: 'Gilenya', ingredients: ['fingolimod'] },
  { name: 'Tascenso ODT', ingredients: ['fingolimod'] },
  { name: 'Mayzent', ingredients: ['siponimod'] },
  { name: 'Zeposia', ingredients: ['ozanimod'] },
  { name: 'Ponvory', ingredients: ['ponesimod'] },
  { name: 'Mavenclad', ingredients: ['cladribine'] },
  { name: 'Leustatin', ingredients: ['cladribine'] },
  { name: 'Tysabri', ingredients: ['natalizumab'] },
  { name: 'Tyruko', ingredients: ['natalizumab'] },
  { name: 'Ocrevus', ingredients: ['ocrelizumab'] },
  { name: 'Ocrevus Zunovo', ingredients: ['ocrelizumab', 'hyaluronidase'] },
  { name: 'Kesimpta', ingredients: ['ofatumumab'] },
  { name: 'Arzerra', ingredients: ['ofatumumab'] },
  { name: 'Briumvi', ingredients: ['ublituximab'] },
  { name: 'Lemtrada', ingredients: ['alemtuzumab'] },
  { name: 'Campath', ingredients: ['alemtuzumab'] },
  { name: 'Novantrone', ingredients: ['mitoxantrone'] },
  { name: 'Zinbryta', ingredients: ['daclizumab'] },

  // OPIOID_ANTAGONIST
  { name: 'Revia', ingredients: ['naltrexone'] },
  { name: 'Depade', ingredients: ['naltrexone'] },
  { name: 'Vivitrol', ingredients: ['naltrexone'] },
  { name: 'Contrave', ingredients: ['naltrexone', 'bupropion'] },
  { name: 'Narcan', ingredients: ['naloxone'], aliases: ['Narcan Nasal Spray'] },
  { name: 'Evzio', ingredients: ['naloxone'] },
  { name: 'Kloxxado', ingredients: ['naloxone'] },
  { name: 'Zimhi', ingredients: ['naloxone'] },
  { name: 'Rextovy', ingredients: ['naloxone'] },
  { name: 'RiVive', ingredients: ['naloxone'] },
  { name: 'Opvee', ingredients: ['nalmefene'] },
  { name: 'Zurnai', ingredients: ['nalmefene'] },
  { name: 'Revex', ingredients: ['nalmefene'] },
  { name: 'Lybalvi', ingredients: ['olanzapine', 'samidorphan'] },
  { name: 'Relistor', ingredients: ['methylnaltrexone'] },
  { name: 'Movantik', ingredients: ['naloxegol'] },
  { name: 'Symproic', ingredients: ['naldemedine'] },
  { name: 'Entereg', ingredients: ['alvimopan'] },

  // OTHER: look-alikes of opioid brands first
  { name: 'Ditropan', ingredients: ['oxybutynin'], aliases: ['Ditropan XL'] },
  { name: 'Oxytrol', ingredients: ['oxybutynin'] },
  { name: 'Gelnique', ingredients: ['oxybutynin'] },
  { name: 'Daypro', ingredients: ['oxaprozin'] },
  { name: 'Oxandrin', ingredients: ['oxandrolone'] },
  { name: 'Afrin', ingredients: ['oxymetazoline'] },
  { name: 'Anadrol-50', ingredients: ['oxymetholone'], aliases: ['Anadrol'] },
  { name: 'Pitocin', ingredients: ['oxytocin'] },
  { name: 'Oxistat', ingredients: ['oxiconazole'] },
  { name: 'Xyrem', ingredients: ['sodium oxybate'] },
  { name: 'Vistaril', ingredients: ['hydroxyzine'] },
  { name: 'Atarax', ingredients: ['hydroxyzine'] },
  { name: 'Plaquenil', ingredients: ['hydroxychloroquine'] },
  { name: 'Microzide', ingredients: ['hydrochlorothiazide'] },
  { name: 'Apresoline', ingredients: ['hydralazine'] },
  { name: 'BiDil', ingredients: ['isosorbide dinitrate', 'hydralazine'] },
  { name: 'Cortef', ingredients: ['hydrocortisone'] },
  { name: 'Hydrocortone', ingredients: ['hydrocortisone'] },
  { name: 'Solu-Cortef', ingredients: ['hydrocortisone'] },
  { name: 'Anusol-HC', ingredients: ['hydrocortisone'] },
  { name: 'Hydrea', ingredients: ['hydroxyurea'] },
  { name: 'Droxia', ingredients: ['hydroxyurea'] },
  { name: 'Makena', ingredients: ['hydroxyprogesterone'] },
  { name: 'Neptazane', ingredients: ['methazolamide'] },
  { name: 'Tapazole', ingredients: ['methimazole'] },
  { name: 'Robaxin', ingredients: ['methocarbamol'] },
  { name: 'Ritalin', ingredients: ['methylphenidate'], aliases: ['Ritalin LA'] },
  { name: 'Concerta', ingredients: ['methylphenidate'] },
  { name: 'Metadate', ingredients: ['methylphenidate'], aliases: ['Metadate CD', 'Metadate ER'] },
  { name: 'Methylin', ingredients: ['methylphenidate'] },
  { name: 'Daytrana', ingredients: ['methylphenidate'] },
  { name: 'Quillichew ER', ingredients: ['methylphenidate'] },
  { name: 'Jornay PM', ingredients: ['methylphenidate'] },
  { name: 'Focalin', ingredients: ['dexmethylphenidate'], aliases: ['Focalin XR'] },
  { name: 'Medrol', ingredients: ['methylprednisolone'], aliases: ['Medrol Dosepak'] },
  { name: 'Solu-Medrol', ingredients: ['methylprednisolone'] },
  { name: 'Depo-Medrol', ingredients: ['methylprednisolone'] },
  { name: 'Zaroxolyn', ingredients: ['metolazone'] },
  { name: 'Trexall', ingredients: ['methotrexate'] },
  { name: 'Otrexup', ingredients: ['methotrexate'] },
  { name: 'Rasuvo', ingredients: ['methotrexate'] },
  { name: 'Hiprex', ingredients: ['methenamine'] },
  { name: 'Urex', ingredients: ['methenamine'] },
  { name: 'Pamine', ingredients: ['methscopolamine'] },
  { name: 'Methergine', ingredients: ['methylergonovine'] },
  { name: 'Desoxyn', ingredients: ['methamphetamine'] },
  { name: 'Skelaxin', ingredients: ['metaxalone'] },
  { name: 'Nucala', ingredients: ['mepolizumab'] },
  { name: 'Desyrel', ingredients: ['trazodone'] },
  { name: 'Oleptro', ingredients: ['trazodone'] },
  { name: 'Mavik', ingredients: ['trandolapril'] },
  { name: 'Tarka', ingredients: ['trandolapril', 'verapamil'] },
  { name: 'Lysteda', ingredients: ['tranexamic acid'] },
  { name: 'Cyklokapron', ingredients: ['tranexamic acid'] },
  { name: 'Parnate', ingredients: ['tranylcypromine'] },
  { name: 'Travatan', ingredients: ['travoprost'], aliases: ['Travatan Z'] },
  { name: 'Trandate', ingredients: ['labetalol'] },
  { name: 'Toradol', ingredients: ['ketorolac'] },
  { name: 'Sprix', ingredients: ['ketorolac'] },
  { name: 'Goprelto', ingredients: ['cocaine'] },
  { name: 'Numbrino', ingredients: ['cocaine'] },
  { name: 'Apokyn', ingredients: ['apomorphine'] },
  { name: 'Kynmobi', ingredients: ['apomorphine'] },
  { name: 'Tricor', ingredients: ['fenofibrate'] },
  { name: 'Lofibra', ingredients: ['fenofibrate'] },
  { name: 'Trilipix', ingredients: ['fenofibric acid'] },
  { name: 'Nalfon', ingredients: ['fenoprofen'] },
  { name: 'Trental', ingredients: ['pentoxifylline'] },
  { name: 'Elmiron', ingredients: ['pentosan polysulfate'] },
  { name: 'Nembutal', ingredients: ['pentobarbital'] },
  { name: 'Wellbutrin', ingredients: ['bupropion'], aliases: ['Wellbutrin SR', 'Wellbutrin XL'] },
  { name: 'Zyban', ingredients: ['bupropion'] },
  { name: 'Aplenzin', ingredients: ['bupropion'] },
  { name: 'Forfivo XL', ingredients: ['bupropion'] },
  { name: 'Auvelity', ingredients: ['dextromethorphan', 'bupropion'] },
  { name: 'Lotrimin Ultra', ingredients: ['butenafine'] },
  { name: 'Mentax', ingredients: ['butenafine'] },
  { name: 'NegGram', ingredients: ['nalidixic acid'] },
  { name: 'Levaquin', ingredients: ['levofloxacin'] },
  { name: 'Synthroid', ingredients: ['levothyroxine'] },
  { name: 'Levoxyl', ingredients: ['levothyroxine'] },
  { name: 'Unithroid', ingredients: ['levothyroxine'] },
  { name: 'Tirosint', ingredients: ['levothyroxine'] },
  { name: 'Euthyrox', ingredients: ['levothyroxine'] },
  { name: 'Levothroid', ingredients: ['levothyroxine'] },
  { name: 'Xyzal', ingredients: ['levocetirizine'] },
  { name: 'Plan B One-Step', ingredients: ['levonorgestrel'], aliases: ['Plan B'] },
  { name: 'Mirena', ingredients: ['levonorgestrel'] },
  { name: 'Xopenex', ingredients: ['levalbuterol'] },
  { name: 'Sinemet', ingredients: ['carbidopa', 'levodopa'], aliases: ['Sinemet CR'] },
  { name: 'Rytary', ingredients: ['carbidopa', 'levodopa'] },
  { name: 'Stalevo', ingredients: ['carbidopa', 'levodopa', 'entacapone'] },
  { name: 'Delsym', ingredients: ['dextromethorphan'] },
  { name: 'Nuedexta', ingredients: ['dextromethorphan', 'quinidine'] },
  { name: 'Tessalon', ingredients: ['benzonatate'], aliases: ['Tessalon Perles'] },
  { name: 'Zonatuss', ingredients: ['benzonatate'] },
  { name: 'Lucemyra', ingredients: ['lofexidine'] },
  { name: 'Ketalar', ingredients: ['ketamine'] },
  { name: 'Spravato', ingredients: ['esketamine'] },
  { name: 'Norvasc', ingredients: ['amlodipine'] },
  { name: 'Norpace', ingredients: ['disopyramide'], aliases: ['Norpace CR'] },
  { name: 'Norflex', ingredients: ['orphenadrine'] },
  { name: 'Noroxin', ingredients: ['norfloxacin'] },
  { name: 'Norvir', ingredients: ['ritonavir'] },
  { name: 'Dilacor XR', ingredients: ['diltiazem'] },
  { name: 'Diovan', ingredients: ['valsartan'] },
  { name: 'Diovan HCT', ingredients: ['valsartan', 'hydrochlorothiazide'] },
  { name: 'Ultravate', ingredients: ['halobetasol'] },
  { name: 'Lotrel', ingredients: ['amlodipine', 'benazepril'] },
  { name: 'Lotronex', ingredients: ['alosetron'] },
  { name: 'Lotensin', ingredients: ['benazepril'] },
  { name: 'Lotensin HCT', ingredients: ['benazepril', 'hydrochlorothiazide'] },
  { name: 'Precose', ingredients: ['acarbose'] },
  { name: 'Sular', ingredients: ['nisoldipine'] },
  { name: 'Suprax', ingredients: ['cefixime'] },
  { name: 'Demadex', ingredients: ['torsemide'] },
  { name: 'Orapred', ingredients: ['prednisolone'], aliases: ['Orapred ODT'] },
  { name: 'Nuvigil', ingredients: ['armodafinil'] },
  { name: 'Provigil', ingredients: ['modafinil'] },
  { name: 'Dolobid', ingredients: ['diflunisal'] },
  { name: 'Actos', ingredients: ['pioglitazone'] },
  { name: 'Actonel', ingredients: ['risedronate'] },
  { name: 'Exelon', ingredients: ['rivastigmine'] },
  { name: 'Belsomra', ingredients: ['suvorexant'] },
  { name: 'Staxyn', ingredients: ['vardenafil'] },
  { name: 'Taltz', ingredients: ['ixekizumab'] },
  { name: 'Enbrel', ingredients: ['etanercept'] },
  { name: 'Duricef', ingredients: ['cefadroxil'] },
  { name: 'Zyloprim', ingredients: ['allopurinol'] },
  { name: 'Lorzone', ingredients: ['chlorzoxazone'] },
  { name: 'Parafon Forte DSC', ingredients: ['chlorzoxazone'], aliases: ['Parafon Forte'] },

  // OTHER: commonly prescribed brands
  { name: 'Lipitor', ingredients: ['atorvastatin'] },
  { name: 'Zocor', ingredients: ['simvastatin'] },
  { name: 'Crestor', ingredients: ['rosuvastatin'] },
  { name: 'Pravachol', ingredients: ['pravastatin'] },
  { name: 'Mevacor', ingredients: ['lovastatin'] },
  { name: 'Altoprev', ingredients: ['lovastatin'] },
  { name: 'Livalo', ingredients: ['pitavastatin'] },
  { name: 'Lescol', ingredients: ['fluvastatin'], aliases: ['Lescol XL'] },
  { name: 'Zetia', ingredients: ['ezetimibe'] },
  { name: 'Vytorin', ingredients: ['ezetimibe', 'simvastatin'] },
  { name: 'Lopid', ingredients: ['gemfibrozil'] },
  { name: 'Niaspan', ingredients: ['niacin'] },
  { name: 'Lovaza', ingredients: ['omega-3-acid ethyl esters'] },
  { name: 'Vascepa', ingredients: ['icosapent ethyl'] },
  { name: 'Welchol', ingredients: ['colesevelam'] },
  { name: 'Repatha', ingredients: ['evolocumab'] },
  { name: 'Praluent', ingredients: ['alirocumab'] },
  { name: 'Nexletol', ingredients: ['bempedoic acid'] },
  { name: 'Zestril', ingredients: ['lisinopril'] },
  { name: 'Prinivil', ingredients: ['lisinopril'] },
  { name: 'Qbrelis', ingredients: ['lisinopril'] },
  { name: 'Zestoretic', ingredients: ['lisinopril', 'hydrochlorothiazide'] },
  { name: 'Vasotec', ingredients: ['enalapril'] },
  { name: 'Altace', ingredients: ['ramipril'] },
  { name: 'Accupril', ingredients: ['quinapril'] },
  { name: 'Capoten', ingredients: ['captopril'] },
  { name: 'Cozaar', ingredients: ['losartan'] },
  { name: 'Hyzaar', ingredients: ['losartan', 'hydrochlorothiazide'] },
  { name: 'Avapro', ingredients: ['irbesartan'] },
  { name: 'Benicar', ingredients: ['olmesartan'] },
  { name: 'Benicar HCT', ingredients: ['olmesartan', 'hydrochlorothiazide'] },
  { name: 'Azor', ingredients: ['amlodipine', 'olmesartan'] },
  { name: 'Tribenzor', ingredients: ['olmesartan', 'amlodipine', 'hydrochlorothiazide'] },
  { name: 'Exforge', ingredients: ['amlodipine', 'valsartan'] },
  { name: 'Micardis', ingredients: ['telmisartan'] },
  { name: 'Atacand', ingredients: ['candesartan'] },
  { name: 'Edarbi', ingredients: ['azilsartan'] },
  { name: 'Entresto', ingredients: ['sacubitril', 'valsartan'] },
  { name: 'Tekturna', ingredients: ['aliskiren'] },
  { name: 'Procardia', ingredients: ['nifedipine'], aliases: ['Procardia XL'] },
  { name: 'Adalat CC', ingredients: ['nifedipine'] },
  { name: 'Plendil', ingredients: ['felodipine'] },
  { name: 'Cardizem', ingredients: ['diltiazem'], aliases: ['Cardizem CD', 'Cardizem LA'] },
  { name: 'Tiazac', ingredients: ['diltiazem'] },
  { name: 'Cartia XT', ingredients: ['diltiazem'] },
  { name: 'Calan', ingredients: ['verapamil'], aliases: ['Calan SR'] },
  { name: 'Verelan', ingredients: ['verapamil'] },
  { name: 'Isoptin', ingredients: ['verapamil'] },
  { name: 'Lopressor', ingredients: ['metoprolol'] },
  { name: 'Toprol XL', ingredients: ['metoprolol'] },
  { name: 'Tenormin', ingredients: ['atenolol'] },
  { name: 'Coreg', ingredients: ['carvedilol'], aliases: ['Coreg CR'] },
  { name: 'Inderal', ingredients: ['propranolol'], aliases: ['Inderal LA'] },
  { name: 'InnoPran XL', ingredients: ['propranolol'] },
  { name: 'Zebeta', ingredients: ['bisoprolol'] },
  { name: 'Ziac', ingredients: ['bisoprolol', 'hydrochlorothiazide'] },
  { name: 'Bystolic', ingredients: ['nebivolol'] },
  { name: 'Corgard', ingredients: ['nadolol'] },
  { name: 'Betapace', ingredients: ['sotalol'] },
  { name: 'Thalitone', ingredients: ['chlorthalidone'] },
  { name: 'Lasix', ingredients: ['furosemide'] },
  { name: 'Bumex', ingredients: ['bumetanide'] },
  { name: 'Soaanz', ingredients: ['torsemide'] },
  { name: 'Aldactone', ingredients: ['spironolactone'] },
  { name: 'Inspra', ingredients: ['eplerenone'] },
  { name: 'Dyazide', ingredients: ['triamterene', 'hydrochlorothiazide'] },
  { name: 'Maxzide', ingredients: ['triamterene', 'hydrochlorothiazide'] },
  { name: 'Diamox', ingredients: ['acetazolamide'] },
  { name: 'Catapres', ingredients: ['clonidine'], aliases: ['Catapres-TTS'] },
  { name: 'Kapvay', ingredients: ['clonidine'] },
  { name: 'Tenex', ingredients: ['guanfacine'] },
  { name: 'Intuniv', ingredients: ['guanfacine'] },
  { name: 'Cardura', ingredients: ['doxazosin'] },
  { name: 'Minipress', ingredients: ['prazosin'] },
  { name: 'Hytrin', ingredients: ['terazosin'] },
  { name: 'Imdur', ingredients: ['isosorbide mononitrate'] },
  { name: 'Isordil', ingredients: ['isosorbide dinitrate'] },
  { name: 'Nitrostat', ingredients: ['nitroglycerin'] },
  { name: 'Nitro-Dur', ingredients: ['nitroglycerin'] },
  { name: 'Ranexa', ingredients: ['ranolazine'] },
  { name: 'Lanoxin', ingredients: ['digoxin'] },
  { name: 'Pacerone', ingredients: ['amiodarone'] },
  { name: 'Cordarone', ingredients: ['amiodarone'] },
  { name: 'Multaq', ingredients: ['dronedarone'] },
  { name: 'Tambocor', ingredients: ['flecainide'] },
  { name: 'Rythmol', ingredients: ['propafenone'] },
  { name: 'Tikosyn', ingredients: ['dofetilide'] },
  { name: 'ProAmatine', ingredients: ['midodrine'] },
  { name: 'Northera', ingredients: ['droxidopa'] },
  { name: 'EpiPen', ingredients: ['epinephrine'] },
  { name: 'Eliquis', ingredients: ['apixaban'] },
  { name: 'Xarelto', ingredients: ['rivaroxaban'] },
  { name: 'Pradaxa', ingredients: ['dabigatran etexilate'] },
  { name: 'Savaysa', ingredients: ['edoxaban'] },
  { name: 'Coumadin', ingredients: ['warfarin'] },
  { name: 'Jantoven', ingredients: ['warfarin'] },
  { name: 'Lovenox', ingredients: ['enoxaparin'] },
  { name: 'Arixtra', ingredients: ['fondaparinux'] },
  { name: 'Plavix', ingredients: ['clopidogrel'] },
  { name: 'Effient', ingredients: ['prasugrel'] },
  { name: 'Brilinta', ingredients: ['ticagrelor'] },
  { name: 'Pletal', ingredients: ['cilostazol'] },
  { name: 'Persantine', ingredients: ['dipyridamole'] },
  { name: 'Glucophage', ingredients: ['metformin'], aliases: ['Glucophage XR'] },
  { name: 'Glumetza', ingredients: ['metformin'] },
  { name: 'Fortamet', ingredients: ['metformin'] },
  { name: 'Riomet', ingredients: ['metformin'] },
  { name: 'Glucotrol', ingredients: ['glipizide'], aliases: ['Glucotrol XL'] },
  { name: 'Diabeta', ingredients: ['glyburide'] },
  { name: 'Glynase', ingredients: ['glyburide'] },
  { name: 'Micronase', ingredients: ['glyburide'] },
  { name: 'Amaryl', ingredients: ['glimepiride'] },
  { name: 'Januvia', ingredients: ['sitagliptin'] },
  { name: 'Janumet', ingredients: ['sitagliptin', 'metformin'], aliases: ['Janumet XR'] },
  { name: 'Tradjenta', ingredients: ['linagliptin'] },
  { name: 'Jentadueto', ingredients: ['linagliptin', 'metformin'] },
  { name: 'Onglyza', ingredients: ['saxagliptin'] },
  { name: 'Nesina', ingredients: ['alogliptin'] },
  { name: 'Jardiance', ingredients: ['empagliflozin'] },
  { name: 'Synjardy', ingredients: ['empagliflozin', 'metformin'] },
  { name: 'Glyxambi', ingredients: ['empagliflozin', 'linagliptin'] },
  { name: 'Farxiga', ingredients: ['dapagliflozin'] },
  { name: 'Xigduo XR', ingredients: ['dapagliflozin', 'metformin'] },
  { name: 'Invokana', ingredients: ['canagliflozin'] },
  { name: 'Steglatro', ingredients: ['ertugliflozin'] },
  { name: 'Ozempic', ingredients: ['semaglutide'] },
  { name: 'Wegovy', ingredients: ['semaglutide'] },
  { name: 'Rybelsus', ingredients: ['semaglutide'] },
  { name: 'Victoza', ingredients: ['liraglutide'] },
  { name: 'Saxenda', ingredients: ['liraglutide'] },
  { name: 'Trulicity', ingredients: ['dulaglutide'] },
  { name: 'Byetta', ingredients: ['exenatide'] },
  { name: 'Bydureon', ingredients: ['exenatide'], aliases: ['Bydureon BCise'] },
  { name: 'Mounjaro', ingredients: ['tirzepatide'] },
  { name: 'Zepbound', ingredients: ['tirzepatide'] },
  { name: 'Lantus', ingredients: ['insulin glargine'] },
  { name: 'Basaglar', ingredients: ['insulin glargine'] },
  { name: 'Toujeo', ingredients: ['insulin glargine'] },
  { name: 'Semglee', ingredients: ['insulin glargine'] },
  { name: 'Humalog', ingredients: ['insulin lispro'] },
  { name: 'Admelog', ingredients: ['insulin lispro'] },
  { name: 'Lyumjev', ingredients: ['insulin lispro'] },
  { name: 'Novolog', ingredients: ['insulin aspart'] },
  { name: 'Fiasp', ingredients: ['insulin aspart'] },
  { name: 'Levemir', ingredients: ['insulin detemir'] },
  { name: 'Tresiba', ingredients: ['insulin degludec'] },
  { name: 'Humulin', ingredients: ['insulin human'], aliases: ['Humulin R', 'Humulin N'] },
  { name: 'Novolin', ingredients: ['insulin human'], aliases: ['Novolin R', 'Novolin N'] },
  { name: 'Glyset', ingredients: ['miglitol'] },
  { name: 'Prandin', ingredients: ['repaglinide'] },
  { name: 'Starlix', ingredients: ['nateglinide'] },
  { name: 'Cytomel', ingredients: ['liothyronine'] },
  { name: 'Armour Thyroid', ingredients: ['thyroid'] },
  { name: 'Zoloft', ingredients: ['sertraline'] },
  { name: 'Prozac', ingredients: ['fluoxetine'] },
  { name: 'Sarafem', ingredients: ['fluoxetine'] },
  { name: 'Symbyax', ingredients: ['olanzapine', 'fluoxetine'] },
  { name: 'Celexa', ingredients: ['citalopram'] },
  { name: 'Lexapro', ingredients: ['escitalopram'] },
  { name: 'Paxil', ingredients: ['paroxetine'], aliases: ['Paxil CR'] },
  { name: 'Pexeva', ingredients: ['paroxetine'] },
  { name: 'Brisdelle', ingredients: ['paroxetine'] },
  { name: 'Luvox', ingredients: ['fluvoxamine'] },
  { name: 'Viibryd', ingredients: ['vilazodone'] },
  { name: 'Trintellix', ingredients: ['vortioxetine'] },
  { name: 'Remeron', ingredients: ['mirtazapine'], aliases: ['RemeronSolTab'] },
  { name: 'Nardil', ingredients: ['phenelzine'] },
  { name: 'Marplan', ingredients: ['isocarboxazid'] },
  { name: 'Emsam', ingredients: ['selegiline'] },
  { name: 'Eldepryl', ingredients: ['selegiline'] },
  { name: 'Zelapar', ingredients: ['selegiline'] },
  { name: 'Exxua', ingredients: ['gepirone'] },
  { name: 'Zurzuvae', ingredients: ['zuranolone'] },
  { name: 'Lithobid', ingredients: ['lithium'] },
  { name: 'Buspar', ingredients: ['buspirone'] },
  { name: 'Seroquel', ingredients: ['quetiapine'], aliases: ['Seroquel XR'] },
  { name: 'Abilify', ingredients: ['aripiprazole'], aliases: ['Abilify Maintena'] },
  { name: 'Rexulti', ingredients: ['brexpiprazole'] },
  { name: 'Vraylar', ingredients: ['cariprazine'] },
  { name: 'Risperdal', ingredients: ['risperidone'], aliases: ['Risperdal Consta'] },
  { name: 'Invega', ingredients: ['paliperidone'], aliases: ['Invega Sustenna'] },
  { name: 'Zyprexa', ingredients: ['olanzapine'], aliases: ['Zyprexa Zydis'] },
  { name: 'Geodon', ingredients: ['ziprasidone'] },
  { name: 'Latuda', ingredients: ['lurasidone'] },
  { name: 'Caplyta', ingredients: ['lumateperone'] },
  { name: 'Saphris', ingredients: ['asenapine'] },
  { name: 'Fanapt', ingredients: ['iloperidone'] },
  { name: 'Clozaril', ingredients: ['clozapine'] },
  { name: 'Haldol', ingredients: ['haloperidol'] },
  { name: 'Thorazine', ingredients: ['chlorpromazine'] },
  { name: 'Trilafon', ingredients: ['perphenazine'] },
  { name: 'Compazine', ingredients: ['prochlorperazine'] },
  { name: 'Nuplazid', ingredients: ['pimavanserin'] },
  { name: 'Xanax', ingredients: ['alprazolam'], aliases: ['Xanax XR'] },
  { name: 'Ativan', ingredients: ['lorazepam'] },
  { name: 'Valium', ingredients: ['diazepam'] },
  { name: 'Diastat', ingredients: ['diazepam'], aliases: ['Diastat AcuDial'] },
  { name: 'Valtoco', ingredients: ['diazepam'] },
  { name: 'Restoril', ingredients: ['temazepam'] },
  { name: 'Librium', ingredients: ['chlordiazepoxide'] },
  { name: 'Tranxene', ingredients: ['clorazepate'], aliases: ['Tranxene T-Tab'] },
  { name: 'Halcion', ingredients: ['triazolam'] },
  { name: 'Versed', ingredients: ['midazolam'] },
  { name: 'Nayzilam', ingredients: ['midazolam'] },
  { name: 'Ambien', ingredients: ['zolpidem'], aliases: ['Ambien CR'] },
  { name: 'Edluar', ingredients: ['zolpidem'] },
  { name: 'Lunesta', ingredients: ['eszopiclone'] },
  { name: 'Sonata', ingredients: ['zaleplon'] },
  { name: 'Rozerem', ingredients: ['ramelteon'] },
  { name: 'Dayvigo', ingredients: ['lemborexant'] },
  { name: 'Quviviq', ingredients: ['daridorexant'] },
  { name: 'Unisom', ingredients: ['doxylamine'] },
  { name: 'Adderall', ingredients: ['amphetamine', 'dextroamphetamine'], aliases: ['Adderall XR'] },
  { name: 'Mydayis', ingredients: ['amphetamine', 'dextroamphetamine'] },
  { name: 'Vyvanse', ingredients: ['lisdexamfetamine'] },
  { name: 'Dexedrine', ingredients: ['dextroamphetamine'] },
  { name: 'Zenzedi', ingredients: ['dextroamphetamine'] },
  { name: 'Strattera', ingredients: ['atomoxetine'] },
  { name: 'Qelbree', ingredients: ['viloxazine'] },
  { name: 'Sunosi', ingredients: ['solriamfetol'] },
  { name: 'Wakix', ingredients: ['pitolisant'] },
  { name: 'Aricept', ingredients: ['donepezil'] },
  { name: 'Namenda', ingredients: ['memantine'], aliases: ['Namenda XR'] },
  { name: 'Namzaric', ingredients: ['memantine', 'donepezil'] },
  { name: 'Razadyne', ingredients: ['galantamine'] },
  { name: 'Mirapex', ingredients: ['pramipexole'] },
  { name: 'Requip', ingredients: ['ropinirole'] },
  { name: 'Neupro', ingredients: ['rotigotine'] },
  { name: 'Azilect', ingredients: ['rasagiline'] },
  { name: 'Gocovri', ingredients: ['amantadine'] },
  { name: 'Cogentin', ingredients: ['benztropine'] },
  { name: 'Comtan', ingredients: ['entacapone'] },
  { name: 'Xenazine', ingredients: ['tetrabenazine'] },
  { name: 'Imitrex', ingredients: ['sumatriptan'] },
  { name: 'Treximet', ingredients: ['sumatriptan', 'naproxen'] },
  { name: 'Maxalt', ingredients: ['rizatriptan'], aliases: ['Maxalt-MLT'] },
  { name: 'Zomig', ingredients: ['zolmitriptan'] },
  { name: 'Relpax', ingredients: ['eletriptan'] },
  { name: 'Amerge', ingredients: ['naratriptan'] },
  { name: 'Frova', ingredients: ['frovatriptan'] },
  { name: 'Aimovig', ingredients: ['erenumab'] },
  { name: 'Ajovy', ingredients: ['fremanezumab'] },
  { name: 'Emgality', ingredients: ['galcanezumab'] },
  { name: 'Vyepti', ingredients: ['eptinezumab'] },
  { name: 'Ubrelvy', ingredients: ['ubrogepant'] },
  { name: 'Nurtec ODT', ingredients: ['rimegepant'] },
  { name: 'Qulipta', ingredients: ['atogepant'] },
  { name: 'Reyvow', ingredients: ['lasmiditan'] },
  { name: 'Migranal', ingredients: ['dihydroergotamine'] },
  { name: 'Trudhesa', ingredients: ['dihydroergotamine'] },
  { name: 'Botox', ingredients: ['onabotulinumtoxina'] },
  { name: 'Ampyra', ingredients: ['dalfampridine'] },
  { name: 'Rituxan', ingredients: ['rituximab'] },
  { name: 'Flexeril', ingredients: ['cyclobenzaprine'] },
  { name: 'Amrix', ingredients: ['cyclobenzaprine'] },
  { name: 'Fexmid', ingredients: ['cyclobenzaprine'] },
  { name: 'Zanaflex', ingredients: ['tizanidine'] },
  { name: 'Lioresal', ingredients: ['baclofen'] },
  { name: 'Ozobax', ingredients: ['baclofen'] },
  { name: 'Lyvispah', ingredients: ['baclofen'] },
  { name: 'Fleqsuvy', ingredients: ['baclofen'] },
  { name: 'Gablofen', ingredients: ['baclofen'] },
  { name: 'Dantrium', ingredients: ['dantrolene'] },
  { name: 'Naprosyn', ingredients: ['naproxen'], aliases: ['EC-Naprosyn'] },
  { name: 'Aleve', ingredients: ['naproxen'] },
  { name: 'Anaprox', ingredients: ['naproxen'], aliases: ['Anaprox DS'] },
  { name: 'Naprelan', ingredients: ['naproxen'] },
  { name: 'Vimovo', ingredients: ['naproxen', 'esomeprazole'] },
  { name: 'Mobic', ingredients: ['meloxicam'] },
  { name: 'Vivlodex', ingredients: ['meloxicam'] },
  { name: 'Voltaren', ingredients: ['diclofenac'], aliases: ['Voltaren Gel', 'Voltaren-XR'] },
  { name: 'Cataflam', ingredients: ['diclofenac'] },
  { name: 'Zipsor', ingredients: ['diclofenac'] },
  { name: 'Zorvolex', ingredients: ['diclofenac'] },
  { name: 'Cambia', ingredients: ['diclofenac'] },
  { name: 'Flector', ingredients: ['diclofenac'] },
  { name: 'Pennsaid', ingredients: ['diclofenac'] },
  { name: 'Arthrotec', ingredients: ['diclofenac', 'misoprostol'] },
  { name: 'Lodine', ingredients: ['etodolac'] },
  { name: 'Relafen', ingredients: ['nabumetone'] },
  { name: 'Indocin', ingredients: ['indomethacin'] },
  { name: 'Tivorbex', ingredients: ['indomethacin'] },
  { name: 'Feldene', ingredients: ['piroxicam'] },
  { name: 'Clinoril', ingredients: ['sulindac'] },
  { name: 'Ansaid', ingredients: ['flurbiprofen'] },
  { name: 'Ponstel', ingredients: ['mefenamic acid'] },
  { name: 'Lidoderm', ingredients: ['lidocaine'] },
  { name: 'ZTlido', ingredients: ['lidocaine'] },
  { name: 'Xylocaine', ingredients: ['lidocaine'] },
  { name: 'Qutenza', ingredients: ['capsaicin'] },
  { name: 'Zostrix', ingredients: ['capsaicin'] },
  { name: 'Cytotec', ingredients: ['misoprostol'] },
  { name: 'Uloric', ingredients: ['febuxostat'] },
  { name: 'Colcrys', ingredients: ['colchicine'] },
  { name: 'Mitigare', ingredients: ['colchicine'] },
  { name: 'Prilosec', ingredients: ['omeprazole'], aliases: ['Prilosec OTC'] },
  { name: 'Nexium', ingredients: ['esomeprazole'] },
  { name: 'Protonix', ingredients: ['pantoprazole'] },
  { name: 'Prevacid', ingredients: ['lansoprazole'], aliases: ['Prevacid SoluTab'] },
  { name: 'Aciphex', ingredients: ['rabeprazole'] },
  { name: 'Dexilant', ingredients: ['dexlansoprazole'] },
  { name: 'Pepcid', ingredients: ['famotidine'], aliases: ['Pepcid AC'] },
  { name: 'Tagamet', ingredients: ['cimetidine'] },
  { name: 'Zantac', ingredients: ['ranitidine'] },
  { name: 'Axid', ingredients: ['nizatidine'] },
  { name: 'Carafate', ingredients: ['sucralfate'] },
  { name: 'Zofran', ingredients: ['ondansetron'], aliases: ['Zofran ODT'] },
  { name: 'Reglan', ingredients: ['metoclopramide'] },
  { name: 'Colace', ingredients: ['docusate'] },
  { name: 'Senokot', ingredients: ['sennosides'] },
  { name: 'Senokot-S', ingredients: ['sennosides', 'docusate'], aliases: ['Senna-S'] },
  { name: 'Miralax', ingredients: ['polyethylene glycol 3350'] },
  { name: 'Dulcolax', ingredients: ['bisacodyl'] },
  { name: 'Linzess', ingredients: ['linaclotide'] },
  { name: 'Amitiza', ingredients: ['lubiprostone'] },
  { name: 'Trulance', ingredients: ['plecanatide'] },
  { name: 'Bentyl', ingredients: ['dicyclomine'] },
  { name: 'Levsin', ingredients: ['hyoscyamine'] },
  { name: 'Lialda', ingredients: ['mesalamine'] },
  { name: 'Asacol', ingredients: ['mesalamine'], aliases: ['Asacol HD'] },
  { name: 'Pentasa', ingredients: ['mesalamine'] },
  { name: 'Apriso', ingredients: ['mesalamine'] },
  { name: 'Delzicol', ingredients: ['mesalamine'] },
  { name: 'Azulfidine', ingredients: ['sulfasalazine'] },
  { name: 'Entocort EC', ingredients: ['budesonide'] },
  { name: 'Uceris', ingredients: ['budesonide'] },
  { name: 'Pulmicort', ingredients: ['budesonide'], aliases: ['Pulmicort Flexhaler'] },
  { name: 'Rhinocort', ingredients: ['budesonide'] },
  { name: 'Symbicort', ingredients: ['budesonide', 'formoterol'] },
  { name: 'Gas-X', ingredients: ['simethicone'] },
  { name: 'Tums', ingredients: ['calcium carbonate'] },
  { name: 'Mag-Ox', ingredients: ['magnesium oxide'] },
  { name: 'Pepto-Bismol', ingredients: ['bismuth subsalicylate'] },
  { name: 'Actigall', ingredients: ['ursodiol'] },
  { name: 'Urso', ingredients: ['ursodiol'], aliases: ['Urso Forte'] },
  { name: 'Creon', ingredients: ['pancrelipase'] },
  { name: 'Xifaxan', ingredients: ['rifaximin'] },
  { name: 'Zyrtec', ingredients: ['cetirizine'] },
  { name: 'Claritin', ingredients: ['loratadine'] },
  { name: 'Clarinex', ingredients: ['desloratadine'] },
  { name: 'Allegra', ingredients: ['fexofenadine'] },
  { name: 'Benadryl', ingredients: ['diphenhydramine'] },
  { name: 'Antivert', ingredients: ['meclizine'] },
  { name: 'Singulair', ingredients: ['montelukast'] },
  { name: 'Flonase', ingredients: ['fluticasone'] },
  { name: 'Flovent', ingredients: ['fluticasone'], aliases: ['Flovent HFA'] },
  { name: 'Advair', ingredients: ['fluticasone', 'salmeterol'], aliases: ['Advair Diskus', 'Advair HFA'] },
  { name: 'Breo Ellipta', ingredients: ['fluticasone', 'vilanterol'], aliases: ['Breo'] },
  {
    name: 'Trelegy Ellipta',
    ingredients: ['fluticasone', 'umeclidinium', 'vilanterol'],
    aliases: ['Trelegy'],
  },
  { name: 'Anoro Ellipta', ingredients: ['umeclidinium', 'vilanterol'], aliases: ['Anoro'] },
  { name: 'Incruse Ellipta', ingredients: ['umeclidinium'], aliases: ['Incruse'] },
  { name: 'Nasonex', ingredients: ['mometasone'] },
  { name: 'Asmanex', ingredients: ['mometasone'] },
  { name: 'Qvar', ingredients: ['beclomethasone'], aliases: ['Qvar RediHaler'] },
  { name: 'Alvesco', ingredients: ['ciclesonide'] },
  { name: 'Nasacort', ingredients: ['triamcinolone'] },
  { name: 'Kenalog', ingredients: ['triamcinolone'] },
  { name: 'Astelin', ingredients: ['azelastine'] },
  { name: 'Pataday', ingredients: ['olopatadine'] },
  { name: 'ProAir', ingredients: ['albuterol'], aliases: ['ProAir HFA'] },
  { name: 'Ventolin', ingredients: ['albuterol'], aliases: ['Ventolin HFA'] },
  { name: 'Proventil', ingredients: ['albuterol'], aliases: ['Proventil HFA'] },
  { name: 'Atrovent', ingredients: ['ipratropium'] },
  { name: 'Combivent', ingredients: ['ipratropium', 'albuterol'], aliases: ['Combivent Respimat'] },
  { name: 'DuoNeb', ingredients: ['ipratropium', 'albuterol'] },
  { name: 'Spiriva', ingredients: ['tiotropium'], aliases: ['Spiriva HandiHaler', 'Spiriva Respimat'] },
  { name: 'Serevent', ingredients: ['salmeterol'] },
  { name: 'Theo-24', ingredients: ['theophylline'] },
  { name: 'Daliresp', ingredients: ['roflumilast'] },
  { name: 'Xolair', ingredients: ['omalizumab'] },
  { name: 'Dupixent', ingredients: ['dupilumab'] },
  { name: 'Fasenra', ingredients: ['benralizumab'] },
  { name: 'Amoxil', ingredients: ['amoxicillin'] },
  { name: 'Augmentin', ingredients: ['amoxicillin', 'clavulanate'] },
  { name: 'Zithromax', ingredients: ['azithromycin'], aliases: ['Z-Pak'] },
  { name: 'Biaxin', ingredients: ['clarithromycin'] },
  { name: 'Keflex', ingredients: ['cephalexin'] },
  { name: 'Omnicef', ingredients: ['cefdinir'] },
  { name: 'Ceftin', ingredients: ['cefuroxime'] },
  { name: 'Rocephin', ingredients: ['ceftriaxone'] },
  { name: 'Cipro', ingredients: ['ciprofloxacin'] },
  { name: 'Avelox', ingredients: ['moxifloxacin'] },
  { name: 'Vibramycin', ingredients: ['doxycycline'] },
  { name: 'Doryx', ingredients: ['doxycycline'] },
  { name: 'Acticlate', ingredients: ['doxycycline'] },
  { name: 'Minocin', ingredients: ['minocycline'] },
  { name: 'Solodyn', ingredients: ['minocycline'] },
  { name: 'Bactrim', ingredients: ['sulfamethoxazole', 'trimethoprim'], aliases: ['Bactrim DS'] },
  { name: 'Septra', ingredients: ['sulfamethoxazole', 'trimethoprim'], aliases: ['Septra DS'] },
  { name: 'Macrobid', ingredients: ['nitrofurantoin'] },
  { name: 'Macrodantin', ingredients: ['nitrofurantoin'] },
  { name: 'Cleocin', ingredients: ['clindamycin'] },
  { name: 'Flagyl', ingredients: ['metronidazole'] },
  { name: 'Tindamax', ingredients: ['tinidazole'] },
  { name: 'Vancocin', ingredients: ['vancomycin'] },
  { name: 'Zyvox', ingredients: ['linezolid'] },
  { name: 'Rifadin', ingredients: ['rifampin'] },
  { name: 'Diflucan', ingredients: ['fluconazole'] },
  { name: 'Lamisil', ingredients: ['terbinafine'] },
  { name: 'Valtrex', ingredients: ['valacyclovir'] },
  { name: 'Zovirax', ingredients: ['acyclovir'] },
  { name: 'Famvir', ingredients: ['famciclovir'] },
  { name: 'Tamiflu', ingredients: ['oseltamivir'] },
  { name: 'Paxlovid', ingredients: ['nirmatrelvir', 'ritonavir'] },
  { name: 'Stromectol', ingredients: ['ivermectin'] },
  { name: 'Bactroban', ingredients: ['mupirocin'] },
  { name: 'Flomax', ingredients: ['tamsulosin'] },
  { name: 'Uroxatral', ingredients: ['alfuzosin'] },
  { name: 'Rapaflo', ingredients: ['silodosin'] },
  { name: 'Proscar', ingredients: ['finasteride'] },
  { name: 'Propecia', ingredients: ['finasteride'] },
  { name: 'Avodart', ingredients: ['dutasteride'] },
  { name: 'Jalyn', ingredients: ['dutasteride', 'tamsulosin'] },
  { name: 'Detrol', ingredients: ['tolterodine'], aliases: ['Detrol LA'] },
  { name: 'Vesicare', ingredients: ['solifenacin'] },
  { name: 'Enablex', ingredients: ['darifenacin'] },
  { name: 'Toviaz', ingredients: ['fesoterodine'] },
  { name: 'Sanctura', ingredients: ['trospium'] },
  { name: 'Myrbetriq', ingredients: ['mirabegron'] },
  { name: 'Gemtesa', ingredients: ['vibegron'] },
  { name: 'Viagra', ingredients: ['sildenafil'] },
  { name: 'Revatio', ingredients: ['sildenafil'] },
  { name: 'Cialis', ingredients: ['tadalafil'] },
  { name: 'Adcirca', ingredients: ['tadalafil'] },
  { name: 'Levitra', ingredients: ['vardenafil'] },
  { name: 'Pyridium', ingredients: ['phenazopyridine'] },
  { name: 'Urecholine', ingredients: ['bethanechol'] },
  { name: 'Estrace', ingredients: ['estradiol'] },
  { name: 'Vivelle-Dot', ingredients: ['estradiol'] },
  { name: 'Climara', ingredients: ['estradiol'] },
  { name: 'Vagifem', ingredients: ['estradiol'] },
  { name: 'Premarin', ingredients: ['conjugated estrogens'] },
  { name: 'Yaz', ingredients: ['drospirenone', 'ethinyl estradiol'] },
  { name: 'Yasmin', ingredients: ['drospirenone', 'ethinyl estradiol'] },
  { name: 'Sprintec', ingredients: ['norgestimate', 'ethinyl estradiol'], aliases: ['Tri-Sprintec'] },
  { name: 'Aygestin', ingredients: ['norethindrone'] },
  { name: 'Provera', ingredients: ['medroxyprogesterone'] },
  { name: 'Depo-Provera', ingredients: ['medroxyprogesterone'] },
  { name: 'Prometrium', ingredients: ['progesterone'] },
  { name: 'AndroGel', ingredients: ['testosterone'] },
  { name: 'Evista', ingredients: ['raloxifene'] },
  { name: 'Soltamox', ingredients: ['tamoxifen'] },
  { name: 'Arimidex', ingredients: ['anastrozole'] },
  { name: 'Femara', ingredients: ['letrozole'] },
  { name: 'Aromasin', ingredients: ['exemestane'] },
  { name: 'Fosamax', ingredients: ['alendronate'] },
  { name: 'Boniva', ingredients: ['ibandronate'] },
  { name: 'Reclast', ingredients: ['zoledronic acid'] },
  { name: 'Prolia', ingredients: ['denosumab'] },
  { name: 'Forteo', ingredients: ['teriparatide'] },
  { name: 'Dostinex', ingredients: ['cabergoline'] },
  { name: 'Adipex-P', ingredients: ['phentermine'] },
  { name: 'Deltasone', ingredients: ['prednisone'] },
  { name: 'Rayos', ingredients: ['prednisone'] },
  { name: 'Millipred', ingredients: ['prednisolone'] },
  { name: 'Decadron', ingredients: ['dexamethasone'] },
  { name: 'Florinef', ingredients: ['fludrocortisone'] },
  { name: 'Celestone', ingredients: ['betamethasone'], aliases: ['Celestone Soluspan'] },
  { name: 'Temovate', ingredients: ['clobetasol'] },
  { name: 'Arava', ingredients: ['leflunomide'] },
  { name: 'Imuran', ingredients: ['azathioprine'] },
  { name: 'CellCept', ingredients: ['mycophenolate mofetil'] },
  { name: 'Myfortic', ingredients: ['mycophenolic acid'] },
  { name: 'Prograf', ingredients: ['tacrolimus'] },
  { name: 'Neoral', ingredients: ['cyclosporine'] },
  { name: 'Sandimmune', ingredients: ['cyclosporine'] },
  { name: 'Restasis', ingredients: ['cyclosporine'] },
  { name: 'Humira', ingredients: ['adalimumab'] },
  { name: 'Remicade', ingredients: ['infliximab'] },
  { name: 'Cimzia', ingredients: ['certolizumab pegol'] },
  { name: 'Simponi', ingredients: ['golimumab'], aliases: ['Simponi Aria'] },
  { name: 'Actemra', ingredients: ['tocilizumab'] },
  { name: 'Orencia', ingredients: ['abatacept'] },
  { name: 'Stelara', ingredients: ['ustekinumab'] },
  { name: 'Cosentyx', ingredients: ['secukinumab'] },
  { name: 'Tremfya', ingredients: ['guselkumab'] },
  { name: 'Skyrizi', ingredients: ['risankizumab'] },
  { name: 'Entyvio', ingredients: ['vedolizumab'] },
  { name: 'Xeljanz', ingredients: ['tofacitinib'], aliases: ['Xeljanz XR'] },
  { name: 'Olumiant', ingredients: ['baricitinib'] },
  { name: 'Rinvoq', ingredients: ['upadacitinib'] },
  { name: 'Otezla', ingredients: ['apremilast'] },
  { name: 'Benlysta', ingredients: ['belimumab'] },
  { name: 'Klor-Con', ingredients: ['potassium chloride'] },
  { name: 'K-Dur', ingredients: ['potassium chloride'] },
  { name: 'Feosol', ingredients: ['ferrous sulfate'] },
  { name: 'Rocaltrol', ingredients: ['calcitriol'] },
  { name: 'Renvela', ingredients: ['sevelamer'] },
  { name: 'Chantix', ingredients: ['varenicline'] },
  { name: 'Nicoderm CQ', ingredients: ['nicotine'], aliases: ['Nicoderm'] },
  { name: 'Nicorette', ingredients: ['nicotine'] },
  { name: 'Nicotrol', ingredients: ['nicotine'] },
  { name: 'Antabuse', ingredients: ['disulfiram'] },
  { name: 'Campral', ingredients: ['acamprosate'] },
  { name: 'Marinol', ingredients: ['dronabinol'] },
  { name: 'Syndros', ingredients: ['dronabinol'] },
  { name: 'Cesamet', ingredients: ['nabilone'] },
  { name: 'Xalatan', ingredients: ['latanoprost'] },
  { name: 'Alphagan P', ingredients: ['brimonidine'], aliases: ['Alphagan'] },
  { name: 'Trusopt', ingredients: ['dorzolamide'] },
  { name: 'Cosopt', ingredients: ['dorzolamide', 'timolol'] },

  // OTHER: brands of ingredients the opioid list defines (its combination partners), alone or with ours
  { name: 'Advil', ingredients: ['ibuprofen'] },
  { name: 'Advil PM', ingredients: ['ibuprofen', 'diphenhydramine'] },
  { name: 'Motrin', ingredients: ['ibuprofen'], aliases: ['Motrin IB'] },
  { name: 'Duexis', ingredients: ['ibuprofen', 'famotidine'] },
  { name: 'Celebrex', ingredients: ['celecoxib'] },
  { name: 'Elyxyb', ingredients: ['celecoxib'] },
  { name: 'Consensi', ingredients: ['amlodipine', 'celecoxib'] },
  { name: 'Tylenol PM', ingredients: ['acetaminophen', 'diphenhydramine'] },
  { name: 'Aleve PM', ingredients: ['naproxen', 'diphenhydramine'] },
  { name: 'Excedrin', ingredients: ['acetaminophen', 'aspirin', 'caffeine'], aliases: ['Excedrin Migraine'] },
  { name: 'Ecotrin', ingredients: ['aspirin'] },
  { name: 'Bufferin', ingredients: ['aspirin'] },
  { name: 'Aggrenox', ingredients: ['aspirin', 'dipyridamole'] },
  { name: 'Fioricet', ingredients: ['butalbital', 'acetaminophen', 'caffeine'] },
  { name: 'Esgic', ingredients: ['butalbital', 'acetaminophen', 'caffeine'] },
  { name: 'Fiorinal', ingredients: ['butalbital', 'aspirin', 'caffeine'] },
  { name: 'Soma', ingredients: ['carisoprodol'] },
  { name: 'Sudafed', ingredients: ['pseudoephedrine'] },
  { name: 'Sudafed PE', ingredients: ['phenylephrine'] },
  { name: 'Claritin-D', ingredients: ['loratadine', 'pseudoephedrine'] },
  { name: 'Clarinex-D', ingredients: ['desloratadine', 'pseudoephedrine'] },
  { name: 'Allegra-D', ingredients: ['fexofenadine', 'pseudoephedrine'] },
  { name: 'Zyrtec-D', ingredients: ['cetirizine', 'pseudoephedrine'] },
  { name: 'Chlor-Trimeton', ingredients: ['chlorpheniramine'] },
  { name: 'Mucinex', ingredients: ['guaifenesin'] },
  { name: 'Mucinex DM', ingredients: ['guaifenesin', 'dextromethorphan'] },
  { name: 'Robitussin DM', ingredients: ['guaifenesin', 'dextromethorphan'] },
  { name: 'Promethazine DM', ingredients: ['promethazine', 'dextromethorphan'] },
  { name: 'NyQuil', ingredients: ['acetaminophen', 'dextromethorphan', 'doxylamine'] },
  { name: 'DayQuil', ingredients: ['acetaminophen', 'dextromethorphan', 'phenylephrine'] },
];

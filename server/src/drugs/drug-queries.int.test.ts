import { VOCABULARY_VERSION } from '@ldn/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, aNetwork, apiAs, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { CLASSIFY_DRUG, DRUG_SEARCH, DRUG_VOCABULARY_VERSION } from './drug.operations.ts';

interface Classification {
  status: string;
  ingredients: string[];
  classes: string[];
  isOpioid: boolean;
  suggestion: string | null;
  matched: string[];
  unmatchedWords: string[];
  vocabularyVersion: string;
}
interface SearchHit {
  term: string;
  name: string;
  kind: string;
  ingredients: string[];
  classes: string[];
  isOpioid: boolean;
  rxcui: string | null;
}

describe('the drug vocabulary queries (clinical-rules §11)', () => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  const cookies: Record<string, string> = {};
  let asClinician: Api;
  let asCoordinator: Api;
  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-03-10T15:00:00Z') });
    cast = await aNetwork(server.db.prisma);
    for (const role of ['clinician', 'coordinator', 'pharmacist', 'admin'] as const) {
      cookies[role] = await signIn(server, cast[role]);
    }
    asClinician = apiAs(server, cookies.clinician!);
    asCoordinator = apiAs(server, cookies.coordinator!);
  });
  afterAll(async () => {
    await server?.close();
  });

  const classify = async (name: string, api = asClinician) =>
    (await api<{ classifyDrug: Classification }>(CLASSIFY_DRUG, { name })).classifyDrug;
  const search = async (query: string, first?: number, api = asClinician) =>
    (await api<{ drugSearch: SearchHit[] }>(DRUG_SEARCH, { query, first })).drugSearch;

  describe('classifyDrug', () => {
    it('reads a brand of a combination product as its ingredients, and as an opioid', async () => {
      const classification = await classify('Tylenol #3');
      expect(classification).toMatchObject({
        status: 'RECOGNISED',
        isOpioid: true,
        suggestion: null,
        vocabularyVersion: VOCABULARY_VERSION,
      });
      expect([...classification.ingredients].sort()).toEqual(['acetaminophen', 'codeine']);
      expect(classification.classes).toContain('OPIOID');
    });

    it.each([
      ['oxycodon', 'oxycodone'],
      ['oxycodon 5 mg', 'oxycodone'],
      ['morfine', 'morphine'],
    ])('reads the misspelt %s as a PROBABLE opioid with the suggestion %s', async (name, suggestion) => {
      expect(await classify(name)).toMatchObject({
        status: 'PROBABLE',
        suggestion,
        isOpioid: true,
        classes: expect.arrayContaining(['OPIOID']),
      });
    });

    it('answers UNRECOGNISED, with no classes and not an opioid, for a name it does not know', async () => {
      expect(await classify('Zorbafen')).toMatchObject({
        status: 'UNRECOGNISED',
        ingredients: [],
        classes: [],
        isOpioid: false,
        matched: [],
        unmatchedWords: expect.arrayContaining(['zorbafen']),
      });
    });

    it.each(['oxybutynin', 'oxcarbazepine', 'trazodone', 'hydroxyzine', 'naltrexone'])(
      'never takes the look-alike %s for an opioid',
      async (name) => {
        expect(await classify(name)).toMatchObject({ status: 'RECOGNISED', isOpioid: false });
      },
    );

    it('gives a coordinator the same answer as a clinician', async () => {
      expect(await classify('Tylenol #3', asCoordinator)).toEqual(await classify('Tylenol #3'));
    });

    it('answers a name of a million characters without an internal error', async () => {
      const response = await server.graphql(
        CLASSIFY_DRUG,
        { name: 'oxycodone '.repeat(100_000) },
        { cookie: cookies.clinician },
      );
      expect(response.status).toBeLessThan(500);
      expect(response.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      if (response.errors === undefined) {
        // What it answers, it answers safely: it cannot read a name full of oxycodone as no opioid.
        expect(response.data).toMatchObject({ classifyDrug: { isOpioid: true } });
      } else {
        expect(response.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      }
    });
  });

  it('never answers "not an opioid" for a name longer than a record holds that names one at its end', async () => {
    // 209 characters: more than a medication's drug column (200), with the opioid last.
    const response = await server.graphql(
      CLASSIFY_DRUG,
      { name: `${'a '.repeat(100)}oxycodone` },
      { cookie: cookies.clinician },
    );
    expect(response.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    // Refused like drugSearch's too-long query, or read whole: a preview must not clear an opioid.
    const refused = response.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT';
    const readAsOpioid =
      (response.data as { classifyDrug?: Classification } | null)?.classifyDrug?.isOpioid === true;
    expect({ refused, readAsOpioid }).not.toEqual({ refused: false, readAsOpioid: false });
  });

  describe('drugSearch', () => {
    it('finds a brand by its start and gives the concept behind it', async () => {
      const hits = await search('Tylenol');
      const tylenol3 = hits.find((hit) => hit.term === 'Tylenol #3');
      expect(tylenol3).toMatchObject({ isOpioid: true, classes: expect.arrayContaining(['OPIOID']) });
      expect([...(tylenol3?.ingredients ?? [])].sort()).toEqual(['acetaminophen', 'codeine']);
    });

    it('finds an ingredient and says it is one', async () => {
      const hits = await search('oxycodone');
      expect(hits[0]).toMatchObject({
        name: 'oxycodone',
        kind: 'INGREDIENT',
        ingredients: ['oxycodone'],
        isOpioid: true,
      });
    });

    it('answers at most `first` hits, ten unless told', async () => {
      expect((await search('a')).length).toBeLessThanOrEqual(10);
      expect(await search('o', 1)).toHaveLength(1);
      expect((await search('o', 50)).length).toBeLessThanOrEqual(50);
    });

    it('answers nothing for a name it does not know', async () => {
      expect(await search('Zorbafen')).toEqual([]);
    });

    it.each([0, -1, 51, 1000])('refuses first: %i as BAD_USER_INPUT', async (first) => {
      await expect(search('oxy', first)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'first' },
      });
    });

    it('refuses a query of a million characters cleanly, as BAD_USER_INPUT', async () => {
      const response = await server.graphql(
        DRUG_SEARCH,
        { query: 'o'.repeat(1_000_000), first: 10 },
        { cookie: cookies.clinician },
      );
      expect(response.status).toBeLessThan(500);
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'query' } });
    });
  });

  describe('who may ask', () => {
    const QUERIES: [string, string, Record<string, unknown>][] = [
      ['drugSearch', DRUG_SEARCH, { query: 'oxy' }],
      ['classifyDrug', CLASSIFY_DRUG, { name: 'Tylenol #3' }],
    ];

    it.each(QUERIES)('a clinician and a coordinator may use %s', async (_name, document, variables) => {
      await expect(asClinician(document, variables)).resolves.toBeDefined();
      await expect(asCoordinator(document, variables)).resolves.toBeDefined();
    });

    describe.each(['pharmacist', 'admin'])('a %s', (role) => {
      it.each(QUERIES)('is FORBIDDEN %s', async (_name, document, variables) => {
        const response = await server.graphql(document, variables, { cookie: cookies[role] });
        expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
        expect(response.data ?? null).toBeNull();
      });

      it('may read the vocabulary version', async () => {
        const response = await server.graphql(DRUG_VOCABULARY_VERSION, {}, { cookie: cookies[role] });
        expect(response.data).toEqual({ drugVocabularyVersion: VOCABULARY_VERSION });
      });
    });

    it.each([...QUERIES, ['drugVocabularyVersion', DRUG_VOCABULARY_VERSION, {}] as const])(
      'someone signed out is UNAUTHENTICATED for %s',
      async (_name, document, variables) => {
        const response = await server.graphql(document, variables);
        expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
        expect(response.data ?? null).toBeNull();
      },
    );
  });
});

import { medicationDrugColumns, priorTherapyDrugColumns } from '@ldn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { type Api, aPatient, apiAs } from './patient.builders.ts';
import { PATIENTS, PATIENTS_WITH_HISTORIES } from './patient.operations.ts';

interface Page {
  patients: {
    edges: { cursor: string; node: { id: string; givenName: string; familyName: string; mrn: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
}

const day = (date: string) => new Date(`${date}T00:00:00Z`);
const namesOf = (page: Page) => page.patients.edges.map(({ node }) => `${node.givenName} ${node.familyName}`);

describe('finding patients', () => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let asClinician: Api;
  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-03-10T15:00:00Z') });
    cast = await aNetwork(server.db.prisma);
    asClinician = apiAs(server, await signIn(server, cast.clinician));
    const people = [
      ['Ada', 'Lovelace', 'LOV-001', '1980-12-10'],
      ['Ada', 'Byron', 'BYR-002', '1815-12-10'],
      ['Ada', 'Byron', 'BYR-003', '1816-01-01'],
      ['Charles', 'Babbage', 'X9-003', '1791-12-26'],
      ['Grace', 'Hopper', 'HOP-004', '1906-12-09'],
      ['Alan', 'Turing', 'TUR-005', '1912-06-23'],
    ] as const;
    for (const [givenName, familyName, mrn, born] of people) {
      await aPatient(server.db.prisma, cast.clinic.id, {
        givenName,
        familyName,
        mrn,
        dateOfBirth: day(born),
      });
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  const search = (variables: Record<string, unknown>) => asClinician<Page>(PATIENTS, variables);

  it.each([
    ['a given name, in any case', 'aDA', ['Ada Byron', 'Ada Byron', 'Ada Lovelace']],
    ['part of a family name', 'opp', ['Grace Hopper']],
    ['both words, in either order', 'lovelace ada', ['Ada Lovelace']],
    ['words that are not all in the name', 'ada hopper', []],
    ['a date of birth', '1906-12-09', ['Grace Hopper']],
    ['an exact MRN', 'X9-003', ['Charles Babbage']],
    ['an MRN prefix, in any case', 'byr-', ['Ada Byron', 'Ada Byron']],
    ['the middle of an MRN (no match)', '9-003', []],
    ['a LIKE wildcard, taken literally', '%', []],
    ['a single-character LIKE wildcard, taken literally', 'Ad_', []],
    [
      'only spaces (everyone)',
      '   ',
      ['Charles Babbage', 'Ada Byron', 'Ada Byron', 'Grace Hopper', 'Ada Lovelace', 'Alan Turing'],
    ],
  ])('finds patients by %s', async (_case, term, expected) => {
    const page = await search({ search: term });
    expect(namesOf(page)).toEqual(expected);
    expect(page.patients.totalCount).toBe(expected.length);
  });

  it('orders by family name, given name and id, and walks every page exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Page = await search({ first: 2, after });
      seen.push(...page.patients.edges.map(({ node }) => node.id));
      pages += 1;
      expect(page.patients.totalCount).toBe(6);
      if (!page.patients.pageInfo.hasNextPage) break;
      after = page.patients.pageInfo.endCursor;
    }
    const all = await server.db.prisma.patient.findMany({
      where: { clinicId: cast.clinic.id },
      orderBy: [{ familyName: 'asc' }, { givenName: 'asc' }, { id: 'asc' }],
    });
    expect(seen).toEqual(all.map((patient) => patient.id));
    expect(pages).toBe(3);
  });

  it('gives the last edge’s cursor as endCursor, and null for an empty page', async () => {
    const page = await search({ first: 3 });
    expect(page.patients.pageInfo.endCursor).toBe(page.patients.edges[2]?.cursor);
    const empty = await search({ search: 'nobody-by-this-name' });
    expect(empty.patients.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it.each([
    ['more than 100 a page', { first: 101 }, 'first'],
    ['no patients a page', { first: 0 }, 'first'],
    ['a page size of null', { first: null }, 'first'],
    ['a cursor it did not give out', { after: 'bm90IGEgY3Vyc29y' }, 'after'],
    [
      'a cursor whose id is not a record id',
      { after: Buffer.from(JSON.stringify(['Lovelace', 'Ada', 'not-a-uuid'])).toString('base64url') },
      'after',
    ],
    ['a search longer than 100 characters', { search: 'a'.repeat(101) }, 'search'],
  ])('refuses %s as bad input', async (_case, variables, field) => {
    await expect(search(variables)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
  });

  it('writes one LIST audit row per page, naming every patient shown', async () => {
    const before = await server.db.prisma.auditLog.count({ where: { action: 'LIST' } });
    const page = await search({ search: 'ada' });
    const rows = await server.db.prisma.auditLog.findMany({
      where: { action: 'LIST', id: { gt: BigInt(0) } },
      orderBy: { id: 'asc' },
      skip: before,
    });
    expect(page.patients.edges.length).toBeGreaterThan(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: 'Patient', entityId: null, actorId: cast.clinician.id });
    expect([...(rows[0]?.entityIds ?? [])].sort()).toEqual(
      page.patients.edges.map(({ node }) => node.id).sort(),
    );
  });

  it('reads a page of 100 with nested histories in as many statements as a page of 10', async () => {
    const prisma = server.db.prisma;
    const clinicId = cast.otherClinic.id;
    await prisma.patient.createMany({
      data: Array.from({ length: 100 }, (_, i) => ({
        clinicId,
        mrn: `BULK-${i}`,
        givenName: `Given${i}`,
        familyName: `Bulk${String(i).padStart(3, '0')}`,
        dateOfBirth: day('1960-05-05'),
      })),
    });
    const bulk = await prisma.patient.findMany({ where: { clinicId } });
    const recordedById = cast.otherClinician.id;
    await prisma.priorTherapy.createMany({
      data: bulk.map((p) => ({
        patientId: p.id,
        ...priorTherapyDrugColumns('nortriptyline'),
        outcome: 'INEFFECTIVE',
        recordedById,
      })),
    });
    await prisma.medication.createMany({
      data: bulk.map((p) => ({ patientId: p.id, ...medicationDrugColumns('tramadol'), recordedById })),
    });
    await prisma.symptomScore.createMany({
      data: bulk.map((p) => ({
        patientId: p.id,
        measure: 'PAIN_NRS',
        scoredOn: day('2026-03-01'),
        score: 6,
        recordedById,
      })),
    });
    const asOther = apiAs(server, await signIn(server, cast.otherClinician));
    const statementsFor = async (first: number) => {
      const statements: string[] = [];
      const unsubscribe = server.db.onStatement((sql) => statements.push(sql));
      try {
        const data = await asOther<{ patients: { edges: { node: { medications: unknown[] } }[] } }>(
          PATIENTS_WITH_HISTORIES,
          { first },
        );
        expect(data.patients.edges).toHaveLength(first);
        expect(data.patients.edges.every(({ node }) => node.medications.length === 1)).toBe(true);
      } finally {
        unsubscribe();
      }
      return statements.length;
    };
    await statementsFor(10); // warms the session, so both counts see the same sign-in state
    expect(await statementsFor(100)).toBe(await statementsFor(10));
  });
});

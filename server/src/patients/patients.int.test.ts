import type { Patient } from '@ldn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { type Api, aPatient, apiAs } from './patient.builders.ts';
import { PATIENT, REGISTER, UPDATE } from './patient.operations.ts';

interface PatientData {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  email: string | null;
  phone: string | null;
  allergies: string | null;
  version: number;
}

const anInput = (overrides: Record<string, unknown> = {}) => ({
  mrn: `R-${Math.random().toString(36).slice(2, 10)}`,
  givenName: 'Ada',
  familyName: 'Lovelace',
  dateOfBirth: '1980-12-10',
  phone: '+1 555 0100',
  email: 'ada@example.test',
  addressLine1: '1 Analytical Way',
  city: 'Springfield',
  region: 'IL',
  postalCode: '62701',
  allergies: 'Penicillin',
  ...overrides,
});

describe('registering and changing patients', () => {
  const clock = fixedClock('2026-03-10T15:00:00Z');
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let asCoordinator: Api;
  let asClinician: Api;
  beforeAll(async () => {
    server = await startTestServer({ clock });
    cast = await aNetwork(server.db.prisma);
    asCoordinator = apiAs(server, await signIn(server, cast.coordinator));
    asClinician = apiAs(server, await signIn(server, cast.clinician));
  });
  afterAll(async () => {
    await server?.close();
  });

  const register = (input: Record<string, unknown>) =>
    asCoordinator<{ registerPatient: PatientData }>(REGISTER, { input }).then((d) => d.registerPatient);

  it('registers a patient in the viewer’s clinic at version 1, with an audit row', async () => {
    const input = anInput({ givenName: '  Grace ', familyName: 'Hopper ' });
    const patient = await register(input);
    expect(patient).toMatchObject({
      mrn: input.mrn,
      givenName: 'Grace',
      familyName: 'Hopper',
      dateOfBirth: '1980-12-10',
      email: 'ada@example.test',
      allergies: 'Penicillin',
      version: 1,
    });
    const stored = await server.db.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } });
    expect(stored.clinicId).toBe(cast.clinic.id);
    const rows = await server.db.prisma.auditLog.findMany({ where: { entityId: patient.id } });
    expect(rows).toMatchObject([{ action: 'CREATE', entity: 'Patient', actorId: cast.coordinator.id }]);
  });

  it('refuses a medical record number the clinic already uses, on the mrn field', async () => {
    const first = await register(anInput());
    const count = await server.db.prisma.patient.count();
    await expect(register(anInput({ mrn: first.mrn }))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'mrn' },
    });
    expect(await server.db.prisma.patient.count()).toBe(count);
  });

  it('lets another clinic use the same medical record number', async () => {
    const mine = await register(anInput());
    const asOther = apiAs(server, await signIn(server, cast.otherClinician));
    const theirs = await asOther<{ registerPatient: PatientData }>(REGISTER, {
      input: anInput({ mrn: mine.mrn }),
    });
    expect(theirs.registerPatient.mrn).toBe(mine.mrn);
  });

  it.each([
    ['a date of birth in the future', { dateOfBirth: '2026-03-11' }, 'dateOfBirth'],
    ['a date that does not exist', { dateOfBirth: '1980-02-30' }, 'input.dateOfBirth'],
    ['a blank given name', { givenName: '   ' }, 'givenName'],
    ['a missing family name', { familyName: undefined }, 'input'],
    ['an MRN longer than its column', { mrn: 'M'.repeat(41) }, 'mrn'],
    ['allergies longer than their column', { allergies: 'a'.repeat(1001) }, 'allergies'],
    ['an email that is not one', { email: 'not-an-email' }, 'email'],
  ])('refuses %s and stores nothing', async (_case, overrides, field) => {
    const before = await server.db.prisma.patient.count();
    await expect(register(anInput(overrides))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field },
    });
    expect(await server.db.prisma.patient.count()).toBe(before);
  });

  it('accepts a date of birth of today', async () => {
    expect((await register(anInput({ dateOfBirth: '2026-03-10' }))).dateOfBirth).toBe('2026-03-10');
  });

  describe('updatePatient', () => {
    let patient: Patient;
    beforeAll(async () => {
      patient = await aPatient(server.db.prisma, cast.clinic.id, { email: 'old@example.test' });
    });
    const update = (version: number, input: Record<string, unknown>, id = patient.id) =>
      asClinician<{ updatePatient: PatientData }>(UPDATE, { id, version, input }).then(
        (d) => d.updatePatient,
      );

    it('changes only the fields sent, clears a field sent as null, and moves the version on', async () => {
      const updated = await update(1, { phone: '+1 555 0199', email: null });
      expect(updated).toMatchObject({
        givenName: patient.givenName,
        phone: '+1 555 0199',
        email: null,
        version: 2,
      });
      const rows = await server.db.prisma.auditLog.findMany({
        where: { entityId: patient.id, action: 'UPDATE' },
      });
      expect(rows).toHaveLength(1);
    });

    it('refuses a stale version with CONFLICT and leaves the patient as it was', async () => {
      const before = await server.db.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } });
      await expect(update(before.version - 1, { givenName: 'Stale' })).rejects.toMatchObject({
        extensions: { code: 'CONFLICT' },
      });
      expect(await server.db.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).toEqual(before);
    });

    it('lets only one of two changes made from the same version win', async () => {
      const { version } = await server.db.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } });
      const results = await Promise.allSettled([
        update(version, { city: 'First' }),
        update(version, { city: 'Second' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({
        reason: { extensions: { code: 'CONFLICT' } },
      });
    });

    it('answers NOT_FOUND, not CONFLICT, for a patient that does not exist', async () => {
      await expect(update(1, { city: 'X' }, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND' },
      });
    });

    it.each([
      ['a required field sent as null', { givenName: null }, 'givenName'],
      ['a date of birth in the future', { dateOfBirth: '2027-01-01' }, 'dateOfBirth'],
      ['a postal code longer than its column', { postalCode: '1'.repeat(21) }, 'postalCode'],
    ])('refuses %s and changes nothing', async (_case, input, field) => {
      const before = await server.db.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } });
      await expect(update(before.version, input)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field },
      });
      expect(await server.db.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).toEqual(before);
    });

    it('refuses an MRN another patient of the clinic has, on the mrn field', async () => {
      const other = await aPatient(server.db.prisma, cast.clinic.id);
      const before = await server.db.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } });
      await expect(update(before.version, { mrn: other.mrn })).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'mrn' },
      });
      expect(await server.db.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).toEqual(before);
    });
  });

  describe('reading a patient', () => {
    it('returns the patient and writes a READ audit row with ids only', async () => {
      const patient = await aPatient(server.db.prisma, cast.clinic.id, {
        givenName: 'Audrey',
        familyName: 'Auditable',
        mrn: 'AUD-1',
      });
      const data = await asClinician<{ patient: PatientData }>(PATIENT, { id: patient.id });
      expect(data.patient).toMatchObject({ id: patient.id, givenName: 'Audrey', dateOfBirth: '1970-01-01' });
      const rows = await server.db.prisma.auditLog.findMany({ where: { entityId: patient.id } });
      expect(rows).toMatchObject([
        { action: 'READ', entity: 'Patient', actorId: cast.clinician.id, organisationId: cast.clinic.id },
      ]);
      const written = JSON.stringify(rows, (_key, value) =>
        typeof value === 'bigint' ? String(value) : value,
      );
      expect(written).not.toMatch(/Audrey|Auditable|AUD-1|1970-01-01/);
    });

    it('answers NOT_FOUND for an id that is not a record id at all', async () => {
      await expect(asClinician(PATIENT, { id: 'not-a-uuid' })).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND' },
      });
    });
  });
});

import type { Database, OrganisationKind, Role } from '@ldn/db';
import { createTestDatabase } from '@ldn/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../auth/viewer.ts';
import { Repositories } from './repositories.ts';

// Each viewer's repository opens through one gate (repository.ts `viewerGated`): this holds what
// each of the four admits, and that a refusal comes before the database hears of the request.
describe("the gates of the viewers' repositories", () => {
  let db: Database;
  let statements = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    db.onStatement(() => {
      statements += 1;
    });
  });
  afterAll(async () => {
    await db?.close();
  });

  const viewerOf = (organisationKind: OrganisationKind, role: Role): Viewer => ({
    userId: '00000000-0000-4000-8000-000000000001',
    sessionId: 'test',
    organisationId: '00000000-0000-4000-8000-000000000002',
    organisationKind,
    role,
    name: 'Test',
  });

  const doors = ['clinic', 'pharmacy', 'admin', 'analytics'] as const;
  type Door = (typeof doors)[number];

  /** The door each viewer may open; every other door is FORBIDDEN to them. */
  const viewers: [string, Viewer, Door[]][] = [
    ["a clinic's clinician", viewerOf('CLINIC', 'CLINICIAN'), ['clinic']],
    ["a clinic's administrator", viewerOf('CLINIC', 'ADMIN'), ['clinic']],
    ["a pharmacy's pharmacist", viewerOf('PHARMACY', 'PHARMACIST'), ['pharmacy']],
    ["a pharmacy's administrator", viewerOf('PHARMACY', 'ADMIN'), ['pharmacy']],
    ["the network's administrator", viewerOf('NETWORK', 'ADMIN'), ['admin', 'analytics']],
    ["the network's coordinator", viewerOf('NETWORK', 'COORDINATOR'), []],
  ];

  it.each(doors)('refuses nobody signed in at the %s door, reading nothing', (door) => {
    statements = 0;
    expect(() => new Repositories(db.prisma, null, 'test')[door]()).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    );
    expect(statements).toBe(0);
  });

  it.each(viewers)('opens to %s only its own doors, reading nothing', (_who, viewer, admitted) => {
    statements = 0;
    for (const door of doors) {
      const open = () => new Repositories(db.prisma, viewer, 'test')[door]();
      if (admitted.includes(door)) expect(open().viewer).toBe(viewer);
      else
        expect(open).toThrow(
          expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
        );
    }
    expect(statements).toBe(0);
  });

  it("holds a clinic's and a pharmacy's repository to the viewer's organisation", async () => {
    const clinic = new Repositories(db.prisma, viewerOf('CLINIC', 'CLINICIAN'), 'test').clinic();
    const pharmacy = new Repositories(db.prisma, viewerOf('PHARMACY', 'PHARMACIST'), 'test').pharmacy();
    expect(clinic.patientWhere).toEqual({ clinicId: '00000000-0000-4000-8000-000000000002' });
    expect(pharmacy.orderWhere).toEqual({
      pharmacyId: '00000000-0000-4000-8000-000000000002',
      state: { not: 'DRAFT' },
    });
    // The statement count above is listening: an opened repository's read is heard.
    statements = 0;
    await clinic.patientsPage(null, 1, null);
    expect(statements).toBeGreaterThan(0);
  });
});

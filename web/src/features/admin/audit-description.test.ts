import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './api/audit-log.ts';
import { describeRow, rowsOf } from './audit-description.ts';

const anEntry = (id: string, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  id,
  at: '2026-03-01T10:00:00.000Z',
  actorId: 'person-1',
  actorName: 'Priya Raman',
  patientLinkId: null,
  organisationId: 'org-1',
  organisationName: 'Clinic',
  action: 'READ',
  entity: 'Patient',
  entityId: `record-${id}`,
  entityIds: [],
  requestId: `req-${id}`,
  ...overrides,
});
/** A row the patient's own request wrote: no person, the trial's clinic, the link. */
const throughLink = { actorId: null, actorName: null, patientLinkId: '0f3c9a2e-5b1d-4c6e-9a7b-2d8e4f6a1c3b' };
const described = (entries: AuditEntry[], mrn: string | null = null) =>
  rowsOf(entries).map((row) => describeRow(row, mrn));

describe('an audit row in words', () => {
  it.each([
    [{ action: 'READ', entity: 'Trial' }, 'MRN-7', 'Priya Raman opened the trial of patient MRN-7'],
    [{ action: 'READ', entity: 'Patient' }, 'MRN-7', 'Priya Raman opened patient MRN-7'],
    [{ action: 'READ', entity: 'Order' }, null, 'Priya Raman opened an order'],
    [
      { action: 'ENTERED_IN_ERROR', entity: 'SymptomScore' },
      null,
      'Priya Raman marked entered in error a pain score',
    ],
    [{ action: 'SIGN_IN', entity: 'User' }, null, 'Priya Raman signed in'],
    [
      { action: 'INVITE', entity: 'User', actorId: null, actorName: null },
      null,
      'The system invited a person',
    ],
    [{ action: 'SOMETHING_NEW', entity: 'Widget' }, null, 'Priya Raman something new a widget'],
    [{ action: 'ISSUE', entity: 'PatientLink' }, null, 'Priya Raman issued a patient link'],
    [{ action: 'ISSUE', entity: 'ApiToken' }, null, 'Priya Raman issued an API token'],
    // A system's request through the FHIR API with a token: no person.
    [
      { action: 'API_TOKEN_USE', entity: 'ApiToken', actorId: null, actorName: null },
      null,
      'The system read records with an API token',
    ],
    // A patient's own requests through their link: no person, and never "the system".
    [
      { action: 'PATIENT_REPORT', entity: 'PatientLink', ...throughLink },
      null,
      'The patient (link 0f3c9a2e) sent an evening report',
    ],
    [
      { action: 'READ', entity: 'PatientLink', ...throughLink },
      null,
      'The patient (link 0f3c9a2e) opened their report page',
    ],
    [
      { action: 'BIRTH_DATE_REFUSED', entity: 'PatientLink', ...throughLink },
      null,
      'The patient (link 0f3c9a2e) gave a wrong date of birth',
    ],
    [
      { action: 'CREATE', entity: 'SymptomScore', ...throughLink },
      'MRN-7',
      'The patient (link 0f3c9a2e) created the pain score of patient MRN-7',
    ],
  ])('describes %o (searched MRN %s) as "%s"', (overrides, mrn, sentence) => {
    expect(described([anEntry('1', overrides)], mrn)).toEqual([sentence]);
  });

  it('groups the lists of one request into one row, and keeps other requests apart', () => {
    const list = (id: string, entity: string, ids: string[], requestId: string) =>
      anEntry(id, { action: 'LIST', entity, entityId: null, entityIds: ids, requestId });
    const rows = rowsOf([
      list('4', 'Order', ['o-1'], 'req-a'),
      list('3', 'Patient', ['p-1', 'p-2'], 'req-a'),
      list('2', 'Patient', ['p-3'], 'req-b'),
      anEntry('1'),
    ]);
    expect(rows.map((row) => row.entries.map((entry) => entry.id))).toEqual([['4', '3'], ['2'], ['1']]);
    expect(rows.map((row) => describeRow(row, null))).toEqual([
      'Priya Raman listed 1 order, 2 patients',
      'Priya Raman listed 1 patient',
      'Priya Raman opened a patient',
    ]);
  });
});

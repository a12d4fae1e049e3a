import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './api/audit-log.ts';
import { describeRow, rowsOf } from './audit-description.ts';

const anEntry = (id: string, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  id,
  at: '2026-03-01T10:00:00.000Z',
  actorId: 'person-1',
  actorName: 'Priya Raman',
  organisationId: 'org-1',
  organisationName: 'Clinic',
  action: 'READ',
  entity: 'Patient',
  entityId: `record-${id}`,
  entityIds: [],
  requestId: `req-${id}`,
  ...overrides,
});
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

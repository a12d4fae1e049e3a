import { describe, expect, it } from 'vitest';
import { parseDatabaseChange } from './database-change.ts';

describe('a notification read as a change', () => {
  it('keeps the record and the ids it belongs to', () => {
    expect(
      parseDatabaseChange(
        '{"entity":"OrderLine","id":"l1","orderId":"o1","clinicId":"c1","pharmacyId":"p1"}',
      ),
    ).toEqual({ entity: 'OrderLine', id: 'l1', orderId: 'o1', clinicId: 'c1', pharmacyId: 'p1' });
  });

  it('drops keys it does not know (nothing else is passed on)', () => {
    expect(parseDatabaseChange('{"entity":"Patient","id":"p1","familyName":"Park"}')).toEqual({
      entity: 'Patient',
      id: 'p1',
    });
  });

  it.each([
    ['not JSON', 'Patient p1'],
    ['not an object', '"Patient"'],
    ['null', 'null'],
    ['no entity', '{"id":"p1"}'],
    ['no id', '{"entity":"Patient"}'],
    ['an id that is not text', '{"entity":"Patient","id":7}'],
    ['a clinic that is not text', '{"entity":"Patient","id":"p1","clinicId":["c1"]}'],
  ])('refuses %s', (_case, payload) => {
    expect(parseDatabaseChange(payload)).toBeNull();
  });
});

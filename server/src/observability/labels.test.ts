import { describe, expect, it } from 'vitest';
import { errorCodeLabel, methodLabel, OperationNames, routeLabel } from './labels.ts';

describe('metric labels', () => {
  it('name an operation by its GraphQL name, or anonymous, or invalid', () => {
    const names = new OperationNames();
    expect(names.label('PatientPage')).toBe('PatientPage');
    expect(names.label(undefined)).toBe('anonymous');
    expect(names.label('')).toBe('anonymous');
    expect(names.label('Ann Smith')).toBe('invalid');
    expect(names.label('1stQuery')).toBe('invalid');
    expect(names.label(`Q${'x'.repeat(63)}`)).toBe(`Q${'x'.repeat(63)}`);
    expect(names.label(`Q${'x'.repeat(64)}`)).toBe('invalid');
  });

  it('keep at most the limit of distinct names; the rest are "other", the known ones stay', () => {
    const names = new OperationNames(2);
    expect([names.label('A'), names.label('B'), names.label('C'), names.label('A')]).toEqual([
      'A',
      'B',
      'other',
      'A',
    ]);
  });

  it('keep error codes that are codes', () => {
    expect(errorCodeLabel('NOT_FOUND')).toBe('NOT_FOUND');
    expect(errorCodeLabel('not a code')).toBe('UNKNOWN');
    expect(errorCodeLabel(undefined)).toBe('UNKNOWN');
  });

  it('group paths by route, never by the ids they carry', () => {
    expect(routeLabel('/graphql')).toBe('/graphql');
    expect(routeLabel('/readyz?x=1')).toBe('/readyz');
    expect(routeLabel('/assets/index-abc123.js')).toBe('asset');
    expect(routeLabel('/fhir/R4/Patient/3f0c')).toBe('/fhir');
    expect(routeLabel('/patients/3f0c9a')).toBe('portal');
    expect(methodLabel('PROPFIND')).toBe('other');
  });
});

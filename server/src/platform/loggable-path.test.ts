import { describe, expect, it } from 'vitest';
import { loggablePath, secretOfPath } from './loggable-path.ts';

describe('what of a URL may be logged', () => {
  it('keeps an ordinary path and drops its query string', () => {
    expect(loggablePath('/graphql?query=jensen')).toBe('/graphql');
    expect(loggablePath('/patients/12')).toBe('/patients/12');
    expect(secretOfPath('/patients/12')).toBeUndefined();
  });

  it("hides a patient link's token, with or without more after it", () => {
    expect(loggablePath('/r/abcDEF_123-x')).toBe('/r/[token]');
    expect(loggablePath('/r/abcDEF_123-x/?utm=1')).toBe('/r/[token]/');
    expect(secretOfPath('/r/abcDEF_123-x?utm=1')).toBe('abcDEF_123-x');
    expect(loggablePath('/reports/r/abc')).toBe('/reports/r/abc');
  });
});

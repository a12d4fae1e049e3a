import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords.ts';
import { assertPasswordPolicy, MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy.ts';

describe('the password policy', () => {
  it.each([
    ['eleven chars', 'abcdefghij1', /at least 12/],
    ['empty', '', /at least 12/],
    ['common', 'password1234', /most common/],
    ['common, upper case', 'PASSWORD1234', /most common/],
    ['common with spaces around', '  qwerty123456  ', /most common/],
    ['one character repeated', 'xxxxxxxxxxxxxxxx', /most common/],
    ['too long', 'a'.repeat(201), /at most 200/],
  ])('refuses %s', (_what, password, reason) => {
    expect(passwordProblem(password)).toMatch(reason);
  });

  it.each([
    ['twelve uncommon characters', 'tulip-kettle'],
    ['a passphrase', 'violet anchor meadow seventy'],
    ['twelve characters with emoji counted once each', 'ünïcødé-🌙🌙-x'],
  ])('accepts %s', (_what, password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem(`${'🌙'.repeat(6)}abcde`)).toMatch(/at least/); // 11 characters, 17 units
  });

  it('ships a list of about two hundred common passwords', () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThanOrEqual(200);
    expect(COMMON_PASSWORDS.filter((p) => [...p].length >= MIN_PASSWORD_LENGTH).length).toBeGreaterThan(80);
  });

  it('refuses as BAD_USER_INPUT on the given field', () => {
    expect(() => assertPasswordPolicy('short', 'next')).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'next' } }),
    );
  });
});

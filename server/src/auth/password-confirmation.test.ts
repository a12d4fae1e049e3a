import { describe, expect, it } from 'vitest';
import { ConfirmedPasswords } from './password-confirmation.ts';

const KEPT_MS = 1_000;
const at = (ms: number) => new Date(Date.UTC(2026, 2, 1, 15) + ms);
const person = {
  id: 'a8d1a0f4-5d43-4f41-9a43-0c5a3d6c2b11',
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$first',
};

describe('ConfirmedPasswords', () => {
  const confirmedNow = () => {
    const confirmed = new ConfirmedPasswords(KEPT_MS);
    confirmed.remember(person, 'the password', at(0));
    return confirmed;
  };

  it('confirms the same password for the same stored hash until the kept time is over', () => {
    const confirmed = confirmedNow();
    expect(confirmed.confirms(person, 'the password', at(0))).toBe(true);
    expect(confirmed.confirms(person, 'the password', at(KEPT_MS - 1))).toBe(true);
    expect(confirmed.confirms(person, 'the password', at(KEPT_MS))).toBe(false);
  });

  it.each([
    ['another password', person, 'the password!'],
    [
      'the same password after the stored hash changed',
      { ...person, passwordHash: '$argon2id$second' },
      'the password',
    ],
    [
      'another person with the same stored hash',
      { ...person, id: 'f3c0b2d4-9e1a-4c7e-8b5d-2a6f1e0d9c33' },
      'the password',
    ],
    ['a person with no password', { ...person, passwordHash: null }, 'the password'],
  ])('does not confirm %s', (_what, who, password) => {
    expect(confirmedNow().confirms(who, password, at(1))).toBe(false);
  });

  it('keeps nothing that reads as the password', () => {
    const confirmed = confirmedNow();
    const kept = JSON.stringify([...Object.values(confirmed)], (_key, value: unknown) =>
      value instanceof Map ? [...value.entries()] : value,
    );
    expect(kept).not.toContain('the password');
    expect(kept).toContain(person.passwordHash);
  });
});

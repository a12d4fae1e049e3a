import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PatientBanner } from './PatientBanner.tsx';

const patient = { givenName: 'Ann', familyName: 'Lee', dateOfBirth: '1970-04-02', mrn: 'MRN-7' };

describe('the patient banner', () => {
  it.each([
    ['2026-04-01', '2 Apr 1970 (55 years)'],
    ['2026-04-02', '2 Apr 1970 (56 years)'],
  ])('gives the date of birth with the age on %s: %s', (asOf, shown) => {
    render(<PatientBanner patient={patient} asOf={asOf} />);
    const banner = screen.getByRole('region', { name: 'Patient identification' });
    expect(within(banner).getByText('Ann Lee')).toBeTruthy();
    expect(within(banner).getByText(shown)).toBeTruthy();
    expect(within(banner).getByText('MRN-7')).toBeTruthy();
  });

  it('says "1 year" of a one-year-old', () => {
    render(<PatientBanner patient={{ ...patient, dateOfBirth: '2025-04-02' }} asOf="2026-04-02" />);
    expect(screen.getByText('2 Apr 2025 (1 year)')).toBeTruthy();
  });

  it('leaves the MRN out where the reader has none (a pharmacy)', () => {
    render(<PatientBanner patient={{ ...patient, mrn: null }} asOf="2026-04-02" />);
    expect(screen.getByRole('region', { name: 'Patient identification' }).textContent).not.toContain('MRN');
  });
});

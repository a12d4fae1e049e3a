import { expect, test } from '@playwright/test';
import { ADMIN, COORDINATOR, expectAccessible, signIn } from './support.ts';

/** A Patient as a clinic's EHR exports one, with an MRN no other run has used. */
function anEhrPatient(birthDate: string) {
  return {
    resourceType: 'Patient',
    identifier: [
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
        system: 'urn:oid:2.16.840.1.113883.19.5',
        value: `EHR-${Date.now()}-${Math.floor(Math.random() * 1000)}`,
      },
    ],
    name: [{ use: 'official', family: 'Okafor', given: ['Adaeze'] }],
    birthDate,
    telecom: [{ system: 'phone', value: '555-0142' }],
  };
}

test('a coordinator brings a patient in from a FHIR file, after a refused paste names the element', async ({
  page,
}, testInfo) => {
  await signIn(page, COORDINATOR);
  await page.goto('/patients/new');
  const importForm = page.getByRole('form', { name: 'Import from the EHR (FHIR)' });
  const json = importForm.getByLabel('FHIR Patient JSON');

  await json.fill(JSON.stringify(anEhrPatient('2999-01-01')));
  await importForm.getByRole('button', { name: 'Import patient' }).click();
  const refusal = importForm.getByRole('alert');
  await expect(refusal).toContainText('Date of birth:');
  await expect(refusal).toContainText('Patient.birthDate');
  await expect(json).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, testInfo, 'register-import-refused');

  await importForm.getByLabel('Patient file (.json)').setInputFiles({
    name: 'patient.json',
    mimeType: 'application/fhir+json',
    buffer: Buffer.from(JSON.stringify(anEhrPatient('1968-04-09'))),
  });
  await expect(json).toHaveValue(/1968-04-09/);
  await importForm.getByRole('button', { name: 'Import patient' }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Okafor');
});

test('an administrator issues a token that reads the FHIR API, and revokes it', async ({
  page,
  request,
}, testInfo) => {
  await signIn(page, ADMIN);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API tokens' }).click();
  const form = page.getByRole('form', { name: 'Issue an API token' });
  const name = `Registry feed ${Date.now()}`;
  await form.getByLabel('Organisation').selectOption({ label: 'Riverside Pain Clinic' });
  await form.getByLabel('What it is for').fill(name);
  await form.getByRole('button', { name: 'Issue token' }).click();
  const token = await page.getByLabel('API token', { exact: true }).inputValue();
  expect(token).toMatch(/^ldn_/);
  await expectAccessible(page, testInfo, 'api-tokens');

  const read = () =>
    request.get('/fhir/R4/Patient/00000000-0000-4000-8000-000000000000', {
      headers: { authorization: `Bearer ${token}` },
    });
  // Accepted (an unknown patient is 404), then refused once revoked (401).
  expect((await read()).status()).toBe(404);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Revoked');
  expect((await read()).status()).toBe(401);
});

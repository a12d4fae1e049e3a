import { expect, test } from '@playwright/test';
import { anotherBrowser, openAdminPage } from './admin-journeys.ts';
import { ADMIN, attachScreenshot, CLINICIAN, expectAccessible, signIn } from './support.ts';

test('the audit log filtered by person shows that person’s reads, by record id, never a name', async ({
  page,
  browser,
}, testInfo) => {
  // The clinician opens a patient's record: the API audits the read.
  const clinicBrowser = await anotherBrowser(browser, testInfo);
  const clinician = await clinicBrowser.newPage();
  await signIn(clinician, CLINICIAN);
  await clinician.goto('/patients?q=Jensen');
  await clinician.getByRole('table', { name: 'Patients' }).getByRole('row').nth(1).getByRole('link').click();
  await expect(clinician).toHaveURL(/\/patients\/[0-9a-f-]+$/);
  const patientId = new URL(clinician.url()).pathname.split('/').at(-1) as string;
  const patientName = (await clinician.getByRole('heading', { level: 1 }).textContent()) ?? '';
  expect(patientName).toContain('Jensen');
  await clinicBrowser.close();

  await signIn(page, ADMIN);
  await openAdminPage(page, 'Audit log');
  const filters = page.getByRole('form', { name: 'Filter the audit log' });
  await filters.getByLabel('Person').selectOption({ label: 'Dr. Priya Raman (clinician@riverside.demo)' });
  await filters.getByLabel('Action').fill('READ');
  const today = new Date().toISOString().slice(0, 10);
  await filters.getByLabel('From').fill(today);
  await filters.getByLabel('To (included)').fill(today);
  await filters.getByRole('button', { name: 'Show' }).click();

  const entries = page.getByRole('region', { name: 'Audit entries' });
  const read = entries.getByRole('row', { name: new RegExp(patientId) }).first();
  await expect(read).toContainText('Dr. Priya Raman');
  await expect(read).toContainText('Riverside Pain Clinic');
  await expect(read).toContainText('Patient');
  // Every row is that person's, and no row names the patient.
  const rows = entries.getByRole('row');
  const count = await rows.count();
  for (let index = 1; index < count; index += 1) {
    await expect(rows.nth(index).getByRole('cell').nth(1)).toHaveText('Dr. Priya Raman');
    await expect(rows.nth(index).getByRole('cell').nth(3)).toHaveText('READ');
  }
  await expect(page.getByRole('main')).not.toContainText('Jensen');
  await expectAccessible(page, testInfo, 'audit-log');
  await attachScreenshot(page, testInfo, 'audit-log');

  // Another person's filter does not show these reads.
  await filters.getByLabel('Person').selectOption({ label: 'Alex Morgan (admin@network.demo)' });
  await filters.getByLabel('Action').fill('');
  await filters.getByRole('button', { name: 'Show' }).click();
  await expect(entries.getByRole('row').nth(1)).toContainText('Alex Morgan');
  await expect(entries.getByRole('row', { name: new RegExp(patientId) })).toHaveCount(0);
});

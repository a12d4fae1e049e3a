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
  await filters.getByLabel('Action').selectOption('READ');
  const today = new Date().toISOString().slice(0, 10);
  await filters.getByLabel('From').fill(today);
  await filters.getByLabel('To (included)').fill(today);
  await filters.getByRole('button', { name: 'Show' }).click();

  const entries = page.getByRole('region', { name: 'Audit entries' });
  const read = entries.getByRole('row', { name: new RegExp(patientId) }).first();
  await expect(read).toContainText('Dr. Priya Raman opened a patient');
  await expect(read).toContainText('Riverside Pain Clinic');
  await expect(read).toContainText('Patient');
  // Every row is that person's, and no row names the patient. The unfiltered log shown before
  // "Show" has this read too, so wait for every row to match rather than counting rows once.
  const happened = entries.locator('tbody tr td:nth-child(2)');
  await expect(async () => {
    const sentences = await happened.allTextContents();
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.filter((sentence) => !/^Dr\. Priya Raman opened .*READ$/.test(sentence))).toEqual([]);
  }).toPass();
  await expect(page.getByRole('main')).not.toContainText('Jensen');
  await expectAccessible(page, testInfo, 'audit-log');
  await attachScreenshot(page, testInfo, 'audit-log');

  // Another person's filter does not show these reads.
  await filters.getByLabel('Person').selectOption({ label: 'Alex Morgan (admin@network.demo)' });
  await filters.getByLabel('Action').selectOption('');
  await filters.getByRole('button', { name: 'Show' }).click();
  await expect(entries.getByRole('row').nth(1)).toContainText('Alex Morgan');
  await expect(entries.getByRole('row', { name: new RegExp(patientId) })).toHaveCount(0);
});

test('the audit search by patient answers who opened that patient, by MRN, never a name', async ({
  page,
  browser,
}, testInfo) => {
  // The clinician opens a patient's record and its trial page, if any: the API audits the reads.
  const clinicBrowser = await anotherBrowser(browser, testInfo);
  const clinician = await clinicBrowser.newPage();
  await signIn(clinician, CLINICIAN);
  await clinician.goto('/patients?q=Jensen');
  await clinician.getByRole('table', { name: 'Patients' }).getByRole('row').nth(1).getByRole('link').click();
  await expect(clinician).toHaveURL(/\/patients\/[0-9a-f-]+$/);
  const patientId = new URL(clinician.url()).pathname.split('/').at(-1) as string;
  const subtitle = (await clinician.getByText(/^MRN \S+ ·/).textContent()) ?? '';
  const mrn = /^MRN (\S+) ·/.exec(subtitle)?.[1] ?? '';
  expect(mrn).not.toBe('');
  await clinicBrowser.close();

  await signIn(page, ADMIN);
  await openAdminPage(page, 'Audit log');
  const filters = page.getByRole('form', { name: 'Filter the audit log' });
  await filters.getByLabel("Patient's clinic").selectOption({ label: 'Riverside Pain Clinic' });
  await filters.getByLabel("Patient's MRN").fill(mrn);
  await filters.getByRole('button', { name: 'Show' }).click();

  const entries = page.getByRole('region', { name: 'Audit entries' });
  const read = entries.getByRole('row', { name: new RegExp(patientId) }).first();
  await expect(read).toContainText(`Dr. Priya Raman opened patient ${mrn}`);
  // Every row is about that patient (or a list that showed them), and none names them.
  const happened = entries.locator('tbody tr td:nth-child(2)');
  await expect(async () => {
    const sentences = await happened.allTextContents();
    expect(sentences.filter((sentence) => !new RegExp(`patient ${mrn}|listed`).test(sentence))).toEqual([]);
  }).toPass();
  await expect(page.getByRole('main')).not.toContainText('Jensen');
  await attachScreenshot(page, testInfo, 'audit-search-by-patient');

  // An MRN the clinic does not have is said so, next to the field.
  await filters.getByLabel("Patient's MRN").fill('NO-SUCH-MRN');
  await filters.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('main')).toContainText(
    'This clinic has no patient with this medical record number.',
  );
});

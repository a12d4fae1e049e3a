import { expect, test } from '@playwright/test';
import { attachScreenshot, CLINICIAN, expectAccessible, signIn } from './support.ts';

test('the clinician opens a trial from the worklist and sees its timeline and pain chart', async ({
  page,
}, testInfo) => {
  await signIn(page, CLINICIAN);
  await expect(page).toHaveURL(/\/worklist$/);
  const items = page.getByRole('list', { name: 'Worklist items' }).getByRole('listitem');
  await expect(items.first()).toBeVisible();
  expect(await items.count()).toBeGreaterThan(0);
  await expect(page.getByText('Assessment overdue').first()).toBeVisible();
  await expectAccessible(page, testInfo, 'worklist');
  await attachScreenshot(page, testInfo, 'worklist');

  // The first item of the demo worklist is an overdue assessment: a trial with a whole schedule.
  await items.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/trials\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('trial:');

  const timeline = page.getByRole('list', { name: 'Trial timeline' });
  await expect(timeline.getByRole('listitem').first()).toContainText('Start at 1.5 mg at bedtime');
  await expect(timeline).toContainText('3.0 mg');
  await expect(timeline).toContainText('4.5 mg');
  await expect(timeline).toContainText('Assessment due by');

  const chart = page.getByRole('img', { name: /Pain scores against baseline/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('circle').first()).toBeAttached();
  await expect(chart).toContainText('30 % lower');
  await expect(chart).toContainText('50 % lower');
  await expect(chart).toContainText('Assessment window');

  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
  await expectAccessible(page, testInfo, 'trial');
  await attachScreenshot(page, testInfo, 'trial');

  await page.setViewportSize({ width: 820, height: 1180 });
  await attachScreenshot(page, testInfo, 'trial-tablet');
});

test('the clinician searches patients and opens a patient record with eligibility', async ({
  page,
}, testInfo) => {
  await signIn(page, CLINICIAN);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Patients' }).getByRole('row').nth(1)).toBeVisible();

  await page.getByLabel('Search patients').fill('Jensen');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/patients\?q=Jensen$/);
  const rows = page.getByRole('table', { name: 'Patients' }).getByRole('row');
  await expect(rows.nth(1)).toContainText('Jensen');
  await attachScreenshot(page, testInfo, 'patients');

  await rows.nth(1).getByRole('link').click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Jensen');
  for (const section of [
    'Details',
    'Eligibility',
    'Prior therapies',
    'Medications',
    'Consents',
    'Pain scores',
  ]) {
    await expect(page.getByRole('heading', { name: section, level: 2 })).toBeVisible();
  }
  await expect(page.getByRole('table', { name: 'Eligibility requirements' })).toBeVisible();
  await page.getByLabel('Condition').selectOption('MULTIPLE_SCLEROSIS');
  await expect(page.getByRole('table', { name: 'Eligibility requirements' })).toContainText(
    'disease-modifying therapy',
  );
  await expectAccessible(page, testInfo, 'patient');
  await attachScreenshot(page, testInfo, 'patient');
});

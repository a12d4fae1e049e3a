import { expect, test } from '@playwright/test';
import { ADMIN, attachScreenshot, expectAccessible, signIn } from './support.ts';

test('the administrator reads the continuation report and downloads it as CSV', async ({
  page,
}, testInfo) => {
  await signIn(page, ADMIN);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).click();
  await expect(page).toHaveURL(/\/analytics$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();

  // The demo network has enough who stopped and who go on for its curve to be shown (its clinics,
  // with 3 discontinuations each, are suppressed); the headline figures sit beside the §8 reference.
  const figures = page.getByRole('region', { name: 'Headline figures' });
  await expect(figures.getByRole('rowheader', { name: 'Still on LDN at 123 days' })).toBeVisible();
  await expect(figures.getByRole('rowheader', { name: 'Median days on LDN' })).toBeVisible();
  await expect(figures.getByRole('columnheader', { name: 'Reference (clinical-rules §8)' })).toBeVisible();
  await expect(figures).toContainText('Mean 123 days');
  await expect(page.getByRole('img', { name: /Continuation of LDN \(Kaplan–Meier\)/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'By clinic' }).getByRole('table')).toBeVisible();
  await attachScreenshot(page, testInfo, 'analytics');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);

  await expectAccessible(page, testInfo, 'analytics');
});

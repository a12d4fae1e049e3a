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
  const chart = page.getByRole('img', { name: /Continuation of LDN \(Kaplan–Meier\)/ });
  await expect(chart).toBeVisible();
  await expect(page.getByRole('region', { name: 'By clinic' }).getByRole('table')).toBeVisible();

  // The curve runs to the last follow-up with its numbers at risk under the axis; with the demo's
  // few patients, fewer than 10 are followed to 180 days, so that rate reads "not estimable".
  const atRisk = page.getByRole('table', { name: 'Numbers at risk' });
  await expect(atRisk.getByRole('rowheader', { name: 'At risk' })).toBeVisible();
  await expect(chart.locator('.chart-at-risk')).toContainText('At risk');
  await expect(figures.getByRole('row', { name: /^Still on LDN at 180 days/ })).toContainText(
    /Not estimable \(\d+ at risk, fewer than 10\)/,
  );
  await page.getByText('Method', { exact: true }).click();
  await expect(page.getByText(/Greenwood variance on the log-log scale/)).toBeVisible();

  // On a 390 px phone the chart takes its card's width, its labels still 11 px.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect
    .poll(async () => (await chart.boundingBox())?.width ?? Number.POSITIVE_INFINITY)
    .toBeLessThanOrEqual(390);
  expect(await chart.evaluate((svg) => svg.getAttribute('font-size'))).toBe('11');
  expect(
    await chart.evaluate((svg) => svg.getBoundingClientRect().width - Number(svg.getAttribute('width'))),
  ).toBe(0);
  await page.setViewportSize({ width: 1280, height: 800 });
  await attachScreenshot(page, testInfo, 'analytics');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);

  await expectAccessible(page, testInfo, 'analytics');
});

import { expect, test } from '@playwright/test';
import { attachScreenshot, expectAccessible, PHARMACIST, signIn } from './support.ts';

test('the pharmacist acknowledges a submitted order from the queue', async ({ page }, testInfo) => {
  await signIn(page, PHARMACIST);
  await expect(page).toHaveURL(/\/pharmacy\/queue$/);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Queue']);
  await expect(page.getByRole('heading', { name: 'Order queue' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Orders' }).getByRole('row').nth(1)).toBeVisible();
  await attachScreenshot(page, testInfo, 'queue');

  await page.getByLabel('Show').selectOption('SUBMITTED');
  await expect(page).toHaveURL(/state=SUBMITTED$/);
  const submitted = page.getByRole('region', { name: 'Orders' }).getByRole('row');
  await expect(submitted.nth(1)).toContainText('Submitted');
  await submitted.nth(1).getByRole('link').click();

  await expect(page).toHaveURL(/\/pharmacy\/orders\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Order for');
  await expect(page.getByRole('heading', { name: 'Lines' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Acknowledge' })).toBeVisible();
  // The pharmacy sees only what the order needs: no pain scores, no histories.
  await expect(page.getByText('Pain scores')).toHaveCount(0);
  await expectAccessible(page, testInfo, 'order');
  await attachScreenshot(page, testInfo, 'order-submitted');

  await page.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(page.getByRole('button', { name: 'Start compounding' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('Received');
  await expect(page.getByRole('heading', { name: 'History' }).locator('..')).toContainText(
    'Submitted → Received',
  );
  await attachScreenshot(page, testInfo, 'order-received');

  await page.emulateMedia({ media: 'print' });
  await attachScreenshot(page, testInfo, 'order-print');
});

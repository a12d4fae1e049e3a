import { expect, test } from '@playwright/test';
import { attachScreenshot, expectAccessible, PHARMACIST, signIn } from './support.ts';

test('the pharmacist finds an order by its Rx number, enters a lot per strength and prints the labels', async ({
  page,
}, testInfo) => {
  await signIn(page, PHARMACIST);
  await expect(page.getByRole('heading', { name: 'Order queue' })).toBeVisible();
  // Counts per state, each a link to its view.
  const counts = page.getByRole('navigation', { name: 'Orders by state' });
  await expect(counts.getByRole('link', { name: /^Received: \d+$/ })).toBeVisible();

  // The order the seed left received: read its Rx number from the queue, then search for it.
  await page.getByLabel('Show').selectOption('RECEIVED');
  const received = page.getByRole('region', { name: 'Orders' }).getByRole('row').nth(1);
  const rxNumber = (await received.getByRole('cell').first().textContent())?.trim() ?? '';
  expect(rxNumber).toMatch(/^Rx \d{6}$/);
  const patient = (await received.getByRole('link').textContent()) ?? '';
  await page.getByLabel('Show').selectOption('all');
  await page.getByLabel('Search orders').fill(rxNumber);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=Rx\+\d{6}/);
  const found = page.getByRole('region', { name: 'Orders' }).getByRole('row');
  await expect(found).toHaveCount(2);
  await expect(found.nth(1)).toContainText(rxNumber);
  await attachScreenshot(page, testInfo, 'queue-search');
  await found.nth(1).getByRole('link', { name: patient }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText(rxNumber);
  await page.getByRole('button', { name: 'Start compounding' }).click();
  const form = page.getByRole('form', { name: 'Mark ready' });
  const lots = form.getByLabel(/^Lot number \(line/);
  await expect(lots.first()).toBeVisible();
  const lines = await lots.count();
  expect(lines).toBeGreaterThan(1);
  for (let n = 0; n < lines; n += 1) await lots.nth(n).fill(`E2E-LOT-${n + 1}`);
  await expectAccessible(page, testInfo, 'mark-ready');
  await form.getByRole('button', { name: 'Mark ready' }).click();
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('Ready');
  const lineTable = page.getByRole('region', { name: 'Order lines' });
  for (let n = 0; n < lines; n += 1) await expect(lineTable).toContainText(`E2E-LOT-${n + 1}`);

  // The labels are printed only: one per strength, on a label-sized page of its own.
  const labels = page.getByRole('region', { name: 'Labels' });
  await expect(labels).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(labels).toBeVisible();
  const label = labels.locator('.print-label');
  await expect(label).toHaveCount(lines);
  await expect(label.first()).toContainText(rxNumber);
  await expect(label.first()).toContainText('E2E-LOT-1');
  await expect(label.first()).toContainText(/Qty \d+ capsules/);
  await expect(label.first()).toContainText('Do not take with opioid pain medicines.');
  await expect(label.first()).toContainText(/Tel /);
  expect(await label.first().evaluate((element) => getComputedStyle(element).getPropertyValue('page'))).toBe(
    'label',
  );
  await attachScreenshot(page, testInfo, 'labels-print');
});

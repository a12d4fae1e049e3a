import { expect, test } from '@playwright/test';
import {
  attachScreenshot,
  expectAccessible,
  nameOf,
  PHARMACIST,
  SECOND_PHARMACIST,
  signIn,
  verifyOrder,
} from './support.ts';

test('the pharmacist finds an order by its Rx number, enters a lot per strength, has it verified and prints the worksheet and labels', async ({
  browser,
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

  // Who compounded may not verify: a second pharmacist of the pharmacy does, and both are recorded.
  const record = page.getByRole('region', { name: 'Compounding record' });
  const compounder = await nameOf(page);
  await expect(record).toContainText(`Compounded by${compounder}`);
  await expect(record).toContainText('Not yet verified');
  await expect(page.getByRole('button', { name: 'Verify' })).toHaveCount(0);
  const orderId = page.url().split('/').pop() ?? '';
  const verifier = await (await browser.newContext()).newPage();
  await signIn(verifier, SECOND_PHARMACIST);
  await verifyOrder(verifier, orderId);
  const verifierName = await nameOf(verifier);
  await verifier.context().close();
  // The compounder's open page follows the verification live: the dispensing opens.
  await expect(record).toContainText(`Verified by${verifierName}`);
  await expect(page.getByRole('form', { name: 'Dispense' })).toBeVisible();

  // The labels are printed only: one per strength, on a label-sized page of its own.
  const labels = page.getByRole('region', { name: 'Labels' });
  await expect(labels).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(labels).toBeVisible();

  // The worksheet in print: the calculation, both people by printed name, no navigation or buttons.
  await expect(page.getByRole('region', { name: 'Calculation' })).toContainText(
    /weigh [\d.]+ mg naltrexone HCl/,
  );
  const signatures = record.locator('.print-sign');
  await expect(signatures).toBeVisible();
  await expect(signatures).toContainText(`Compounded by ${compounder}, signature`);
  await expect(signatures).toContainText(`Verified by ${verifierName}, signature`);
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Back to the queue' })).toBeHidden();
  await expect(page.getByRole('button')).toHaveCount(0);
  await attachScreenshot(page, testInfo, 'worksheet-print');
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

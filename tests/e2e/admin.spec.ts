import { expect, test } from '@playwright/test';
import { ADMIN, attachScreenshot, expectAccessible, signIn, signOut } from './support.ts';

// The copied link is read back from the clipboard, as the administrator would paste it.
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('an invited pharmacist sets a password from the link and reaches the queue', async ({
  page,
}, testInfo) => {
  const email = `new.pharmacist.${Date.now()}@carerx.demo`;
  const password = 'a long pharmacy passphrase 2026';

  await signIn(page, ADMIN);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await expect(page).toHaveURL(/\/admin\/people$/);
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'People' }).getByRole('row', { name: /admin@network\.demo/ }),
  ).toBeVisible();
  await expectAccessible(page, testInfo, 'people');

  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Name').fill('Robin Okafor');
  await page.getByLabel('Organisation').selectOption({ label: 'CareRx Compounding Pharmacy' });
  await expect(page.getByLabel('Role')).toHaveValue('PHARMACIST');
  await expect(page.getByLabel('NPI')).toHaveCount(0);
  await page.getByRole('button', { name: 'Invite', exact: true }).click();

  const shown = page.getByLabel('Invitation link');
  await expect(shown).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/accept-invitation\?token=.+/);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Copied.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await expect(shown).toHaveValue(link);
  const invitedRow = page.getByRole('region', { name: 'People' }).getByRole('row', { name: /Robin Okafor/ });
  await expect(invitedRow).toContainText('Invitation pending');
  await expect(invitedRow).toContainText('CareRx Compounding Pharmacy');
  await attachScreenshot(page, testInfo, 'people-invited');

  await signOut(page);
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Accept your invitation' })).toBeVisible();
  await expectAccessible(page, testInfo, 'accept-invitation');
  await page.getByLabel('New password').fill('too short');
  await page.getByLabel('Confirm the password').fill('too short');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText('Use at least 12 characters.')).toBeVisible();
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Confirm the password').fill(password);
  await attachScreenshot(page, testInfo, 'accept-invitation');
  await page.getByRole('button', { name: 'Set password' }).click();

  await expect(page).toHaveURL(/\/sign-in\?email=/);
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/pharmacy\/queue$/);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Queue']);
  await expect(page.getByRole('heading', { name: 'Order queue' })).toBeVisible();

  // The link works once.
  await signOut(page);
  await page.goto(link);
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Confirm the password').fill(password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('alert')).toContainText('already been used');
});

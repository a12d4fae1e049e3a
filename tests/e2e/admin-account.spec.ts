import { expect, test } from '@playwright/test';
import { anotherBrowser, invite, openAdminPage, setPasswordAndSignIn, unique } from './admin-journeys.ts';
import { ADMIN, attachScreenshot, expectAccessible, signIn, signOut } from './support.ts';

test('a person changes their own password and ends their session in another browser', async ({
  page,
  browser,
}, testInfo) => {
  const run = unique();
  const email = `robin.${run}@carerx.demo`;
  const first = 'carerx pharmacy passphrase';
  const second = 'another carerx passphrase 2026';

  // Someone of their own (a demo person's password stays as the other journeys expect it).
  await signIn(page, ADMIN);
  await openAdminPage(page, 'People');
  const link = await invite(page, {
    email,
    name: `Robin Account ${run}`,
    organisation: 'CareRx Compounding Pharmacy',
  });
  await signOut(page);

  // Signed in in two browsers: the laptop (this page) and a tablet.
  await setPasswordAndSignIn(page, link, first);
  const tabletBrowser = await anotherBrowser(browser, testInfo);
  const tablet = await tabletBrowser.newPage();
  await signIn(tablet, email, first);

  await page.getByRole('link', { name: 'Your account' }).click();
  await expect(page.getByRole('heading', { name: 'Your account', level: 1 })).toBeVisible();
  const sessions = page.getByRole('region', { name: 'Sessions' }).getByRole('row');
  await expect(sessions).toHaveCount(3);
  await expect(sessions.filter({ hasText: 'This session' })).toHaveCount(1);
  await expectAccessible(page, testInfo, 'account');
  await attachScreenshot(page, testInfo, 'account');

  // End the tablet's session: it is signed out at its next request.
  await sessions.getByRole('button', { name: /End the session/ }).click();
  await expect(sessions).toHaveCount(2);
  await tablet.reload();
  await expect(tablet).toHaveURL(/\/sign-in/);

  // The password policy's refusal appears on the new password's field.
  await page.getByLabel('Current password').fill(first);
  await page.getByLabel('New password', { exact: true }).fill('123456789012');
  await page.getByLabel('Confirm the new password').fill('123456789012');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('This password is one of the most common ones; choose another.')).toBeVisible();
  await expect(page.getByLabel('New password', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  // A wrong current password is refused on its field.
  await page.getByLabel('Current password').fill('not my password at all');
  await page.getByLabel('New password', { exact: true }).fill(second);
  await page.getByLabel('Confirm the new password').fill(second);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your current password is not right.')).toBeVisible();

  await page.getByLabel('Current password').fill(first);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText(/Your password is changed/)).toBeVisible();
  await expect(sessions).toHaveCount(2); // this one stays

  // The old password no longer signs in; the new one does.
  await signOut(page);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(first);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await signIn(page, email, second);
  await expect(page).toHaveURL(/\/pharmacy\/queue$/);
  await tabletBrowser.close();
});

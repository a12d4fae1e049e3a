import { expect, test } from '@playwright/test';
import { anotherBrowser, invite, openAdminPage, setPasswordAndSignIn, unique } from './admin-journeys.ts';
import { ADMIN, attachScreenshot, expectAccessible, signIn } from './support.ts';

test('the administrator changes a role, deactivates and reactivates, and hands over a reset link', async ({
  page,
  browser,
}, testInfo) => {
  const run = unique();
  const name = `Kim Coordinator ${run}`;
  const email = `kim.${run}@riverside.demo`;

  await signIn(page, ADMIN);
  await openAdminPage(page, 'People');
  const link = await invite(page, {
    email,
    name,
    organisation: 'Riverside Pain Clinic',
    role: 'Coordinator',
  });
  const personBrowser = await anotherBrowser(browser, testInfo);
  const person = await personBrowser.newPage();
  await setPasswordAndSignIn(person, link, 'riverside coordinator 2026');
  await expect(person.getByRole('banner')).toContainText('Coordinator');

  // Change role: only the clinic's roles, and a clinician needs a valid NPI.
  await page.reload();
  const row = page.getByRole('region', { name: 'People' }).getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Active');
  await row.getByRole('button', { name: `Change role of ${name}` }).click();
  const changeRole = page.getByRole('form', { name: `Change role of ${name}` });
  await expect(changeRole.getByLabel('New role').getByRole('option')).toHaveText([
    'Clinician',
    'Coordinator (current)',
  ]);
  await changeRole.getByLabel('NPI').fill('1234567890');
  await expect(changeRole.getByText(/check digit does not match/)).toBeVisible();
  await changeRole.getByLabel('NPI').fill('1234567893');
  await expectAccessible(page, testInfo, 'people-change-role');
  await changeRole.getByRole('button', { name: 'Change role' }).click();
  await expect(changeRole).toHaveCount(0);
  await expect(row.getByRole('cell').nth(1)).toContainText('Clinician');
  await expect(row.getByRole('cell').nth(1)).toContainText('NPI 1234567893');
  // It takes effect at their next request.
  await person.reload();
  await expect(person.getByRole('banner')).toContainText('Clinician');

  // Deactivate: their session ends at once. Reactivate: they may sign in again.
  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: `Deactivate ${name}` }).click();
  await expect(row).toContainText('Deactivated');
  await person.reload();
  await expect(person).toHaveURL(/\/sign-in/);
  await row.getByRole('button', { name: `Reactivate ${name}` }).click();
  await expect(row).toContainText('Active');
  await expect(row.getByRole('button', { name: `Deactivate ${name}` })).toBeVisible();

  // A password reset link, shown once, that sets a new password.
  await row.getByRole('button', { name: `Reset link for ${name}` }).click();
  await expect(page.getByText(`A password reset link for ${name} is ready.`)).toBeVisible();
  const resetLink = await page.getByLabel('Password reset link', { exact: true }).inputValue();
  expect(resetLink).toMatch(/\/reset-password\?token=.+/);
  await expectAccessible(page, testInfo, 'people-reset-link');
  await attachScreenshot(page, testInfo, 'people-reset-link');

  await person.goto(resetLink);
  await expect(person.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await setPasswordAndSignIn(person, resetLink, 'a brand new riverside passphrase');
  await expect(person).toHaveURL(/\/worklist$/);
  await personBrowser.close();
});

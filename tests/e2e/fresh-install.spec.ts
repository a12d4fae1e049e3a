import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { anotherBrowser, invite, openAdminPage, setPasswordAndSignIn } from './admin-journeys.ts';
import { attachScreenshot, expectAccessible } from './support.ts';

// Issue #9's done-when: a new installation (empty database, no demo data) whose only way in is the
// link `pnpm admin:create` printed becomes a working network through the portal alone.
// playwright.config.ts ran the command before starting this project's server.

/** The one-time link the first-admin command printed, as a path on this server. */
function firstAdminLink(): string {
  const outputFile = process.env.LDN_E2E_FRESH_ADMIN_OUTPUT;
  if (outputFile === undefined) throw new Error('playwright.config.ts sets LDN_E2E_FRESH_ADMIN_OUTPUT');
  const output = readFileSync(outputFile, 'utf8');
  expect(output).toContain('Administrator first.admin@fresh.test created (and the network administration).');
  const path = /https?:\/\/[^/\s]+(\/accept-invitation\?token=\S+)/.exec(output)?.[1];
  if (path === undefined) throw new Error(`no invitation link in the command's output:\n${output}`);
  return path;
}

test('a new installation becomes a working network through the first-admin link and the portal', async ({
  page,
  browser,
}, testInfo) => {
  const adminPassword = 'first admin of the network 2026';

  // The administrator: the command's link, a password, sign-in.
  await page.goto(firstAdminLink());
  await expect(page.getByRole('heading', { name: 'Accept your invitation' })).toBeVisible();
  await setPasswordAndSignIn(page, firstAdminLink(), adminPassword);
  await expect(page).toHaveURL(/\/analytics$/);

  // Nothing but the administrator exists: no demo data.
  await openAdminPage(page, 'People');
  const everyone = page.getByRole('region', { name: 'People' }).getByRole('row');
  await expect(everyone).toHaveCount(2); // the header and the administrator
  await expect(everyone.nth(1)).toContainText('first.admin@fresh.test');

  // A pharmacy, then a clinic, then the clinic's pharmacies (default among the allowed).
  await openAdminPage(page, 'Organisations');
  await expect(page.getByText('No pharmacies yet.')).toBeVisible();
  const add = page.getByRole('form', { name: 'Add an organisation' });
  await add.getByLabel('Name').fill('Lakeside Compounding');
  await add.getByLabel('Address line 1').fill('400 Harbor Way');
  await add.getByLabel('City').fill('Duluth');
  await add.getByLabel('State').fill('MN');
  await add.getByLabel('ZIP code').fill('55802');
  await add.getByLabel('Phone').fill('218-555-0140');
  await add.getByLabel('Licence number').fill('MN-PH-11873');
  await add.getByRole('button', { name: 'Add pharmacy' }).click();
  await expect(add.getByText('Lakeside Compounding is added.')).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Pharmacy list' }).getByRole('row', { name: /Lakeside Compounding/ }),
  ).toContainText('MN-PH-11873');

  await add.getByLabel('Clinic', { exact: true }).check();
  await expect(add.getByLabel('Licence number')).toHaveCount(0);
  await add.getByLabel('Name').fill('Harbor Pain Clinic');
  await add.getByLabel('City').fill('Duluth');
  await add.getByLabel('State').fill('MN');
  await add.getByRole('button', { name: 'Add clinic' }).click();
  await expect(add.getByText('Harbor Pain Clinic is added.')).toBeVisible();
  const clinicRow = page
    .getByRole('region', { name: 'Clinic list' })
    .getByRole('row', { name: /Harbor Pain Clinic/ });
  await expect(clinicRow).toContainText('None');

  await clinicRow.getByRole('button', { name: 'Edit Harbor Pain Clinic' }).click();
  const edit = page.getByRole('form', { name: 'Edit Harbor Pain Clinic' });
  await edit.getByLabel('Lakeside Compounding').check();
  await expect(edit.getByLabel('Default pharmacy')).toHaveValue(/.+/);
  await expect(edit.getByLabel('Default pharmacy').locator('option:checked')).toHaveText(
    'Lakeside Compounding',
  );
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Harbor Pain Clinic is saved.')).toBeVisible();
  await expect(clinicRow.getByRole('cell').nth(2)).toHaveText('Lakeside Compounding');
  await expect(clinicRow.getByRole('cell').nth(3)).toHaveText('Lakeside Compounding');
  await expectAccessible(page, testInfo, 'fresh-organisations');
  await attachScreenshot(page, testInfo, 'fresh-organisations');

  // People: a clinician (the NPI's check digit is refused in the browser first) and a pharmacist.
  await openAdminPage(page, 'People');
  const inviteForm = page.getByRole('region', { name: 'Invite a person' });
  await inviteForm.getByLabel('Organisation').selectOption({ label: 'Harbor Pain Clinic' });
  await inviteForm.getByLabel('NPI').fill('1234567890');
  await expect(inviteForm.getByText(/check digit does not match/)).toBeVisible();
  const clinicianLink = await invite(page, {
    email: 'clinician@harbor.test',
    name: 'Dr. Ines Halvorsen',
    organisation: 'Harbor Pain Clinic',
    role: 'Clinician',
    npi: '1234567893',
  });
  const pharmacistLink = await invite(page, {
    email: 'pharmacist@lakeside.test',
    name: 'Omar Lindqvist, PharmD',
    organisation: 'Lakeside Compounding',
  });
  await attachScreenshot(page, testInfo, 'fresh-people');

  // Each opens their link in a browser of their own and reaches their work.
  const clinicianBrowser = await anotherBrowser(browser, testInfo);
  const clinician = await clinicianBrowser.newPage();
  await setPasswordAndSignIn(clinician, clinicianLink, 'harbor clinic passphrase 2026');
  await expect(clinician).toHaveURL(/\/worklist$/);
  await expect(clinician.getByRole('heading', { name: 'Worklist', level: 1 })).toBeVisible();
  await expect(clinician.getByRole('banner')).toContainText('Harbor Pain Clinic');
  await attachScreenshot(clinician, testInfo, 'fresh-clinician-worklist');

  const pharmacistBrowser = await anotherBrowser(browser, testInfo);
  const pharmacist = await pharmacistBrowser.newPage();
  await setPasswordAndSignIn(pharmacist, pharmacistLink, 'lakeside pharmacy passphrase');
  await expect(pharmacist).toHaveURL(/\/pharmacy\/queue$/);
  await expect(pharmacist.getByRole('heading', { name: 'Order queue', level: 1 })).toBeVisible();
  await expect(pharmacist.getByRole('banner')).toContainText('Lakeside Compounding');

  await clinicianBrowser.close();
  await pharmacistBrowser.close();
});

import { expect, test } from '@playwright/test';
import { anotherBrowser, openAdminPage, unique } from './admin-journeys.ts';
import { ADMIN, attachScreenshot, expectAccessible, signIn } from './support.ts';

test('the administrator adds a pharmacy and a clinic and sets the clinic’s pharmacies', async ({
  page,
}, testInfo) => {
  const run = unique();
  const pharmacy = `Bayview Compounding ${run}`;
  const clinic = `Bayview Pain Clinic ${run}`;

  await signIn(page, ADMIN);
  await openAdminPage(page, 'Organisations');
  await expect(
    page.getByRole('region', { name: 'Clinic list' }).getByRole('row', { name: /Riverside Pain Clinic/ }),
  ).toBeVisible();
  await expectAccessible(page, testInfo, 'organisations');

  const add = page.getByRole('form', { name: 'Add an organisation' });
  await add.getByLabel('Name').fill(pharmacy);
  await add.getByRole('button', { name: 'Add pharmacy' }).click();
  // The licence number is asked for before the server is.
  await expect(add.getByText("Enter the pharmacy's state board licence number.")).toBeVisible();
  await add.getByLabel('Licence number').fill(`CA-PH-${run}`);
  await add.getByLabel('Phone').fill('415-555-0123');
  await add.getByRole('button', { name: 'Add pharmacy' }).click();
  await expect(add.getByText(`${pharmacy} is added.`)).toBeVisible();

  await add.getByLabel('Clinic', { exact: true }).check();
  await add.getByLabel('Name').fill(clinic);
  await add.getByLabel('CareRx Compounding Pharmacy').check();
  await add.getByLabel(pharmacy).check();
  await add.getByLabel('Default pharmacy').selectOption({ label: pharmacy });
  await add.getByRole('button', { name: 'Add clinic' }).click();
  await expect(add.getByText(`${clinic} is added.`)).toBeVisible();
  const clinicRow = page.getByRole('region', { name: 'Clinic list' }).getByRole('row', { name: clinic });
  await expect(clinicRow.getByRole('cell').nth(2)).toHaveText(pharmacy);
  await expect(clinicRow.getByRole('cell').nth(3)).toContainText('CareRx Compounding Pharmacy');

  // Taking the default off the allowed list leaves no default that is not allowed.
  await clinicRow.getByRole('button', { name: `Edit ${clinic}` }).click();
  const edit = page.getByRole('form', { name: `Edit ${clinic}` });
  await expect(page.getByRole('heading', { name: `Edit ${clinic}` })).toBeFocused();
  await edit.getByLabel(pharmacy).uncheck();
  await expect(edit.getByLabel('Default pharmacy').locator('option:checked')).toHaveText(
    'CareRx Compounding Pharmacy',
  );
  await edit.getByLabel('Phone').fill('415-555-0188');
  await expectAccessible(page, testInfo, 'organisation-edit');
  await attachScreenshot(page, testInfo, 'organisation-edit');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`${clinic} is saved.`)).toBeVisible();
  await expect(clinicRow.getByRole('cell').nth(1)).toHaveText('415-555-0188');
  await expect(clinicRow.getByRole('cell').nth(2)).toHaveText('CareRx Compounding Pharmacy');
  await expect(clinicRow.getByRole('cell').nth(3)).toHaveText('CareRx Compounding Pharmacy');
  await attachScreenshot(page, testInfo, 'organisations');
});

test('two administrators editing one organisation: the later save is refused and reloaded', async ({
  page,
  browser,
}, testInfo) => {
  const run = unique();
  const pharmacy = `Harborview Compounding ${run}`;

  await signIn(page, ADMIN);
  await openAdminPage(page, 'Organisations');
  const add = page.getByRole('form', { name: 'Add an organisation' });
  await add.getByLabel('Name').fill(pharmacy);
  await add.getByLabel('Licence number').fill(`WA-PH-${run}`);
  await add.getByRole('button', { name: 'Add pharmacy' }).click();
  await expect(add.getByText(`${pharmacy} is added.`)).toBeVisible();
  await page.getByRole('button', { name: `Edit ${pharmacy}` }).click();
  const mine = page.getByRole('form', { name: `Edit ${pharmacy}` });

  // Meanwhile, another administrator changes its phone.
  const otherBrowser = await anotherBrowser(browser, testInfo);
  const other = await otherBrowser.newPage();
  await signIn(other, ADMIN);
  await openAdminPage(other, 'Organisations');
  await other.getByRole('button', { name: `Edit ${pharmacy}` }).click();
  const theirs = other.getByRole('form', { name: `Edit ${pharmacy}` });
  await theirs.getByLabel('Phone').fill('206-555-0101');
  await theirs.getByRole('button', { name: 'Save changes' }).click();
  await expect(other.getByText(`${pharmacy} is saved.`)).toBeVisible();
  await otherBrowser.close();

  await mine.getByLabel('Phone').fill('206-555-0199');
  await mine.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText('Someone else changed this organisation');
  // Reloaded: the form now shows what the other administrator saved.
  await expect(mine.getByLabel('Phone')).toHaveValue('206-555-0101');
  await mine.getByLabel('Phone').fill('206-555-0199');
  await mine.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`${pharmacy} is saved.`)).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Pharmacy list' }).getByRole('row', { name: pharmacy }),
  ).toContainText('206-555-0199');
});

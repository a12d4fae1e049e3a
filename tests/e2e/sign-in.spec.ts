import { expect, test } from '@playwright/test';
import { ADMIN, attachScreenshot, CLINICIAN, DEMO_PASSWORD, expectAccessible, signIn } from './support.ts';

test('a wrong password shows that the email or password is not right', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page, testInfo, 'sign-in');
  await attachScreenshot(page, testInfo, 'sign-in');

  await page.getByLabel('Email').fill(CLINICIAN);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('alert')).toHaveText('The email or password is not right.');
  await expect(page).toHaveURL(/\/sign-in$/);
  await attachScreenshot(page, testInfo, 'sign-in-error');
});

test('a signed-out visit comes back to the page asked for after signing in', async ({ page }) => {
  await page.goto('/patients?q=jensen');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fpatients%3Fq%3Djensen$/);
  await page.getByLabel('Email').fill(CLINICIAN);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/patients\?q=jensen$/);
  await expect(page.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();
});

test('an ended session sends the person to sign in, keeping where they were', async ({ page, context }) => {
  await signIn(page, CLINICIAN);
  await page.getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();
  await context.clearCookies();
  await page.getByLabel('Search patients').fill('jensen');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fpatients%3Fq%3Djensen$/);
  await expect(page.getByText('Your session has ended.')).toBeVisible();
});

test('each role sees its own navigation, and signing out ends the session', async ({ page }) => {
  await signIn(page, CLINICIAN);
  const clinicNavigation = page.getByRole('navigation', { name: 'Main' });
  await expect(clinicNavigation.getByRole('link')).toHaveText(['Worklist', 'Patients']);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/analytics$/);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText([
    'Analytics',
    'People',
    'Organisations',
    'Audit log',
    'API tokens',
  ]);
  await page.goto('/worklist');
  await expect(page.getByRole('heading', { name: 'Not available' })).toBeVisible();
});

import { type Browser, expect, type Page, type TestInfo } from '@playwright/test';

/** Opens one of the administrator's pages from the main navigation. */
export async function openAdminPage(page: Page, label: string, heading = label): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
}

/** Someone to invite from the People page. */
export interface Invitee {
  email: string;
  name: string;
  organisation: string;
  role?: 'Clinician' | 'Coordinator' | 'Pharmacist' | 'Admin';
  npi?: string;
}

/** Invites someone from the People page (open already) and answers the one-time link shown. */
export async function invite(page: Page, invitee: Invitee): Promise<string> {
  const form = page.getByRole('region', { name: 'Invite a person' });
  await form.getByLabel('Email').fill(invitee.email);
  await form.getByLabel('Name').fill(invitee.name);
  await form.getByLabel('Organisation').selectOption({ label: invitee.organisation });
  if (invitee.role !== undefined) await form.getByLabel('Role').selectOption({ label: invitee.role });
  if (invitee.npi !== undefined) await form.getByLabel('NPI').fill(invitee.npi);
  await form.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(form.getByText(`${invitee.name} is invited.`)).toBeVisible();
  const link = await form.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(/\/accept-invitation\?token=.+/);
  return link;
}

/** Sets a password through a one-time link (invitation or reset) and signs in with it. */
export async function setPasswordAndSignIn(page: Page, link: string, password: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Confirm the password').fill(password);
  await page.getByRole('button', { name: /^Set (new )?password$/ }).click();
  await expect(page).toHaveURL(/\/sign-in\?email=/);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** A browser of its own (another person, or the same person elsewhere), on this project's server. */
export async function anotherBrowser(browser: Browser, testInfo: TestInfo) {
  const baseURL = testInfo.project.use.baseURL;
  return browser.newContext(baseURL === undefined ? {} : { baseURL });
}

/** A suffix that keeps names and emails of one run apart from every other. */
export const unique = (): string => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

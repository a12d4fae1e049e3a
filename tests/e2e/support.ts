import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/** The demo data's password (prisma/seed): every demo sign-in uses it. */
export const DEMO_PASSWORD = 'ldn-demo-2026';

export const CLINICIAN = 'clinician@riverside.demo';
export const COORDINATOR = 'coordinator@riverside.demo';
export const PHARMACIST = 'pharmacist@carerx.demo';
export const ADMIN = 'admin@network.demo';

/** Signs in through the form, as a person does, and waits for the role's first page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Fails on any serious or critical axe violation of the page as it is now. */
export async function expectAccessible(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  await testInfo.attach(`axe-${name}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  expect(
    serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length} nodes)`),
    `serious/critical axe violations on ${name}`,
  ).toEqual([]);
}

/** Saves a full-page screenshot as an artifact of the test. */
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** A calendar date `days` from today where the browser runs (the forms' "today"). */
export function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** A calendar date `days` after `isoDate` (negative: before). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-03-15` → `15 Mar 2026`, as the portal shows dates. */
export function shown(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

export interface GraphQLAnswer<Data> {
  data?: Data;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** One GraphQL operation as the signed-in person (the page's session cookie), answered over HTTP. */
export async function graphql<Data>(
  page: Page,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLAnswer<Data>> {
  const response = await page.request.post('/graphql', { data: { query, variables } });
  expect(response.ok(), 'the API answers over HTTP').toBe(true);
  return (await response.json()) as GraphQLAnswer<Data>;
}

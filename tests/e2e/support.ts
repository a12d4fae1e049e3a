import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/** The demo data's password (prisma/seed): every demo sign-in uses it. */
export const DEMO_PASSWORD = 'ldn-demo-2026';

export const CLINICIAN = 'clinician@riverside.demo';
export const COORDINATOR = 'coordinator@riverside.demo';
export const PHARMACIST = 'pharmacist@carerx.demo';
/** CareRx's second pharmacist: verifies what the first compounded before it is dispensed. */
export const SECOND_PHARMACIST = 'pharmacist2@carerx.demo';
export const ADMIN = 'admin@network.demo';

/**
 * Signs the DRAFT order on the page as a clinician does: "Sign and submit", the password re-entered
 * in the signing step, "Sign"; waits for the order to show its signature.
 */
export async function signOrder(page: Page, password = DEMO_PASSWORD): Promise<void> {
  await page.getByRole('button', { name: 'Sign and submit to the pharmacy' }).click();
  const step = page.getByRole('region', { name: 'Sign the order' });
  await step.getByLabel('Your password').fill(password);
  await step.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(page.getByText(/^Signed by /)).toBeVisible();
}

/**
 * Verifies the READY order as the pharmacist signed in on `page` (not the one who compounded it):
 * opens the order, "Verify", and waits for the record to name them and the dispensing to open.
 */
export async function verifyOrder(page: Page, orderId: string): Promise<void> {
  await page.goto(`/pharmacy/orders/${orderId}`);
  await page.getByRole('button', { name: 'Verify' }).click();
  const record = page.getByRole('region', { name: 'Compounding record' });
  await expect(record).toContainText(`Verified by${await nameOf(page)}`);
  await expect(page.getByRole('form', { name: 'Dispense' })).toBeVisible();
}

/** The name of the person signed in on `page`, as the API gives it. */
export async function nameOf(page: Page): Promise<string> {
  const answer = await graphql<{ me: { name: string } }>(page, '{ me { name } }');
  expect(answer.errors ?? [], JSON.stringify(answer.errors)).toEqual([]);
  return answer.data?.me.name ?? '';
}

/** Signs in through the form, as a person does, and waits for the role's first page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Signs out as a person does: clicks, and sees the sign-in page before doing anything else. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
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

/**
 * Saves a full-page screenshot as an artifact of the test when E2E_SCREENSHOTS=1. It asserts
 * nothing, and encoding a full page costs about a second of CPU: `pnpm test` leaves them out (a
 * failed test still gets its screenshot, playwright.config.ts).
 */
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS !== '1') return;
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

/**
 * Records one visit on the patient page: opens "Record scores", sets the visit date, picks each
 * measure's score on its 0–10 scale (by the measure's label) and waits for the visit to be saved.
 */
export async function recordVisit(
  page: Page,
  visit: { date: string; scores: Record<string, number> },
): Promise<void> {
  await page.getByRole('button', { name: 'Record scores' }).click();
  const form = page.getByRole('form', { name: 'Record visit scores' });
  await form.getByLabel('Visit date').fill(visit.date);
  for (const [measure, score] of Object.entries(visit.scores)) {
    const scale = form.getByRole('group', { name: new RegExp(`^${measure}`) });
    await scale.getByRole('radio', { name: new RegExp(`^${score}(,|$)`) }).check();
  }
  await form.getByRole('button', { name: 'Record visit' }).click();
  await expect(form.getByText(`Visit of ${shown(visit.date)} recorded`)).toBeVisible();
  await form.getByRole('button', { name: 'Done' }).click();
}

/** One GraphQL operation that must succeed; its data. */
export async function apiData<Data>(
  page: Page,
  query: string,
  variables: Record<string, unknown>,
): Promise<Data> {
  const body = await graphql<Data>(page, query, variables);
  expect(body.errors ?? [], JSON.stringify(body.errors)).toEqual([]);
  return body.data as Data;
}

/** Who `aStartedTrial` registers: `registerPatient`'s input. */
export type NewPatient = { givenName: string; familyName: string; dateOfBirth: string; mrn: string } & Record<
  string,
  string
>;

/**
 * A new CRPS patient whose trial a clinician starts through the API on `startDate`: both prior lines
 * failed, consent and the opioid-free attestation on `readyOn`, a baseline pain score. Returns the
 * trial's id.
 */
export async function aStartedTrial(
  clinician: Page,
  patient: NewPatient,
  dates: { readyOn: string; baseline: { on: string; pain: number }; startDate: string },
): Promise<string> {
  const { registerPatient } = await apiData<{ registerPatient: { id: string } }>(
    clinician,
    'mutation ($input: RegisterPatientInput!) { registerPatient(input: $input) { id } }',
    { input: patient },
  );
  const patientId = registerPatient.id;
  const asClinician = <Data>(query: string, input: Record<string, unknown>) =>
    apiData<Data>(clinician, query, { patientId, ...input });
  for (const therapy of [
    { drug: 'nortriptyline', outcome: 'INEFFECTIVE' },
    { drug: 'gabapentin', outcome: 'INTOLERANT' },
  ]) {
    await asClinician(
      'mutation ($patientId: ID!, $input: PriorTherapyInput!) { recordPriorTherapy(patientId: $patientId, input: $input) { id } }',
      { input: therapy },
    );
  }
  await asClinician(
    'mutation ($patientId: ID!, $input: ConsentInput!) { recordConsent(patientId: $patientId, input: $input) { id } }',
    {
      input: {
        recordedOn: dates.readyOn,
        points: [
          'OFF_LABEL_LIMITED_EVIDENCE',
          'MODEST_SUBJECTIVE_BENEFIT',
          'COMPOUNDING_NOT_COVERED',
          'AVOID_OPIOIDS',
        ],
      },
    },
  );
  await asClinician(
    'mutation ($patientId: ID!, $input: OpioidFreeAttestationInput!) { attestOpioidFree(patientId: $patientId, input: $input) { id } }',
    { input: { attestedOn: dates.readyOn } },
  );
  await asClinician(
    'mutation ($patientId: ID!, $scoredOn: LocalDate!, $scores: [VisitScoreInput!]!) { recordVisitScores(patientId: $patientId, scoredOn: $scoredOn, scores: $scores) { id } }',
    { scoredOn: dates.baseline.on, scores: [{ measure: 'PAIN_NRS', score: dates.baseline.pain }] },
  );
  const { startTrial } = await asClinician<{ startTrial: { id: string } }>(
    'mutation ($patientId: ID!, $input: TrialStartInput!) { startTrial(patientId: $patientId, input: $input) { id } }',
    { input: { condition: 'CRPS', startDate: dates.startDate } },
  );
  return startTrial.id;
}

/**
 * A new CRPS patient (family name `familyName`, with an address to ship to) whose trial a clinician
 * starts today through the API, ready since 10 days, with a baseline pain score of 7 yesterday. A
 * trial no other test has ordered for. Returns the trial's id.
 */
export function aTrialStartedToday(clinician: Page, familyName: string): Promise<string> {
  const today = dayFromToday(0);
  return aStartedTrial(
    clinician,
    {
      givenName: 'Ruth',
      familyName,
      dateOfBirth: '1961-05-20',
      mrn: `E2E-${familyName}`,
      addressLine1: '8 Alder Lane',
      city: 'Springfield',
      postalCode: '97477',
    },
    { readyOn: addDays(today, -10), baseline: { on: addDays(today, -1), pain: 7 }, startDate: today },
  );
}

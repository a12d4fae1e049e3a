import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  addDays,
  attachScreenshot,
  CLINICIAN,
  COORDINATOR,
  dayFromToday,
  graphql,
  PHARMACIST,
  signIn,
  signOrder,
} from './support.ts';

// Issue #15: changes reach every open screen they affect without a reload. Each person in a
// browser context of their own; each test makes its own patient, so no demo record is used up.
// (The second it takes, end to end across processes, is measured in tests/system.)

/** How long a screen may take to follow: generous for a loaded machine. */
const LIVE = { timeout: 3_000 };

async function personPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** One GraphQL operation as the signed-in person; fails on any error. */
async function api<Data>(page: Page, query: string, variables: Record<string, unknown>): Promise<Data> {
  const body = await graphql<Data>(page, query, variables);
  expect(body.errors ?? [], JSON.stringify(body.errors)).toEqual([]);
  return body.data as Data;
}

/** A CRPS patient who may start today: both prior lines failed, consent, opioid-free, a baseline of 7. */
async function aPatientReadyToStart(clinician: Page, familyName: string): Promise<string> {
  const today = dayFromToday(0);
  const { registerPatient } = await api<{ registerPatient: { id: string } }>(
    clinician,
    'mutation ($input: RegisterPatientInput!) { registerPatient(input: $input) { id } }',
    { input: { givenName: 'Live', familyName, dateOfBirth: '1966-10-11', mrn: `LU-${familyName}` } },
  );
  const patientId = registerPatient.id;
  for (const therapy of [
    { drug: 'nortriptyline', outcome: 'INEFFECTIVE' },
    { drug: 'gabapentin', outcome: 'INTOLERANT' },
  ]) {
    await api(
      clinician,
      'mutation ($patientId: ID!, $input: PriorTherapyInput!) { recordPriorTherapy(patientId: $patientId, input: $input) { id } }',
      { patientId, input: therapy },
    );
  }
  await api(
    clinician,
    'mutation ($patientId: ID!, $input: ConsentInput!) { recordConsent(patientId: $patientId, input: $input) { id } }',
    {
      patientId,
      input: {
        recordedOn: addDays(today, -10),
        points: [
          'OFF_LABEL_LIMITED_EVIDENCE',
          'MODEST_SUBJECTIVE_BENEFIT',
          'COMPOUNDING_NOT_COVERED',
          'AVOID_OPIOIDS',
        ],
      },
    },
  );
  await api(
    clinician,
    'mutation ($patientId: ID!, $input: OpioidFreeAttestationInput!) { attestOpioidFree(patientId: $patientId, input: $input) { id } }',
    { patientId, input: { attestedOn: addDays(today, -10) } },
  );
  await api(
    clinician,
    'mutation ($patientId: ID!, $scoredOn: LocalDate!, $scores: [VisitScoreInput!]!) { recordVisitScores(patientId: $patientId, scoredOn: $scoredOn, scores: $scores) { id } }',
    { patientId, scoredOn: addDays(today, -1), scores: [{ measure: 'PAIN_NRS', score: 7 }] },
  );
  return patientId;
}

const uniqueName = () => `Live${Date.now()}${Math.floor(Math.random() * 1000)}`;

/** Marks the loaded page, so a later check can tell it was not reloaded. */
const markLoaded = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { loadedOnce: boolean }).loadedOnce = true;
  });
const notReloaded = (page: Page) =>
  page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce === true);

const stateShown = (page: Page) => page.getByRole('heading', { level: 1 }).locator('..');

test('a trial started in one browser shows on the patient page open in another', async ({
  browser,
}, testInfo) => {
  const clinician = await personPage(browser, CLINICIAN);
  const coordinator = await personPage(browser, COORDINATOR);
  const familyName = uniqueName();
  const patientId = await aPatientReadyToStart(clinician, familyName);

  await coordinator.goto(`/patients/${patientId}`);
  const trials = coordinator.getByRole('region', { name: 'Trials' });
  await expect(trials).toContainText('No LDN trial yet');
  await markLoaded(coordinator);

  await clinician.goto(`/patients/${patientId}/start-trial`);
  await clinician.getByLabel('Condition').selectOption('CRPS');
  await clinician.getByRole('button', { name: 'Review and start' }).click();
  await clinician
    .getByRole('region', { name: 'Review and start' })
    .getByRole('button', { name: 'Start the trial' })
    .click();
  await expect(clinician).toHaveURL(/\/trials\/[0-9a-f-]+$/);

  await expect(trials.getByRole('link', { name: /Complex regional pain syndrome trial from/ })).toBeVisible(
    LIVE,
  );
  await expect(trials).not.toContainText('No LDN trial yet');
  expect(await notReloaded(coordinator)).toBe(true);
  await attachScreenshot(coordinator, testInfo, 'patient-page-after-start-elsewhere');
});

test('the pharmacist’s steps reach the clinician’s open order and trial pages, and a new order the queue', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const clinician = await personPage(browser, CLINICIAN);
  const pharmacist = await personPage(browser, PHARMACIST);
  const familyName = uniqueName();
  const patientId = await aPatientReadyToStart(clinician, familyName);
  const { startTrial } = await api<{ startTrial: { id: string } }>(
    clinician,
    'mutation ($patientId: ID!, $input: TrialStartInput!) { startTrial(patientId: $patientId, input: $input) { id } }',
    { patientId, input: { condition: 'CRPS', startDate: dayFromToday(0) } },
  );

  const { createOrder } = await api<{ createOrder: { id: string } }>(
    clinician,
    'mutation ($trialId: ID!, $input: OrderInput!) { createOrder(trialId: $trialId, input: $input) { id } }',
    {
      trialId: startTrial.id,
      input: {
        kind: 'TITRATION_PACK',
        formulation: 'CAPSULE',
        payment: 'SELF_PAY',
        delivery: 'PICKUP',
        refills: 0,
      },
    },
  );

  // The pharmacy's queue is open on what has been sent and not yet acknowledged.
  await pharmacist.goto('/pharmacy/queue?state=SUBMITTED');
  const main = pharmacist.getByRole('main');
  await expect(
    main.getByRole('region', { name: 'Orders', exact: true }).or(main.getByText('No order in this view.')),
  ).toBeVisible();
  await expect(main).not.toContainText(familyName);
  await markLoaded(pharmacist);

  // The clinician signs the draft: it reaches the queue without a reload.
  await clinician.goto(`/orders/${createOrder.id}`);
  await signOrder(clinician);
  await expect(stateShown(clinician)).toContainText('Submitted');
  await expect(main.getByRole('region', { name: 'Orders', exact: true })).toContainText(familyName, LIVE);
  expect(await notReloaded(pharmacist)).toBe(true);

  // The clinician keeps the order open, and the trial in a second tab.
  await markLoaded(clinician);
  const trialTab = await clinician.context().newPage();
  await trialTab.goto(`/trials/${startTrial.id}`);
  const trialOrders = trialTab.getByRole('region', { name: 'Orders', exact: true });
  await expect(trialOrders).toContainText('Submitted');
  await markLoaded(trialTab);

  // The pharmacist acknowledges, then starts compounding; both clinician screens follow.
  await pharmacist.goto(`/pharmacy/orders/${createOrder.id}`);
  await pharmacist.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(stateShown(pharmacist)).toContainText('Received');
  await expect(stateShown(clinician)).toContainText('Received', LIVE);
  await expect(clinician.getByRole('list', { name: 'Order history' })).toContainText('Submitted → Received');
  await expect(trialOrders).toContainText('Received', LIVE);

  await pharmacist.getByRole('button', { name: 'Start compounding' }).click();
  await expect(stateShown(clinician)).toContainText('Compounding', LIVE);
  await expect(trialOrders).toContainText('Compounding', LIVE);
  expect(await notReloaded(clinician)).toBe(true);
  expect(await notReloaded(trialTab)).toBe(true);
  await attachScreenshot(clinician, testInfo, 'clinic-order-after-pharmacy-steps');
});

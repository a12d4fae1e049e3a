import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  ADMIN,
  attachScreenshot,
  CLINICIAN,
  dayFromToday,
  expectAccessible,
  graphql,
  signIn,
} from './support.ts';

// Issue #15: a trial started by mistake is voided (entered in error), not discontinued, so the
// network's continuation figures are exactly what they were before the mistake.

async function personPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** Every figure the analytics page shows, section by section (the "computed at" line aside). */
async function analyticsFigures(admin: Page): Promise<Record<string, string>> {
  await admin.goto('/analytics');
  const headline = admin.getByRole('region', { name: 'Headline figures' });
  await expect(headline.getByRole('rowheader', { name: 'Trials', exact: true })).toBeVisible();
  const figures: Record<string, string> = {};
  for (const name of [
    'Headline figures',
    'Continuation curve',
    'By condition',
    'By clinic',
    'By prescriber',
    'Discontinuation reasons',
    'Response classes',
  ]) {
    figures[name] = await admin.getByRole('region', { name, exact: true }).innerText();
  }
  return figures;
}

interface PatientsAnswer {
  patients: { edges: { node: { id: string; trials: { id: string }[] } }[] };
}
interface StartCheckAnswer {
  trialStartCheck: { outcome: string };
}

/** A demo patient of the clinic with no trial who could start a CRPS trial today (the seed's READY one). */
async function aDemoPatientReadyToStart(clinician: Page, today: string): Promise<string> {
  const { data } = await graphql<PatientsAnswer>(
    clinician,
    'query { patients(first: 100) { edges { node { id trials { id } } } } }',
  );
  for (const { node } of data?.patients.edges ?? []) {
    if (node.trials.length > 0) continue;
    const check = await graphql<StartCheckAnswer>(
      clinician,
      `query ($id: ID!, $startDate: LocalDate!) {
        trialStartCheck(patientId: $id, input: { condition: CRPS, startDate: $startDate }) { outcome } }`,
      { id: node.id, startDate: today },
    );
    if (check.data?.trialStartCheck.outcome === 'ALLOWED') return node.id;
  }
  throw new Error('the demo data has no patient ready to start a trial');
}

test('a trial started by mistake is voided, and the analytics figures are exactly those before', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const admin = await personPage(browser, ADMIN);
  const clinician = await personPage(browser, CLINICIAN);
  const today = dayFromToday(0);
  const before = await analyticsFigures(admin);

  // The clinician starts a trial for the wrong patient.
  const patientId = await aDemoPatientReadyToStart(clinician, today);
  await clinician.goto(`/patients/${patientId}`);
  await clinician.getByRole('link', { name: 'Start trial' }).click();
  await clinician.getByLabel('Condition').selectOption('CRPS');
  await expect(clinician.getByLabel('Start date')).toHaveValue(today);
  await clinician.getByRole('button', { name: 'Review and start' }).click();
  await clinician
    .getByRole('region', { name: 'Review and start' })
    .getByRole('button', { name: 'Start the trial' })
    .click();
  await expect(clinician).toHaveURL(/\/trials\/[0-9a-f-]+$/);
  const trialUrl = clinician.url();
  // While it stands, the mistake counts in the network's figures.
  expect((await analyticsFigures(admin))['Headline figures']).not.toEqual(before['Headline figures']);

  // Voided with a reason: the page says what it does before it is done.
  const actions = clinician.getByRole('region', { name: 'Actions' });
  await actions.getByText('Entered in error…').click();
  const form = clinician.getByRole('form', { name: 'Mark the trial entered in error' });
  await expect(form).toContainText('leaves the worklists and every figure');
  await form.getByLabel('Why was it entered in error?').fill('Started for the wrong patient');
  await expectAccessible(clinician, testInfo, 'void-trial-form');
  await form.getByRole('button', { name: 'Mark entered in error' }).click();

  const notice = clinician.getByRole('note', { name: 'Entered in error' });
  await expect(notice).toContainText('Started for the wrong patient');
  const { data: who } = await graphql<{ me: { name: string } }>(clinician, 'query { me { name } }');
  await expect(notice).toContainText(who?.me.name ?? 'the clinician signed in');
  await expect(clinician.getByRole('region', { name: 'Status' })).toContainText('Entered in error');
  await expect(clinician.getByRole('region', { name: 'Actions' })).toHaveCount(0);
  await expectAccessible(clinician, testInfo, 'voided-trial');
  await attachScreenshot(clinician, testInfo, 'voided-trial');

  // The figures are exactly those read before the mistake.
  expect(await analyticsFigures(admin)).toEqual(before);

  // On the patient's record the trial is listed struck through, and a trial can be started again.
  await clinician.goto(`/patients/${patientId}`);
  const trials = clinician.getByRole('region', { name: 'Trials' });
  const voided = trials
    .getByRole('listitem')
    .filter({ has: clinician.locator(`a[href="${new URL(trialUrl).pathname}"]`) });
  await expect(voided).toContainText('Entered in error');
  await expect(voided.getByRole('link')).toHaveCSS('text-decoration-line', 'line-through');
  await attachScreenshot(clinician, testInfo, 'patient-with-voided-trial');
  await clinician.getByRole('link', { name: 'Start trial' }).click();
  await expect(clinician.getByRole('button', { name: 'Review and start' })).toBeVisible();
});

import { expect, type Page, test } from '@playwright/test';
import { addDays, attachScreenshot, CLINICIAN, expectAccessible, graphql, shown, signIn } from './support.ts';

// Each test makes its own patient (a unique MRN) through the API as the signed-in clinician, so
// no test depends on the demo data's dates or on another test's changes.

/** Today where the browser is: the date the portal's forms start from. */
const browserToday = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  });

/** One GraphQL operation as the signed-in person (the page's session cookie); fails on any error. */
async function api<Data>(page: Page, query: string, variables: Record<string, unknown>): Promise<Data> {
  const body = await graphql<Data>(page, query, variables);
  expect(body.errors ?? [], JSON.stringify(body.errors)).toEqual([]);
  return body.data as Data;
}

const ALL_CONSENT_POINTS = [
  'OFF_LABEL_LIMITED_EVIDENCE',
  'MODEST_SUBJECTIVE_BENEFIT',
  'COMPOUNDING_NOT_COVERED',
  'AVOID_OPIOIDS',
];

/**
 * A CRPS patient ready on `readyOn`: consent, opioid-free attestation and a baseline pain score of 7
 * the day before. With `bothPriorLines` false only the TCA failed: ELIGIBILITY_PRIOR_LINES_MISSING.
 */
async function aPatientReadyOn(page: Page, readyOn: string, bothPriorLines: boolean): Promise<string> {
  const unique = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const { registerPatient } = await api<{ registerPatient: { id: string } }>(
    page,
    `mutation ($input: RegisterPatientInput!) { registerPatient(input: $input) { id } }`,
    {
      input: {
        givenName: 'Trial',
        familyName: `Actions${unique}`,
        dateOfBirth: '1971-04-05',
        mrn: `TA-${unique}`,
      },
    },
  );
  const patientId = registerPatient.id;
  const therapies = [
    { drug: 'nortriptyline', outcome: 'INEFFECTIVE' },
    ...(bothPriorLines ? [{ drug: 'gabapentin', outcome: 'INTOLERANT' }] : []),
  ];
  for (const therapy of therapies) {
    await api(
      page,
      `mutation ($patientId: ID!, $input: PriorTherapyInput!) { recordPriorTherapy(patientId: $patientId, input: $input) { id } }`,
      { patientId, input: therapy },
    );
  }
  const before = addDays(readyOn, -10);
  await api(
    page,
    `mutation ($patientId: ID!, $input: ConsentInput!) { recordConsent(patientId: $patientId, input: $input) { id } }`,
    { patientId, input: { recordedOn: before, points: ALL_CONSENT_POINTS } },
  );
  await api(
    page,
    `mutation ($patientId: ID!, $input: OpioidFreeAttestationInput!) { attestOpioidFree(patientId: $patientId, input: $input) { id } }`,
    { patientId, input: { attestedOn: before } },
  );
  await aPainScore(page, patientId, addDays(readyOn, -1), 7);
  return patientId;
}

async function aPainScore(page: Page, patientId: string, scoredOn: string, score: number): Promise<void> {
  await api(
    page,
    `mutation ($patientId: ID!, $scoredOn: LocalDate!, $scores: [VisitScoreInput!]!) { recordVisitScores(patientId: $patientId, scoredOn: $scoredOn, scores: $scores) { id } }`,
    { patientId, scoredOn, scores: [{ measure: 'PAIN_NRS', score }] },
  );
}

/** A CRPS trial started on `startDate` with the default steps recorded on the given days. */
async function aTrialStartedOn(page: Page, startDate: string, stepDays: number[] = []): Promise<string> {
  const patientId = await aPatientReadyOn(page, startDate, true);
  const { startTrial } = await api<{ startTrial: { id: string } }>(
    page,
    `mutation ($patientId: ID!, $input: TrialStartInput!) { startTrial(patientId: $patientId, input: $input) { id } }`,
    { patientId, input: { condition: 'CRPS', startDate } },
  );
  const doses = [3, 4.5];
  for (const [index, day] of stepDays.entries()) {
    await api(
      page,
      `mutation ($trialId: ID!, $input: DoseChangeInput!) { changeDose(trialId: $trialId, input: $input) { id } }`,
      { trialId: startTrial.id, input: { changedOn: addDays(startDate, day), doseMg: doses[index] } },
    );
  }
  return startTrial.id;
}

const statusSection = (page: Page) => page.getByRole('region', { name: 'Status' });
const actionsSection = (page: Page) => page.getByRole('region', { name: 'Actions' });

test('the clinician starts a trial past a soft stop with a reason and sees the plan’s dates', async ({
  page,
}, testInfo) => {
  await signIn(page, CLINICIAN);
  const today = await browserToday(page);
  const patientId = await aPatientReadyOn(page, today, false);

  await page.goto(`/patients/${patientId}/start-trial`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Start a trial: Trial Actions');
  // No condition until the clinician chooses one, and nothing to start before.
  await expect(page.getByLabel('Condition')).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Review and start' })).toBeDisabled();
  await page.getByLabel('Condition').selectOption('CRPS');
  await expect(page.getByLabel('Start date')).toHaveValue(today);
  await expect(page.getByLabel('First nightly dose')).toHaveValue('1.5 mg at bedtime');

  const findings = page.getByRole('list', { name: 'Findings' });
  await expect(findings.getByRole('listitem')).toHaveCount(1);
  await expect(findings).toContainText('ELIGIBILITY_PRIOR_LINES_MISSING');
  await expect(findings).toContainText('Soft stop');
  const start = page.getByRole('button', { name: 'Review and start' });
  await expect(start).toBeDisabled();

  const plan = page.getByRole('table', { name: 'Titration plan' });
  await expect(plan.getByRole('row').nth(1)).toContainText(`${shown(today)}1.5 mg at bedtime`);
  await expect(plan.getByRole('row').nth(2)).toContainText(`${shown(addDays(today, 14))}3.0 mg at bedtime`);
  await expect(plan.getByRole('row').nth(3)).toContainText(`${shown(addDays(today, 28))}4.5 mg at bedtime`);
  await expect(page.getByRole('region', { name: 'Titration plan' })).toContainText(shown(addDays(today, 56)));

  const reason = page.getByLabel('Reason to override eligibility prior lines missing');
  await reason.fill('Anticonvulsant failed');
  await expect(start).toBeDisabled();
  await reason.fill('Anticonvulsant failed elsewhere, letter on file');
  await expect(start).toBeEnabled();
  await expectAccessible(page, testInfo, 'start-trial');
  await attachScreenshot(page, testInfo, 'start-trial');

  // The review shows what will be stored; "Back" edits, "Start the trial" creates it.
  await start.click();
  const review = page.getByRole('region', { name: 'Review and start' });
  await expect(review).toContainText('Complex regional pain syndrome');
  await expect(review).toContainText(shown(today));
  await expect(review).toContainText('1.5 mg at bedtime');
  await expect(review.getByRole('table', { name: 'Titration plan' }).getByRole('row').nth(3)).toContainText(
    shown(addDays(today, 28)),
  );
  await expect(review.getByRole('list', { name: 'Overrides' })).toContainText(
    'Anticonvulsant failed elsewhere, letter on file',
  );
  await expectAccessible(page, testInfo, 'start-trial-review');
  await review.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('Condition')).toHaveValue('CRPS');
  await start.click();
  await review.getByRole('button', { name: 'Start the trial' }).click();
  await expect(page).toHaveURL(/\/trials\/[0-9a-f-]+$/);
  await expect(statusSection(page)).toContainText('Titrating');
  await expect(page.getByRole('region', { name: 'Overrides' })).toContainText(
    'Anticonvulsant failed elsewhere, letter on file',
  );
});

test('a dose of 5.0 mg is refused with the explanation; the scheduled step goes through', async ({
  page,
}, testInfo) => {
  await signIn(page, CLINICIAN);
  const today = await browserToday(page);
  const trialId = await aTrialStartedOn(page, addDays(today, -14));

  await page.goto(`/trials/${trialId}`);
  await expect(statusSection(page)).toContainText(`3.0 mg from ${shown(today)}`);
  await actionsSection(page).getByText('Change the dose').click();
  const form = page.getByRole('form', { name: 'Change the dose' });
  await expect(form.getByLabel('First night of the new dose')).toHaveValue(today);

  await form.getByLabel('New nightly dose (mg)').fill('5.0');
  const check = form.getByRole('list', { name: 'Dose check' });
  await expect(check).toContainText('DOSE_ABOVE_MAXIMUM');
  await expect(check).toContainText('The nightly dose is above the 4.5 mg LDN maximum.');
  await expect(check).toContainText('No override exists');
  await expect(form.getByRole('button', { name: 'Save the dose change' })).toBeDisabled();

  await actionsSection(page).getByText('Assess the response').click();
  await expectAccessible(page, testInfo, 'trial-forms-open');
  await attachScreenshot(page, testInfo, 'trial-forms-open');

  await form.getByLabel('New nightly dose (mg)').fill('3');
  await expect(check).toHaveCount(0);
  await form.getByRole('button', { name: 'Save the dose change' }).click();
  await expect(actionsSection(page)).toContainText(`Dose changed to 3.0 mg from ${shown(today)}.`);
  await expect(statusSection(page)).toContainText('3.0 mg at bedtime');
  await expect(statusSection(page)).toContainText(`4.5 mg from ${shown(addDays(today, 14))}`);
});

test('an assessment before the window opens is refused with the date it opens', async ({ page }) => {
  await signIn(page, CLINICIAN);
  const today = await browserToday(page);
  const start = addDays(today, -30);
  const trialId = await aTrialStartedOn(page, start, [14, 28]);

  await page.goto(`/trials/${trialId}`);
  await expect(statusSection(page)).toContainText('At target');
  await actionsSection(page).getByText('Assess the response').click();
  const form = page.getByRole('form', { name: 'Assess the response' });
  const check = form.getByRole('list', { name: 'Assessment check' });
  await expect(check).toContainText('ASSESSMENT_TOO_EARLY');
  await expect(check).toContainText(`The window opens on ${addDays(start, 56)}, 26 day(s) later.`);
  await expect(form.getByRole('button', { name: 'Save the assessment' })).toBeDisabled();
});

test('an assessment in the window shows the computed response class and saves it', async ({ page }) => {
  await signIn(page, CLINICIAN);
  const today = await browserToday(page);
  const start = addDays(today, -60);
  const trialId = await aTrialStartedOn(page, start, [14, 28]);
  const { trial } = await api<{ trial: { patient: { id: string } } }>(
    page,
    `query ($id: ID!) { trial(id: $id) { patient { id } } }`,
    { id: trialId },
  );
  // Baseline 7; mean 4.0 over the last 7 days: 43 % lower, a meaningful response.
  for (const [daysAgo, score] of [
    [5, 4],
    [3, 4],
    [1, 4],
  ] as const) {
    await aPainScore(page, trial.patient.id, addDays(today, -daysAgo), score);
  }

  await page.goto(`/trials/${trialId}`);
  await expect(statusSection(page)).toContainText('Assessment due');
  await actionsSection(page).getByText('Assess the response').click();
  const form = page.getByRole('form', { name: 'Assess the response' });
  await expect(form).toContainText('Meaningful response');
  await expect(form).toContainText(
    'mean pain 4.0 over 3 score(s) of the 7 days, 43 % below the baseline of 7',
  );
  await form.getByLabel('Continue (maintenance)').check();
  await form.getByRole('button', { name: 'Save the assessment' }).click();

  await expect(actionsSection(page)).toContainText(`Assessment of ${shown(today)} saved.`);
  await expect(statusSection(page)).toContainText('Continuing');
  await expect(page.getByRole('region', { name: 'Assessments' })).toContainText('Meaningful');
  await expect(page.getByRole('region', { name: 'Assessments' })).toContainText('decision continue');
});

test('the clinician records an adverse effect, holds the trial and resumes it', async ({
  page,
}, testInfo) => {
  await signIn(page, CLINICIAN);
  const today = await browserToday(page);
  const trialId = await aTrialStartedOn(page, addDays(today, -10));
  await page.goto(`/trials/${trialId}`);

  await actionsSection(page).getByText('Record an adverse effect').click();
  const effect = page.getByRole('form', { name: 'Record an adverse effect' });
  await effect.getByLabel('Adverse effect').selectOption('HEADACHE');
  await effect.getByLabel('Moderate').check();
  await effect.getByRole('button', { name: 'Record the adverse effect' }).click();
  await expect(actionsSection(page)).toContainText('Adverse effect recorded: headache.');
  await expect(page.getByRole('region', { name: 'Adverse effects' })).toContainText(
    `${shown(today)}: Headache (moderate)`,
  );

  await actionsSection(page).getByText('Put on hold').click();
  const hold = page.getByRole('form', { name: 'Put on hold' });
  await hold.getByLabel('Reason for the hold').selectOption('ADVERSE_EFFECT');
  await hold.getByRole('button', { name: 'Put the trial on hold' }).click();
  await expect(actionsSection(page)).toContainText(`Trial on hold from ${shown(today)}.`);
  await expect(statusSection(page)).toContainText('On hold');
  // On hold: no dose change, no assessment; resume instead.
  await expect(actionsSection(page).getByText('Change the dose')).toHaveCount(0);
  await actionsSection(page).getByText('Resume', { exact: true }).click();
  const resume = page.getByRole('form', { name: 'Resume' });
  await expect(resume).toContainText('the trial returns to titrating');
  await expectAccessible(page, testInfo, 'trial-on-hold');
  await resume.getByRole('button', { name: 'Resume the trial' }).click();

  await expect(actionsSection(page)).toContainText(`Trial resumed on ${shown(today)}.`);
  await expect(statusSection(page)).toContainText('Titrating');
  await expect(page.getByRole('region', { name: 'Holds' })).toContainText(
    `${shown(today)} – ${shown(today)}: Adverse effect`,
  );
});

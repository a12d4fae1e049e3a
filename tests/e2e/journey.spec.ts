import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  attachScreenshot,
  CLINICIAN,
  COORDINATOR,
  dayFromToday,
  expectAccessible,
  PHARMACIST,
  recordVisit,
  SECOND_PHARMACIST,
  shown,
  signIn,
  signOrder,
  verifyOrder,
} from './support.ts';

// Issue #7's whole journey, in the browser only, each person in their own browser context:
// the coordinator registers a patient and records the history, the clinician meets the opioid
// hard stop, starts the trial past a soft stop with a reason, and orders; the pharmacist fills the
// order with a lot and a beyond-use date, a second pharmacist verifies it; the clinician steps the dose (5.0 mg refused), is refused
// an early assessment and assesses at the right date. The trial started 60 days ago (its records
// are entered with their real dates), so the assessment window (days 56–84) is open today.

async function personPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test('coordinator, clinician and pharmacist take a trial from registration to its assessment', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const start = dayFromToday(-60);
  const unique = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const familyName = `Journey${unique}`;

  // The coordinator registers the patient and records the history, an opioid still active.
  const coordinator = await personPage(browser, COORDINATOR);
  await coordinator.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await coordinator.getByRole('link', { name: 'Register patient' }).click();
  const register = coordinator.getByRole('form', { name: 'Register a patient' });
  await register.getByLabel('Given name').fill('Rosa');
  await register.getByLabel('Family name').fill(familyName);
  await register.getByLabel('Date of birth').fill('1968-09-30');
  await register.getByLabel('MRN').fill(`JRN-${unique}`);
  await register.getByLabel('Phone').fill('555-0199');
  await register.getByLabel('Address line 1').fill('8 Harbour Road');
  await register.getByLabel('City').fill('Springfield');
  await register.getByLabel('Postal code').fill('97477');
  await register.getByRole('button', { name: 'Register patient' }).click();
  await expect(coordinator.getByRole('heading', { name: `Rosa ${familyName}`, level: 1 })).toBeVisible();
  const patientUrl = coordinator.url();

  await coordinator.getByRole('button', { name: 'Add prior therapy' }).click();
  const therapy = coordinator.getByRole('form', { name: 'Add prior therapy' });
  await therapy.getByLabel('Drug', { exact: true }).fill('amitriptyline');
  await therapy.getByLabel('Outcome').selectOption('INEFFECTIVE');
  await therapy.getByLabel('Started on').fill(dayFromToday(-500));
  await therapy.getByLabel('Ended on').fill(dayFromToday(-400));
  await therapy.getByRole('button', { name: 'Record prior therapy' }).click();
  await expect(therapy).toHaveCount(0);

  await coordinator.getByRole('button', { name: 'Record medication' }).click();
  const medication = coordinator.getByRole('form', { name: 'Record medication' });
  await medication.getByLabel('Drug', { exact: true }).fill('oxycodone/acetaminophen');
  await medication.getByLabel('Started on').fill(dayFromToday(-200));
  await medication.getByRole('button', { name: 'Record medication' }).click();
  const medications = coordinator.getByRole('region', { name: 'Medications table' });
  await expect(medications.getByRole('row', { name: /oxycodone/ })).toContainText('Opioid, active');

  await coordinator.getByRole('button', { name: 'Record consent' }).click();
  const consent = coordinator.getByRole('form', { name: 'Record consent' });
  for (const point of await consent.getByRole('checkbox').all()) await point.check();
  await consent.getByLabel('Recorded on').fill(dayFromToday(-62));
  await consent.getByRole('button', { name: 'Record complete consent' }).click();
  await expect(consent).toHaveCount(0);

  await recordVisit(coordinator, { date: dayFromToday(-61), scores: { Pain: 7 } });

  // The clinician cannot start while the opioid is active: a hard stop, with no override.
  const clinician = await personPage(browser, CLINICIAN);
  await clinician.goto(patientUrl);
  await clinician.getByRole('link', { name: 'Start trial' }).click();
  await clinician.getByLabel('Condition').selectOption('CRPS');
  await clinician.getByLabel('Start date').fill(start);
  const findings = clinician.getByRole('list', { name: 'Findings' });
  await expect(findings).toContainText('OPIOID_CONCURRENT_USE');
  await expect(findings).toContainText('OPIOID_FREE_NOT_ATTESTED');
  await expect(findings).toContainText('ELIGIBILITY_PRIOR_LINES_MISSING');
  await expect(clinician.getByRole('button', { name: 'Review and start' })).toBeDisabled();
  await expectAccessible(clinician, testInfo, 'journey-start-refused');
  await attachScreenshot(clinician, testInfo, 'journey-start-refused');

  // The coordinator records the stop and the opioid-free attestation.
  await medications.getByRole('button', { name: /^Stop oxycodone/ }).click();
  const stop = coordinator.getByRole('form', { name: /^Stop oxycodone/ });
  await stop.getByLabel('Last dose on').fill(dayFromToday(-75));
  await stop.getByRole('button', { name: 'Record stop' }).click();
  await expect(medications.getByRole('row', { name: /oxycodone/ })).toContainText('Opioid, stopped');
  await coordinator.getByRole('button', { name: 'Attest opioid-free' }).click();
  const attestation = coordinator.getByRole('form', { name: 'Attest opioid-free' });
  await attestation.getByLabel('Attested on').fill(dayFromToday(-62));
  await expect(attestation.getByLabel('Last opioid dose on')).toHaveValue(dayFromToday(-75));
  await attestation.getByRole('button', { name: 'Record attestation' }).click();
  await expect(attestation).toHaveCount(0);

  // Only the soft stop is left: the clinician overrides it with a reason and starts.
  await clinician.reload();
  await clinician.getByLabel('Condition').selectOption('CRPS');
  await clinician.getByLabel('Start date').fill(start);
  await expect(findings.getByRole('listitem')).toHaveCount(1);
  await expect(findings).toContainText('ELIGIBILITY_PRIOR_LINES_MISSING');
  const plan = clinician.getByRole('table', { name: 'Titration plan' });
  await expect(plan.getByRole('row').nth(2)).toContainText(shown(dayFromToday(-46)));
  await clinician
    .getByLabel('Reason to override eligibility prior lines missing')
    .fill('Gabapentin failed at the referring clinic, letter on file');
  // Nothing is created until the summary is confirmed.
  await clinician.getByRole('button', { name: 'Review and start' }).click();
  const review = clinician.getByRole('region', { name: 'Review and start' });
  await expect(review).toContainText('Complex regional pain syndrome');
  await expect(review).toContainText('Gabapentin failed at the referring clinic, letter on file');
  await review.getByRole('button', { name: 'Start the trial' }).click();
  await expect(clinician).toHaveURL(/\/trials\/[0-9a-f-]+$/);
  const trialUrl = clinician.url();
  await expect(clinician.getByRole('region', { name: 'Overrides' })).toContainText(
    'Gabapentin failed at the referring clinic',
  );

  // The clinician orders the titration pack and submits it.
  await clinician.getByRole('region', { name: 'Orders' }).getByRole('link', { name: 'New order' }).click();
  await expect(clinician.getByLabel('Titration pack (follows the trial’s schedule)')).toBeChecked();
  await clinician.getByRole('button', { name: 'Save draft order' }).click();
  await signOrder(clinician);
  await expect(clinician.getByRole('list', { name: 'Order history' })).toContainText('Draft → Submitted');
  const orderId = clinician.url().split('/').pop() as string;

  // The pharmacist fills it: received, compounding, ready with a lot and a beyond-use date, out.
  const pharmacist = await personPage(browser, PHARMACIST);
  await pharmacist.goto(`/pharmacy/orders/${orderId}`);
  await expect(pharmacist.getByRole('heading', { level: 1 })).toContainText(familyName);
  await expect(pharmacist.getByText('Pain scores')).toHaveCount(0);
  await pharmacist.getByRole('button', { name: 'Acknowledge' }).click();
  await pharmacist.getByRole('button', { name: 'Start compounding' }).click();
  const ready = pharmacist.getByRole('form', { name: 'Mark ready' });
  await ready.getByLabel('Lot number').fill(`LOT-${unique}`);
  await expect(ready.getByLabel('Beyond-use date')).not.toHaveValue('');
  await ready.getByRole('button', { name: 'Mark ready' }).click();
  // A second pharmacist verifies what the first compounded; the first's open page follows.
  await expect(pharmacist.getByText(/another pharmacist of the pharmacy verifies it/)).toBeVisible();
  const verifier = await personPage(browser, SECOND_PHARMACIST);
  await verifyOrder(verifier, orderId);
  const dispense = pharmacist.getByRole('form', { name: 'Dispense' });
  await dispense.getByLabel('Tracking number').fill(`TRK-${unique}`);
  await dispense.getByRole('button', { name: 'Dispense (shipped)' }).click();
  await expect(pharmacist.getByRole('heading', { level: 1 }).locator('..')).toContainText('Dispensed');

  await clinician.reload();
  await expect(clinician.getByRole('list', { name: 'Order history' })).toContainText('Ready → Dispensed');
  await expect(clinician.getByText(`LOT-${unique}`)).toBeVisible();

  // The clinician records the steps as they happened; 5.0 mg is refused on the way.
  await clinician.goto(trialUrl);
  const actions = clinician.getByRole('region', { name: 'Actions' });
  const changeDose = async (on: string, doseMg: string) => {
    await actions.getByText('Change the dose').click();
    const form = clinician.getByRole('form', { name: 'Change the dose' });
    await form.getByLabel('First night of the new dose').fill(on);
    await form.getByLabel('New nightly dose (mg)').fill(doseMg);
    return form;
  };
  await (await changeDose(dayFromToday(-46), '3'))
    .getByRole('button', { name: 'Save the dose change' })
    .click();
  await expect(actions).toContainText(`Dose changed to 3.0 mg from ${shown(dayFromToday(-46))}.`);
  const tooHigh = await changeDose(dayFromToday(-32), '5.0');
  await expect(tooHigh.getByRole('list', { name: 'Dose check' })).toContainText('DOSE_ABOVE_MAXIMUM');
  await expect(tooHigh.getByRole('button', { name: 'Save the dose change' })).toBeDisabled();
  await tooHigh.getByLabel('New nightly dose (mg)').fill('4.5');
  await tooHigh.getByRole('button', { name: 'Save the dose change' }).click();
  await expect(actions).toContainText(`Dose changed to 4.5 mg from ${shown(dayFromToday(-32))}.`);

  // The coordinator records this week's pain scores.
  for (const [daysAgo, score] of [
    [5, 3],
    [2, 3],
  ] as const) {
    await recordVisit(coordinator, { date: dayFromToday(-daysAgo), scores: { Pain: score } });
  }

  // Assessed too early (day 40) is refused; today (day 60) shows the class before it is saved.
  await clinician.reload();
  await actions.getByText('Assess the response').click();
  const assess = clinician.getByRole('form', { name: 'Assess the response' });
  await assess.getByLabel('Assessed on').fill(dayFromToday(-20));
  await expect(assess.getByRole('list', { name: 'Assessment check' })).toContainText('ASSESSMENT_TOO_EARLY');
  await expect(assess.getByRole('button', { name: 'Save the assessment' })).toBeDisabled();
  await assess.getByLabel('Assessed on').fill(dayFromToday(0));
  await expect(assess).toContainText('Substantial response');
  await assess.getByLabel('Continue (maintenance)').check();
  await expectAccessible(clinician, testInfo, 'journey-assessment');
  await attachScreenshot(clinician, testInfo, 'journey-assessment');
  await assess.getByRole('button', { name: 'Save the assessment' }).click();
  await expect(clinician.getByRole('region', { name: 'Status' })).toContainText('Continuing');
  await expect(clinician.getByRole('region', { name: 'Status' })).toContainText('(assessed)');
  await expect(clinician.getByRole('region', { name: 'Assessments' })).toContainText('Substantial');
  await expectAccessible(clinician, testInfo, 'journey-trial');
  await attachScreenshot(clinician, testInfo, 'journey-trial');
});

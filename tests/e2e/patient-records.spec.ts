import { expect, type Page, test } from '@playwright/test';
import {
  attachScreenshot,
  COORDINATOR,
  dayFromToday,
  expectAccessible,
  recordVisit,
  shown,
  signIn,
} from './support.ts';

/** An MRN no other run or test has used. */
const uniqueMrn = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;

async function openRegisterPage(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('link', { name: 'Register patient' }).click();
  await expect(page).toHaveURL(/\/patients\/new$/);
  await expect(page.getByRole('heading', { name: 'Register a patient', level: 1 })).toBeVisible();
}

async function register(page: Page, patient: { givenName: string; familyName: string; mrn: string }) {
  const form = page.getByRole('form', { name: 'Register a patient' });
  await form.getByLabel('Given name').fill(patient.givenName);
  await form.getByLabel('Family name').fill(patient.familyName);
  await form.getByLabel('Date of birth').fill('1971-05-14');
  await form.getByLabel('MRN').fill(patient.mrn);
  return form;
}

async function addPriorTherapy(
  page: Page,
  therapy: { drug: string; outcome: string; doseRange: string; from: string; to: string },
) {
  await page.getByRole('button', { name: 'Add prior therapy' }).click();
  const form = page.getByRole('form', { name: 'Add prior therapy' });
  await expect(form.getByLabel('Drug', { exact: true })).toBeFocused();
  await form.getByLabel('Drug', { exact: true }).fill(therapy.drug);
  // Its classes come from the drug (clinical-rules §11): no tick boxes for a recognised name.
  await expect(form.getByRole('checkbox')).toHaveCount(0);
  await form.getByLabel('Outcome').selectOption(therapy.outcome);
  await form.getByLabel('Dose range').fill(therapy.doseRange);
  await form.getByLabel('Started on').fill(therapy.from);
  await form.getByLabel('Ended on').fill(therapy.to);
  await form.getByRole('button', { name: 'Record prior therapy' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Prior therapies table' })).toContainText(therapy.drug);
}

async function recordMedication(page: Page, drug: string, dose: string, startedOn: string) {
  await page.getByRole('button', { name: 'Record medication' }).click();
  const form = page.getByRole('form', { name: 'Record medication' });
  await form.getByLabel('Drug', { exact: true }).fill(drug);
  await form.getByLabel('Dose').fill(dose);
  await form.getByLabel('Started on').fill(startedOn);
  await form.getByRole('button', { name: 'Record medication' }).click();
  await expect(form).toHaveCount(0);
}

test('a coordinator registers a patient and records what a start needs, and eligibility follows', async ({
  page,
}, testInfo) => {
  const mrn = uniqueMrn('E2E-REC');
  const today = dayFromToday(0);
  await signIn(page, COORDINATOR);
  await openRegisterPage(page);
  await expectAccessible(page, testInfo, 'register-patient');
  await attachScreenshot(page, testInfo, 'register-patient');

  const form = await register(page, { givenName: 'Marta', familyName: 'Quinlan', mrn });
  await form.getByLabel('Phone').fill('555-0142');
  await form.getByLabel('Allergies').fill('Sulfa drugs');
  await form.getByRole('button', { name: 'Register patient' }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { name: 'Marta Quinlan', level: 1 })).toBeVisible();
  await expect(page.getByText(`MRN ${mrn}`)).toBeVisible();
  await expect(page.getByText('Sulfa drugs')).toBeVisible();
  // Starting a trial is the clinician's.
  await expect(page.getByRole('link', { name: 'Start trial' })).toHaveCount(0);

  const eligibility = page.getByRole('region', { name: 'Eligibility' });
  const requirements = eligibility.getByRole('table', { name: 'Eligibility requirements' });
  const startRequirements = eligibility.getByRole('table', { name: /Start requirements/ });
  await expect(eligibility.getByText('Prior lines missing')).toBeVisible();
  await expect(eligibility.getByText('A trial cannot start today')).toBeVisible();
  await expect(startRequirements.getByRole('row', { name: /Consent/ })).toContainText('Not met');

  await addPriorTherapy(page, {
    drug: 'nortriptyline',
    outcome: 'INEFFECTIVE',
    doseRange: '25–100 mg',
    from: dayFromToday(-400),
    to: dayFromToday(-300),
  });
  await expect(requirements.getByRole('row', { name: /A failed TCA or SNRI/ })).toContainText(
    'nortriptyline',
  );
  await addPriorTherapy(page, {
    drug: 'pregabalin',
    outcome: 'INTOLERANT',
    doseRange: '150–300 mg',
    from: dayFromToday(-280),
    to: dayFromToday(-200),
  });
  await expect(requirements.getByRole('row', { name: /A failed anticonvulsant/ })).toContainText(
    'pregabalin',
  );
  await expect(requirements.getByRole('row', { name: /fibromyalgia drug/ })).toContainText('pregabalin');
  await expect(eligibility.getByText('Prior lines met')).toBeVisible();

  const medications = page.getByRole('region', { name: 'Medications table' });
  await recordMedication(page, 'acetaminophen', '500 mg as needed', dayFromToday(-90));
  await expect(medications.getByRole('row', { name: /acetaminophen/ })).not.toContainText('Opioid');
  await recordMedication(page, 'tramadol', '50 mg twice daily', dayFromToday(-60));
  await expect(page.getByRole('alert')).toContainText('tramadol is an opioid.');
  await expect(medications.getByRole('row', { name: /tramadol/ })).toContainText('Opioid, active');
  await expect(page.getByRole('note')).toContainText('Active opioid: tramadol');
  await expect(startRequirements.getByRole('row', { name: /Opioid-free/ })).toContainText(
    'An opioid is active',
  );

  // Stopped ten days ago: past the default 7-day washout.
  await medications.getByRole('button', { name: 'Stop tramadol' }).click();
  const stop = page.getByRole('form', { name: 'Stop tramadol' });
  await stop.getByLabel('Last dose on').fill(dayFromToday(-10));
  await stop.getByRole('button', { name: 'Record stop' }).click();
  await expect(medications.getByRole('row', { name: /tramadol/ })).toContainText('Opioid, stopped');
  await expect(page.getByRole('note')).toHaveCount(0);

  await page.getByRole('button', { name: 'Attest opioid-free' }).click();
  const attestation = page.getByRole('form', { name: 'Attest opioid-free' });
  await expect(attestation.getByLabel('Last opioid (if any)')).toHaveValue('tramadol');
  await expect(attestation.getByLabel('Last opioid dose on')).toHaveValue(dayFromToday(-10));
  await expect(attestation).toContainText('Washout 7 days');
  await attestation.getByRole('button', { name: 'Record attestation' }).click();
  await expect(attestation).toHaveCount(0);
  await expect(page.getByText(/Opioid-free attested on .* \(last tramadol on/)).toBeVisible();
  await expect(startRequirements.getByRole('row', { name: /Opioid-free/ })).toContainText('Met');

  await page.getByRole('button', { name: 'Record consent' }).click();
  const consent = page.getByRole('form', { name: 'Record consent' });
  const points = consent.getByRole('checkbox');
  await expect(points).toHaveCount(4);
  for (const point of await points.all()) await point.check();
  await expect(consent.getByText('Complete: all four points covered')).toBeVisible();
  await consent.getByRole('button', { name: 'Record complete consent' }).click();
  await expect(consent).toHaveCount(0);
  const consents = page.getByRole('region', { name: 'Consents' });
  await expect(consents.getByText('Complete', { exact: true })).toBeVisible();
  await expect(consents).toContainText('Opioids must be avoided while on LDN');
  await expect(startRequirements.getByRole('row', { name: /Consent/ })).toContainText('Met');

  // One visit, one form: pain and the secondary measures together, each scale with its anchors.
  await page.getByRole('button', { name: 'Record scores' }).click();
  const visitForm = page.getByRole('form', { name: 'Record visit scores' });
  await expect(visitForm.getByRole('group', { name: /^Pain/ })).toContainText(
    '0 = No pain · 10 = Worst pain imaginable · Lower is better',
  );
  await expect(visitForm.getByRole('group', { name: /^Sleep quality/ })).toContainText('Higher is better');
  await expectAccessible(page, testInfo, 'visit-scores-form');
  await attachScreenshot(page, testInfo, 'visit-scores-form');
  await visitForm.getByRole('button', { name: 'Done' }).click();
  await recordVisit(page, { date: dayFromToday(-1), scores: { Pain: 8, 'Sleep quality': 4 } });
  await recordVisit(page, { date: today, scores: { Pain: 7, Fatigue: 6 } });
  const byVisit = page.getByRole('table', { name: /Scores by visit/ });
  await expect(byVisit.getByRole('row')).toHaveCount(3);
  await expect(byVisit.getByRole('row', { name: new RegExp(shown(today)) })).toContainText('7');
  await attachScreenshot(page, testInfo, 'scores-by-visit');
  await expect(startRequirements.getByRole('row', { name: /baseline pain score/ })).toContainText(
    'Pain 7 on',
  );

  await expect(eligibility.getByText('A trial could start today')).toBeVisible();
  for (const row of await startRequirements.getByRole('row').all()) {
    const text = await row.textContent();
    if (text?.startsWith('Requirement')) continue;
    await expect(row).toContainText('Met');
  }
  await expectAccessible(page, testInfo, 'patient-records');
  await attachScreenshot(page, testInfo, 'patient-records');
});

test('a second patient with the same MRN is refused on the MRN field', async ({ page }, testInfo) => {
  const mrn = uniqueMrn('E2E-DUP');
  await signIn(page, COORDINATOR);
  await openRegisterPage(page);
  await (await register(page, { givenName: 'Ida', familyName: 'Brandt', mrn }))
    .getByRole('button', { name: 'Register patient' })
    .click();
  await expect(page.getByRole('heading', { name: 'Ida Brandt', level: 1 })).toBeVisible();

  await openRegisterPage(page);
  const form = await register(page, { givenName: 'Ivo', familyName: 'Brandt', mrn });
  await form.getByRole('button', { name: 'Register patient' }).click();
  const mrnField = form.getByLabel('MRN');
  await expect(mrnField).toHaveAttribute('aria-invalid', 'true');
  await expect(mrnField).toHaveAccessibleDescription(
    /Another patient of this clinic has this medical record number\./,
  );
  await expect(mrnField).toBeFocused();
  await expect(page).toHaveURL(/\/patients\/new$/);
  await expectAccessible(page, testInfo, 'register-duplicate-mrn');
  await attachScreenshot(page, testInfo, 'register-duplicate-mrn');
});

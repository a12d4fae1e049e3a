import { expect, type Page, test } from '@playwright/test';
import { attachScreenshot, CLINICIAN, dayFromToday, expectAccessible, signIn } from './support.ts';

// Drugs are concepts, not strings (clinical-rules §11): what a name is comes from the vocabulary,
// shown as it is typed, and it is what the eligibility lines and the opioid hard stop read.

const uniqueMrn = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;

/** Registers a patient as the clinician and opens the record; returns its id. */
async function registerPatient(page: Page, givenName: string, familyName: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('link', { name: 'Register patient' }).click();
  const form = page.getByRole('form', { name: 'Register a patient' });
  await form.getByLabel('Given name').fill(givenName);
  await form.getByLabel('Family name').fill(familyName);
  await form.getByLabel('Date of birth').fill('1969-02-11');
  await form.getByLabel('MRN').fill(uniqueMrn('E2E-DRUG'));
  await form.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByRole('heading', { name: `${givenName} ${familyName}`, level: 1 })).toBeVisible();
  const id = /\/patients\/([0-9a-f-]+)$/.exec(page.url())?.[1];
  expect(id, 'the record’s address names the patient').toBeTruthy();
  return id ?? '';
}

async function addFailedTherapy(page: Page, drug: string, classesShown: string) {
  await page.getByRole('button', { name: 'Add prior therapy' }).click();
  const form = page.getByRole('form', { name: 'Add prior therapy' });
  await form.getByRole('combobox', { name: 'Drug' }).fill(drug);
  await expect(form.getByText(`Classes from the vocabulary: ${classesShown}.`)).toBeVisible();
  await expect(form.getByRole('checkbox')).toHaveCount(0);
  await form.getByLabel('Outcome').selectOption('INEFFECTIVE');
  await form.getByLabel('Started on').fill(dayFromToday(-400));
  await form.getByLabel('Ended on').fill(dayFromToday(-300));
  await form.getByRole('button', { name: 'Record prior therapy' }).click();
  await expect(form).toHaveCount(0);
  await expect(
    page.getByRole('region', { name: 'Prior therapies table' }).getByRole('row', { name: drug }),
  ).toContainText('from the vocabulary');
}

test('MS history without a disease-modifying therapy is a soft stop: pregabalin does not meet that line', async ({
  page,
}, testInfo) => {
  await signIn(page, CLINICIAN);
  const patientId = await registerPatient(page, 'Nadia', `Ostrowski${Date.now() % 100000}`);
  await addFailedTherapy(page, 'nortriptyline', 'TCA');
  await addFailedTherapy(page, 'gabapentin', 'Anticonvulsant');
  await addFailedTherapy(page, 'pregabalin', 'Anticonvulsant, FDA-approved fibromyalgia drug');

  await page.goto(`/patients/${patientId}/start-trial?condition=MULTIPLE_SCLEROSIS`);
  await expect(page.getByRole('heading', { name: /Start a trial/, level: 1 })).toBeVisible();
  const findings = page.getByRole('list', { name: 'Findings' });
  const missing = findings.getByRole('listitem').filter({ hasText: 'ELIGIBILITY_PRIOR_LINES_MISSING' });
  await expect(missing).toContainText('Soft stop');
  await expect(missing).toContainText(/disease-modifying therapy/);
  const lines = page.getByRole('table', { name: 'Eligibility requirements' });
  await expect(lines.getByRole('row', { name: /TCA or SNRI/ })).toContainText('nortriptyline — TCA');
  await expect(lines.getByRole('row', { name: /anticonvulsant/ })).toContainText(
    'gabapentin — Anticonvulsant',
  );
  const dmt = lines.getByRole('row', { name: /disease-modifying/ });
  await expect(dmt).toContainText('Not met');
  await expect(dmt).not.toContainText('pregabalin');
  await expectAccessible(page, testInfo, 'start-trial-ms');
  await attachScreenshot(page, testInfo, 'start-trial-ms');
});

test('Tylenol #3 is previewed as acetaminophen + codeine, an opioid, and blocks a start until entered in error', async ({
  page,
}, testInfo) => {
  await signIn(page, CLINICIAN);
  const patientId = await registerPatient(page, 'Theo', `Lindqvist${Date.now() % 100000}`);

  await page.getByRole('button', { name: 'Record medication' }).click();
  const form = page.getByRole('form', { name: 'Record medication' });
  const drug = form.getByRole('combobox', { name: 'Drug' });
  await drug.pressSequentially('Tylenol #', { delay: 20 });
  const list = form.getByRole('listbox', { name: /names in the vocabulary/ });
  const option = list.getByRole('option', { name: /^Tylenol #3 .*acetaminophen \+ codeine — opioid/ });
  await expect(option).toBeVisible();
  await expectAccessible(page, testInfo, 'drug-type-ahead');
  await attachScreenshot(page, testInfo, 'drug-type-ahead');
  await option.click();
  await expect(drug).toHaveValue('Tylenol #3');
  // Before anything is saved: what it is, from the rules package.
  await expect(form.getByText('Tylenol #3: acetaminophen + codeine')).toBeVisible();
  await expect(form.getByText('An opioid: LDN cannot start while it is taken.')).toBeVisible();
  await form.getByLabel('Dose').fill('1 tablet every 6 hours');
  await form.getByRole('button', { name: 'Record medication' }).click();
  await expect(form).toHaveCount(0);
  const medications = page.getByRole('region', { name: 'Medications table' });
  const row = medications.getByRole('row', { name: /Tylenol #3/ });
  await expect(row).toContainText('acetaminophen + codeine');
  await expect(row).toContainText('Opioid, active');
  await expect(page.getByRole('note')).toContainText('Active opioid: Tylenol #3');

  // An attestation is refused while it is active.
  await page.getByRole('button', { name: 'Attest opioid-free' }).click();
  const attestation = page.getByRole('form', { name: 'Attest opioid-free' });
  await expect(attestation).toContainText('Still taken: Tylenol #3');
  await attestation.getByRole('button', { name: 'Record attestation' }).click();
  await expect(attestation.getByRole('alert')).toContainText('an opioid is still active');
  await attestation.getByRole('button', { name: 'Cancel' }).click();

  await page.goto(`/patients/${patientId}/start-trial?condition=FIBROMYALGIA`);
  const findings = page.getByRole('list', { name: 'Findings' });
  const concurrent = findings.getByRole('listitem').filter({ hasText: 'OPIOID_CONCURRENT_USE' });
  await expect(concurrent).toContainText('Hard stop');
  await expect(concurrent).toContainText('Tylenol #3');
  await expect(page.getByRole('button', { name: 'Review and start' })).toBeDisabled();

  // A correction: amend the dose with a reason, then mark it entered in error.
  await page.getByRole('link', { name: 'Patient record' }).click();
  await medications.getByRole('button', { name: 'Amend Tylenol #3' }).click();
  const amend = page.getByRole('form', { name: 'Amend Tylenol #3' });
  await amend.getByLabel('Dose').fill('1 tablet at night');
  await amend.getByLabel('Reason for the correction').fill('Dose copied from the wrong line');
  await amend.getByRole('button', { name: 'Save correction' }).click();
  await expect(amend).toHaveCount(0);
  await expect(row).toContainText('1 tablet at night');
  await expect(row).toContainText('Dose copied from the wrong line');

  await medications.getByRole('button', { name: 'Mark Tylenol #3 entered in error' }).click();
  const mark = page.getByRole('form', { name: 'Mark Tylenol #3 entered in error' });
  await mark.getByLabel('Why was it entered in error?').fill('Recorded for the wrong patient');
  await mark.getByRole('button', { name: 'Mark entered in error' }).click();
  await expect(mark).toHaveCount(0);
  await expect(row).toHaveClass(/row-entered-in-error/);
  await expect(row).toContainText('Entered in error by');
  await expect(row).toContainText('Recorded for the wrong patient');
  await expect(row).not.toContainText('Opioid, active');
  await expect(page.getByRole('note')).toHaveCount(0);
  await expectAccessible(page, testInfo, 'medication-entered-in-error');
  await attachScreenshot(page, testInfo, 'medication-entered-in-error');

  await page.goto(`/patients/${patientId}/start-trial?condition=FIBROMYALGIA`);
  await expect(page.getByRole('list', { name: 'Findings' })).toContainText('OPIOID_FREE_NOT_ATTESTED');
  await expect(page.getByRole('list', { name: 'Findings' })).not.toContainText('OPIOID_CONCURRENT_USE');
});

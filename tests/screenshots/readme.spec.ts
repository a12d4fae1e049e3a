import { join, resolve } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { ADMIN, CLINICIAN, graphql, PHARMACIST, SECOND_PHARMACIST, signIn } from '../e2e/support.ts';

// Each README screenshot, retaken from the demo data as its reader will see it. The names are the
// files the README embeds (docs/<name>.png).
const DOCS = resolve(import.meta.dirname, '..', '..', 'docs');
const WIDTH = 1280;

test.use({ viewport: { width: WIDTH, height: 900 } });

async function save(target: Page | Locator, name: string): Promise<void> {
  const path = join(DOCS, `${name}.png`);
  if ('goto' in target) await target.screenshot({ path, fullPage: true });
  else await target.screenshot({ path });
}

/** The first item of the signed-in clinician's worklist with `code`. */
async function worklistItem(page: Page, code: string): Promise<{ trialId: string; patientId: string }> {
  const answer = await graphql<{
    worklist: { code: string; trial: { id: string; patient: { id: string } } }[];
  }>(page, '{ worklist { code trial { id patient { id } } } }');
  const item = answer.data?.worklist.find((entry) => entry.code === code);
  expect(item, `a worklist item ${code} in the demo data`).toBeDefined();
  return { trialId: item?.trial.id ?? '', patientId: item?.trial.patient.id ?? '' };
}

test('the trial page of a trial whose assessment is overdue', async ({ page }) => {
  await signIn(page, CLINICIAN);
  const { trialId } = await worklistItem(page, 'ASSESSMENT_OVERDUE');
  await page.goto(`/trials/${trialId}`);
  await expect(page.getByRole('img', { name: 'Pain scores against baseline' })).toBeVisible();
  await save(page, 'trial-page');
});

test('recording a medication: the vocabulary reads "Tylenol #3" before it is saved', async ({ page }) => {
  await signIn(page, CLINICIAN);
  const { patientId } = await worklistItem(page, 'ASSESSMENT_OVERDUE');
  await page.goto(`/patients/${patientId}`);
  await page.getByRole('button', { name: 'Record medication' }).click();
  const form = page.getByRole('form', { name: 'Record medication' });
  await form.getByRole('combobox', { name: 'Drug' }).fill('Tylenol #3');
  await expect(form.getByText('An opioid: LDN cannot start while it is taken.')).toBeVisible();
  await save(page.getByRole('region', { name: 'Medications', exact: true }), 'medication-entry');
});

test('the pharmacy queue, and a ready order waiting for its second pharmacist', async ({ browser, page }) => {
  await signIn(page, PHARMACIST);
  await expect(page.getByRole('navigation', { name: 'Orders by state' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Orders' }).getByRole('row').nth(1)).toBeVisible();
  await save(page, 'pharmacy-queue');

  await page.getByLabel('Show').selectOption('READY');
  const ready = page.getByRole('region', { name: 'Orders' }).getByRole('row').nth(1).getByRole('link');
  const orderPath = (await ready.getAttribute('href')) ?? '';
  const verifier = await (await browser.newContext({ viewport: { width: WIDTH, height: 900 } })).newPage();
  await signIn(verifier, SECOND_PHARMACIST);
  await verifier.goto(orderPath);
  await expect(verifier.getByRole('button', { name: 'Verify' })).toBeVisible();
  await save(verifier, 'pharmacy-order');
  await verifier.context().close();
});

test('the continuation report with its numbers at risk', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/analytics');
  const atRisk = page.getByRole('table', { name: 'Numbers at risk' });
  await expect(atRisk.getByRole('rowheader', { name: 'At risk' })).toBeVisible();
  await save(page.getByRole('region', { name: 'Continuation curve' }), 'analytics');
});

test("a patient link issued on the trial page, and the patient's evening report on a phone", async ({
  browser,
  page,
}) => {
  await signIn(page, CLINICIAN);
  const { trialId, patientId } = await worklistItem(page, 'ASSESSMENT_OVERDUE');
  const answer = await graphql<{ patient: { dateOfBirth: string } }>(
    page,
    'query ($id: ID!) { patient(id: $id) { dateOfBirth } }',
    { id: patientId },
  );
  await page.goto(`/trials/${trialId}`);
  const linkSection = page.getByRole('region', { name: 'Patient link' });
  await linkSection.getByRole('button', { name: /^(Issue a patient link|Issue a new link)$/ }).click();
  const address = linkSection.getByLabel('Link for the patient');
  await expect(linkSection.getByRole('img', { name: "QR code of the patient's link" })).toBeVisible();
  await save(linkSection, 'patient-link');

  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto(await address.inputValue());
  await phone.getByLabel('Your date of birth').fill(answer.data?.patient.dateOfBirth ?? '');
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: /^Hello, / })).toBeVisible();
  await save(phone, 'patient-phone');
  await phone.context().close();
});

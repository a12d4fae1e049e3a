import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  attachScreenshot,
  CLINICIAN,
  COORDINATOR,
  DEMO_PASSWORD,
  expectAccessible,
  graphql,
  PHARMACIST,
  shown,
  signIn,
} from './support.ts';

// Issue 15: submitting an order is the prescriber's electronic signature, confirmed by the
// password; every order and trial screen names the patient by two identifiers.

const SIGNATURE_MEANING = 'Prescribed and authorised for compounding';

interface DemoPatient {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  mrn: string;
}

/**
 * A demo trial a new order can be drafted for without a soft stop: active, not on hold, and no
 * order of its own that is open or dispensed (rejected or cancelled ones do not count); with its
 * patient's identifiers, asked of the API with the signed-in page's session.
 */
async function aTrialToOrderFor(page: Page): Promise<{ id: string; patient: DemoPatient }> {
  const list = await graphql<{
    patients: { edges: { node: { trials: { id: string; state: string; orders: { state: string }[] }[] } }[] };
  }>(
    page,
    `query SigningDemoTrials {
      patients(first: 100) { edges { node { trials { id state orders { state } } } } }
    }`,
  );
  const orderable = new Set(['TITRATING', 'AT_TARGET', 'ASSESSMENT_DUE', 'CONTINUING']);
  const closed = new Set(['REJECTED', 'CANCELLED']);
  const trial = (list.data?.patients.edges ?? [])
    .flatMap((edge) => edge.node.trials)
    .find(
      (candidate) =>
        orderable.has(candidate.state) && candidate.orders.every((order) => closed.has(order.state)),
    );
  if (trial === undefined)
    throw new Error('the demo data has no active trial without an open or dispensed order');
  const read = await graphql<{ trial: { patient: DemoPatient } }>(
    page,
    'query SigningDemoPatient($id: ID!) { trial(id: $id) { patient { givenName familyName dateOfBirth mrn } } }',
    { id: trial.id },
  );
  const patient = read.data?.trial.patient;
  if (patient === undefined) throw new Error(`the demo trial ${trial.id} could not be read`);
  return { id: trial.id, patient };
}

async function personPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** The patient banner names the patient by name and date of birth, and the MRN where one may see it. */
async function expectBanner(page: Page, patient: DemoPatient, { mrn }: { mrn: boolean }) {
  const banner = page.getByRole('region', { name: 'Patient identification' }).first();
  await expect(banner).toContainText(`${patient.givenName} ${patient.familyName}`);
  await expect(banner).toContainText(shown(patient.dateOfBirth));
  await expect(banner).toContainText(/\(\d+ years?\)/);
  if (mrn) await expect(banner).toContainText(patient.mrn);
  else await expect(banner).not.toContainText('MRN');
}

const stateLine = (page: Page) => page.getByRole('heading', { level: 1 }).locator('..');

test('the coordinator drafts an order, the clinician signs it with the password, the pharmacy receives it', async ({
  page: coordinator,
  browser,
}, testInfo) => {
  await signIn(coordinator, COORDINATOR);
  const { id: trialId, patient } = await aTrialToOrderFor(coordinator);

  // The coordinator prepares the draft; every screen on the way names the patient.
  await coordinator.goto(`/trials/${trialId}`);
  await expectBanner(coordinator, patient, { mrn: true });
  await coordinator.getByRole('region', { name: 'Orders' }).getByRole('link', { name: 'New order' }).click();
  await expect(coordinator).toHaveURL(new RegExp(`/trials/${trialId}/orders/new$`));
  await expectBanner(coordinator, patient, { mrn: true });
  await coordinator.getByRole('button', { name: 'Save draft order' }).click();
  await expect(coordinator).toHaveURL(/\/orders\/[0-9a-f-]+$/);
  const orderPath = new URL(coordinator.url()).pathname;
  const orderId = orderPath.split('/').at(-1) as string;
  await expectBanner(coordinator, patient, { mrn: true });
  await expect(stateLine(coordinator)).toContainText('Draft');
  await expect(
    coordinator.getByText('A clinician signs and submits this draft to the pharmacy.'),
  ).toBeVisible();
  await expect(coordinator.getByRole('button', { name: 'Sign and submit to the pharmacy' })).toHaveCount(0);

  // The clinician opens the draft: the signing step shows what is signed, for whom and what it means.
  const clinician = await personPage(browser, CLINICIAN);
  await clinician.goto(orderPath);
  await expectBanner(clinician, patient, { mrn: true });
  await clinician.getByRole('button', { name: 'Sign and submit to the pharmacy' }).click();
  const step = clinician.getByRole('region', { name: 'Sign the order' });
  await expect(step.getByRole('region', { name: 'Patient identification' })).toContainText(patient.mrn);
  await expect(step).toContainText(`Your signature means: ${SIGNATURE_MEANING}`);
  await expect(step.getByRole('region', { name: 'Lines to sign' }).getByRole('row').nth(1)).toContainText(
    'mg',
  );
  const password = step.getByLabel('Your password');
  await expect(password).toBeFocused();
  await expect(password).toHaveAttribute('autocomplete', 'current-password');
  await expectAccessible(clinician, testInfo, 'signing-step');
  await attachScreenshot(clinician, testInfo, 'signing-step');

  // A wrong password signs nothing and says so beside the field.
  await password.fill('not the password');
  await step.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(step.getByRole('alert')).toHaveText('The password is not right; the order was not signed.');
  await expect(password).toHaveValue('');
  await expect(stateLine(clinician)).toContainText('Draft');

  // The right one signs: the order is submitted and carries the signature.
  await password.fill(DEMO_PASSWORD);
  await step.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(stateLine(clinician)).toContainText('Submitted');
  const signature = clinician.getByText(/^Signed by /);
  await expect(signature).toContainText(`Signed by Dr. Priya Raman on `);
  await expect(signature).toContainText(`— ${SIGNATURE_MEANING}`);
  await expect(clinician.getByRole('list', { name: 'Order history' })).toContainText(
    'Draft → Submitted by Dr. Priya Raman',
  );
  await attachScreenshot(clinician, testInfo, 'order-signed');

  // The coordinator's page shows the signature too once it is read again.
  await coordinator.reload();
  await expect(stateLine(coordinator)).toContainText('Submitted');
  await expect(coordinator.getByText(/^Signed by Dr. Priya Raman on /)).toBeVisible();

  // The pharmacist finds it in the queue and sees the patient's identifiers and the signature.
  const pharmacist = await personPage(browser, PHARMACIST);
  await pharmacist.getByLabel('Show').selectOption('SUBMITTED');
  const listed = pharmacist
    .getByRole('region', { name: 'Orders' })
    .locator(`a[href="/pharmacy/orders/${orderId}"]`);
  await expect(listed).toHaveText(`${patient.givenName} ${patient.familyName}`);
  await listed.click();
  await expect(pharmacist).toHaveURL(new RegExp(`/pharmacy/orders/${orderId}$`));
  await expectBanner(pharmacist, patient, { mrn: false });
  await expect(pharmacist.getByRole('region', { name: 'Prescription' })).toContainText(
    `Signed by Dr. Priya Raman on`,
  );
  await expect(pharmacist.getByRole('region', { name: 'Prescription' })).toContainText(SIGNATURE_MEANING);
  await expectAccessible(pharmacist, testInfo, 'pharmacy-order-signed');
  await attachScreenshot(pharmacist, testInfo, 'pharmacy-order-signed');
});

import { expect, type Page, test } from '@playwright/test';
import {
  attachScreenshot,
  CLINICIAN,
  COORDINATOR,
  DEMO_PASSWORD,
  expectAccessible,
  graphql,
  PHARMACIST,
  signIn,
  signOrder,
} from './support.ts';

interface DemoTrial {
  id: string;
  startDate: string;
}

/**
 * A titrating demo trial with no dose change recorded yet (prisma/seed: started a few days ago), so
 * a pack from its start is the default schedule. Asked of the API with the signed-in page's session.
 */
async function aTitratingDemoTrial(page: Page): Promise<DemoTrial> {
  const body = await graphql<{
    patients: {
      edges: {
        node: { trials: { id: string; state: string; startDate: string; doseChanges: unknown[] }[] };
      }[];
    };
  }>(
    page,
    `query DemoTrials {
      patients(first: 100) { edges { node { trials { id state startDate doseChanges { id } } } } }
    }`,
  );
  const trial = (body.data?.patients.edges ?? [])
    .flatMap((edge) => edge.node.trials)
    .find((candidate) => candidate.state === 'TITRATING' && candidate.doseChanges.length === 0);
  if (trial === undefined) throw new Error('the demo data has no titrating trial without dose changes');
  return { id: trial.id, startDate: trial.startDate };
}

/**
 * Saves the new order's draft; lands on the order's page. Each demo trial without dose changes has
 * an open order already, so the form asks for a reason first (ORDER_ALREADY_OPEN, a soft stop).
 */
async function saveDraft(page: Page): Promise<string> {
  await giveReasonForOpenOrder(page);
  await page.getByRole('button', { name: 'Save draft order' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('order');
  return new URL(page.url()).pathname.split('/').at(-1) as string;
}

const stateLine = (page: Page) => page.getByRole('heading', { level: 1 }).locator('..');

/** The reason the overlap soft stop asks for when the trial already has an open order. */
async function giveReasonForOpenOrder(page: Page): Promise<void> {
  await expect(page.getByRole('list', { name: 'Before you save' })).toContainText('ORDER_ALREADY_OPEN');
  await page
    .getByLabel('Reason to override order already open')
    .fill('The demo trial’s open order is replaced by this one');
}

test('a clinician creates a titration pack from the trial, submits it, and sees the pharmacy receive it', async ({
  page,
  browser,
}, testInfo) => {
  await signIn(page, CLINICIAN);
  const trial = await aTitratingDemoTrial(page);
  await page.goto(`/trials/${trial.id}`);
  const orders = page.getByRole('region', { name: 'Orders' });
  await orders.getByRole('link', { name: 'New order' }).click();
  await expect(page).toHaveURL(new RegExp(`/trials/${trial.id}/orders/new$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('New order:');

  // The preview comes from the rules package before anything is saved: from the start, the schedule.
  await expect(page.getByLabel('Titration pack (follows the trial’s schedule)')).toBeChecked();
  await page.getByLabel('First night').fill(trial.startDate);
  const preview = page.getByRole('region', { name: 'Order lines preview' });
  const rows = preview.getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('Take one 1.5 mg capsule by mouth at bedtime for 14 nights');
  await expect(rows.nth(2)).toContainText('Take one 3.0 mg capsule by mouth at bedtime for 14 nights');
  await expect(rows.nth(3)).toContainText('Take one 4.5 mg capsule by mouth at bedtime');
  await expect(rows.nth(3)).toContainText('30');
  await expect(page.getByLabel('Address line 1')).not.toHaveValue('');
  await expectAccessible(page, testInfo, 'new-order');
  await attachScreenshot(page, testInfo, 'new-order');

  const orderId = await saveDraft(page);
  await expect(stateLine(page)).toContainText('Draft');
  const lines = page.getByRole('region', { name: 'Order lines' }).getByRole('row');
  await expect(lines).toHaveCount(4);
  await expect(lines.nth(1)).toContainText('1.5 mg');
  await expect(lines.nth(1)).toContainText('14 capsules');

  await signOrder(page);
  await expect(stateLine(page)).toContainText('Submitted');
  await expect(page.getByRole('list', { name: 'Order history' })).toContainText('Draft → Submitted');
  await expectAccessible(page, testInfo, 'order');
  await attachScreenshot(page, testInfo, 'order-submitted');

  // The pharmacist acknowledges it in a browser of their own.
  const pharmacy = await browser.newContext();
  const pharmacist = await pharmacy.newPage();
  await signIn(pharmacist, PHARMACIST);
  await pharmacist.goto(`/pharmacy/orders/${orderId}`);
  await pharmacist.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(pharmacist.getByRole('button', { name: 'Start compounding' })).toBeVisible();
  await pharmacy.close();

  await page.reload();
  await expect(stateLine(page)).toContainText('Received');
  await expect(page.getByRole('list', { name: 'Order history' })).toContainText(
    'Submitted → Received by Dana Whitfield, PharmD',
  );
  await page.getByRole('link', { name: 'Back to the trial' }).click();
  // The trial's Orders section lists this order with its state, linking to its page.
  const listed = page.getByRole('region', { name: 'Orders' }).locator(`a[href="/orders/${orderId}"]`);
  await expect(listed).toContainText('Received');
  await expect(listed).toContainText('open the order');
  await attachScreenshot(page, testInfo, 'trial-orders');
});

test('a single strength of 5.0 mg is refused with an explanation before anything is saved', async ({
  page,
}) => {
  await signIn(page, CLINICIAN);
  const trial = await aTitratingDemoTrial(page);
  await page.goto(`/trials/${trial.id}/orders/new`);
  await page.getByLabel('Single strength').check();
  await page.getByLabel('Nightly dose (mg)').fill('5.0');
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('The dose rules refuse this order');
  await expect(refusal).toContainText('DOSE_ABOVE_MAXIMUM');
  await expect(refusal).toContainText('the maximum is 4.5 mg');
  await expect(page.getByRole('button', { name: 'Save draft order' })).toBeDisabled();

  await page.getByLabel('Nightly dose (mg)').fill('4.5');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Order lines preview' })).toContainText(
    'Take one 4.5 mg capsule by mouth at bedtime',
  );
  // The trial's open order is a soft stop: saving waits for a reason.
  await expect(page.getByRole('button', { name: 'Save draft order' })).toBeDisabled();
  await giveReasonForOpenOrder(page);
  await expect(page.getByRole('button', { name: 'Save draft order' })).toBeEnabled();
});

test('a draft is cancelled with a reason', async ({ page }) => {
  await signIn(page, CLINICIAN);
  const trial = await aTitratingDemoTrial(page);
  await page.goto(`/trials/${trial.id}/orders/new`);
  await saveDraft(page);
  await page.getByText('Cancel the order…').click();
  const cancel = page.getByRole('button', { name: 'Cancel order' });
  await expect(cancel).toBeDisabled();
  await page.getByLabel('Reason for cancelling').fill('Prepared in error, duplicate of an earlier order');
  await cancel.click();
  await expect(stateLine(page)).toContainText('Cancelled');
  await expect(page.getByRole('list', { name: 'Order history' })).toContainText(
    'Draft → Cancelled by Dr. Priya Raman — Prepared in error, duplicate of an earlier order',
  );
  await expect(page.getByRole('button', { name: 'Sign and submit to the pharmacy' })).toHaveCount(0);
});

test('a coordinator prepares a draft but cannot submit it', async ({ page }) => {
  await signIn(page, COORDINATOR);
  const trial = await aTitratingDemoTrial(page);
  await page.goto(`/trials/${trial.id}/orders/new`);
  await expect(page.getByText('You prepare the draft; a clinician signs and submits it')).toBeVisible();
  const orderId = await saveDraft(page);
  await expect(stateLine(page)).toContainText('Draft');
  await expect(page.getByText('A clinician signs and submits this draft to the pharmacy.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign and submit to the pharmacy' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit draft' })).toBeVisible();

  // Nor can the API be asked directly: only a clinician signs.
  const body = await graphql(
    page,
    `mutation Submit($input: SubmitOrderInput!) { submitOrder(input: $input) { id state } }`,
    {
      input: {
        orderId,
        version: 1,
        idempotencyKey: `e2e-coordinator-${Date.now()}`,
        password: DEMO_PASSWORD,
      },
    },
  );
  expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  await page.reload();
  await expect(stateLine(page)).toContainText('Draft');
});

import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  aTrialStartedToday,
  attachScreenshot,
  CLINICIAN,
  COORDINATOR,
  expectAccessible,
  signIn,
} from './support.ts';

// Issue #15, routing: a coordinator's draft waits in the clinician's inbox; a second order for a
// trial with an open one warns before it is saved and needs a reason.

async function personPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

const uniqueName = () => `Inbox${Date.now()}${Math.floor(Math.random() * 1000)}`;

/** The coordinator saves a new order's draft for the trial; its page's path. */
async function aDraftBy(coordinator: Page, trialId: string): Promise<string> {
  await coordinator.goto(`/trials/${trialId}/orders/new`);
  await coordinator.getByRole('button', { name: 'Save draft order' }).click();
  await expect(coordinator).toHaveURL(/\/orders\/[0-9a-f-]+$/);
  return new URL(coordinator.url()).pathname;
}

test('a coordinator’s draft waits in the clinician’s inbox, who opens it to sign', async ({
  browser,
}, testInfo) => {
  const clinician = await personPage(browser, CLINICIAN);
  const coordinator = await personPage(browser, COORDINATOR);
  const familyName = uniqueName();
  const trialId = await aTrialStartedToday(clinician, familyName);
  const orderPath = await aDraftBy(coordinator, trialId);

  // The coordinator sees the draft on her worklist as a clinician's to sign, with no way to act on it.
  await coordinator.goto('/worklist');
  const waiting = coordinator
    .getByRole('list', { name: 'Worklist items' })
    .getByRole('listitem')
    .filter({ hasText: familyName });
  await expect(waiting).toContainText('Draft to sign');
  await expect(waiting).toContainText('Waits for a clinician');
  await expect(waiting.getByRole('link', { name: 'Open the order' })).toBeVisible();
  await expect(coordinator.getByRole('list', { name: 'Inbox items' })).toHaveCount(0);

  // The clinician finds it in the inbox at the top: who prepared it, and a link to the order.
  await clinician.goto('/worklist');
  await expect(clinician.getByRole('heading', { level: 2 }).first()).toHaveText('Inbox');
  const draft = clinician
    .getByRole('list', { name: 'Inbox items' })
    .getByRole('listitem')
    .filter({ hasText: familyName });
  await expect(draft).toContainText('Draft to sign');
  await expect(draft).toContainText('Prepared by Sam Ortiz');
  await expect(draft).not.toContainText('Waits for');
  await expectAccessible(clinician, testInfo, 'worklist-inbox');
  await attachScreenshot(clinician, testInfo, 'worklist-inbox');
  await draft.getByRole('link', { name: 'Open the draft to sign it' }).click();
  await expect(clinician).toHaveURL(new RegExp(`${orderPath}$`));
  await expect(clinician.getByRole('heading', { level: 1 })).toContainText('order');
  // Signing itself (with the password) is the order's own journey: stop before it.
  await expect(clinician.getByRole('button', { name: 'Sign and submit to the pharmacy' })).toBeVisible();
});

test('a second order for a trial with an open one warns before saving and needs a reason', async ({
  browser,
}, testInfo) => {
  const clinician = await personPage(browser, CLINICIAN);
  const coordinator = await personPage(browser, COORDINATOR);
  const trialId = await aTrialStartedToday(clinician, uniqueName());
  await aDraftBy(coordinator, trialId);

  await coordinator.goto(`/trials/${trialId}/orders/new`);
  const findings = coordinator.getByRole('list', { name: 'Before you save' });
  await expect(findings).toContainText('ORDER_ALREADY_OPEN');
  await expect(findings).toContainText('1 open order: draft.');
  const save = coordinator.getByRole('button', { name: 'Save draft order' });
  await expect(save).toBeDisabled();
  await expectAccessible(coordinator, testInfo, 'new-order-overlap');
  await attachScreenshot(coordinator, testInfo, 'new-order-overlap');

  const reason = 'Replaces the first draft: the patient moved house';
  await coordinator.getByLabel('Reason to override order already open').fill(reason);
  await expect(save).toBeEnabled();
  await save.click();
  await expect(coordinator).toHaveURL(/\/orders\/[0-9a-f-]+$/);
  const overrides = coordinator.getByRole('list', { name: 'Overrides' });
  await expect(overrides).toContainText(`Order already open: ${reason}`);
  await expect(overrides).toContainText('Sam Ortiz');
});

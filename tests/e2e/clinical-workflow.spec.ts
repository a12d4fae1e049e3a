import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  aTrialStartedToday,
  attachScreenshot,
  CLINICIAN,
  COORDINATOR,
  DEMO_PASSWORD,
  PHARMACIST,
  SECOND_PHARMACIST,
  shown,
  signIn,
  verifyOrder,
} from './support.ts';

// Issue #15's done-when, in one journey with three people at their screens at once: the
// coordinator drafts an order, the clinician (on the worklist) sees it arrive and signs it with the
// password, the pharmacist (on the queue) sees it arrive and fills it, and the clinician's order and
// trial pages, left open, follow every step to "Dispensed". Nobody reloads a page.

/** How long an open screen may take to follow a change made elsewhere: generous for a loaded machine. */
const LIVE = { timeout: 3_000 };

/** The patient `aTrialStartedToday` registers, as the screens identify her (besides the family name). */
const PATIENT = { givenName: 'Ruth', dateOfBirth: '1961-05-20', mrnPrefix: 'E2E-' };

async function personPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

const uniqueName = () => `Flow${Date.now()}${Math.floor(Math.random() * 1000)}`;

/**
 * Marks the page as loaded once: the mark lives on `window`, so it survives the portal's own
 * navigation and live refetches but not a reload.
 */
const markLoaded = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { loadedOnce: boolean }).loadedOnce = true;
  });
const expectNotReloaded = async (page: Page) =>
  expect(
    await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce === true),
    `${page.url()} was not reloaded`,
  ).toBe(true);

/** The clinician's order page announces its state in words (a polite live region). */
const orderStateOf = (page: Page) => page.getByRole('status').filter({ hasText: /^Order state:/ });

/** The pharmacy's two people at their screens: who compounds, and the second who verifies. */
interface Bench {
  pharmacist: Page;
  verifier: Page;
  orderId: string;
}

/** One step the pharmacy takes with the order, and the state it leaves the order in. */
interface PharmacyStep {
  leaves: string;
  take(bench: Bench): Promise<void>;
}

/**
 * What the pharmacy does with a submitted order until it is out of the door, in order: the one
 * place to change when the bench changes. Each ends once the pharmacy's page shows it done.
 */
function compoundAndDispense(trackingNumber: string, lotOf: (line: number) => string): PharmacyStep[] {
  const stateLine = (page: Page) => page.getByRole('heading', { level: 1 }).locator('..');
  const done = async (page: Page, state: string) => expect(stateLine(page)).toContainText(state);
  return [
    {
      leaves: 'Received',
      async take({ pharmacist }) {
        await pharmacist.getByRole('button', { name: 'Acknowledge' }).click();
        await done(pharmacist, 'Received');
      },
    },
    {
      leaves: 'Compounding',
      async take({ pharmacist }) {
        await pharmacist.getByRole('button', { name: 'Start compounding' }).click();
        await done(pharmacist, 'Compounding');
      },
    },
    {
      leaves: 'Ready',
      async take({ pharmacist }) {
        // Each strength of the pack is its own preparation: a lot per line.
        const form = pharmacist.getByRole('form', { name: 'Mark ready' });
        const lots = form.getByLabel(/^Lot number \(line/);
        await expect(lots.first()).toBeVisible();
        const lines = await lots.count();
        for (let line = 0; line < lines; line += 1) await lots.nth(line).fill(lotOf(line + 1));
        await form.getByRole('button', { name: 'Mark ready' }).click();
        await done(pharmacist, 'Ready');
      },
    },
    {
      // The second pharmacist's check (two-person compounding record): the order stays ready.
      leaves: 'Ready',
      async take({ pharmacist, verifier, orderId }) {
        await verifyOrder(verifier, orderId);
        // The compounding pharmacist's open page follows: dispensing is open to them now.
        await expect(pharmacist.getByRole('form', { name: 'Dispense' })).toBeVisible(LIVE);
      },
    },
    {
      leaves: 'Dispensed',
      async take({ pharmacist }) {
        const form = pharmacist.getByRole('form', { name: 'Dispense' });
        await form.getByLabel('Tracking number').fill(trackingNumber);
        await form.getByRole('button', { name: 'Dispense (shipped)' }).click();
        await done(pharmacist, 'Dispensed');
      },
    },
  ];
}

test('the coordinator drafts, the clinician signs with the password, the pharmacy fills it, and every open screen follows live', async ({
  browser,
}, testInfo) => {
  test.setTimeout(150_000);
  const coordinator = await personPage(browser, COORDINATOR);
  const clinician = await personPage(browser, CLINICIAN);
  const pharmacist = await personPage(browser, PHARMACIST);
  const verifier = await personPage(browser, SECOND_PHARMACIST);
  const familyName = uniqueName();
  const trialId = await aTrialStartedToday(clinician, familyName);
  const fullName = `${PATIENT.givenName} ${familyName}`;

  // The clinician is on the worklist; the trial is open in a second tab; the pharmacist has the
  // queue of orders sent and not yet acknowledged open. None shows an order for the patient yet.
  await clinician.goto('/worklist');
  await expect(clinician.getByRole('heading', { level: 1 })).toContainText('Worklist');
  const inboxDraft = clinician
    .getByRole('list', { name: 'Inbox items' })
    .getByRole('listitem')
    .filter({ hasText: familyName });
  await expect(clinician.getByRole('main')).not.toContainText(familyName);
  await markLoaded(clinician);

  const trialTab = await clinician.context().newPage();
  await trialTab.goto(`/trials/${trialId}`);
  const trialOrders = trialTab.getByRole('region', { name: 'Orders', exact: true });
  await expect(trialOrders).toContainText('No order yet.');
  await markLoaded(trialTab);

  await pharmacist.goto('/pharmacy/queue?state=SUBMITTED');
  const queue = pharmacist.getByRole('main');
  await expect(
    queue.getByRole('region', { name: 'Orders', exact: true }).or(queue.getByText('No order in this view.')),
  ).toBeVisible();
  await expect(queue).not.toContainText(familyName);
  await markLoaded(pharmacist);

  // 1. The coordinator drafts the titration pack; a clinician has to sign it.
  await coordinator.goto(`/trials/${trialId}`);
  await coordinator.getByRole('region', { name: 'Orders' }).getByRole('link', { name: 'New order' }).click();
  await coordinator.getByRole('button', { name: 'Save draft order' }).click();
  await expect(coordinator).toHaveURL(/\/orders\/[0-9a-f-]+$/);
  const orderPath = new URL(coordinator.url()).pathname;
  const orderId = orderPath.split('/').at(-1) as string;
  await expect(
    coordinator.getByText('A clinician signs and submits this draft to the pharmacy.'),
  ).toBeVisible();

  // 2. The draft reaches the clinician's inbox and the trial tab without a reload.
  await expect(inboxDraft).toContainText('Draft to sign', LIVE);
  await expect(inboxDraft).toContainText('Prepared by Sam Ortiz');
  const trialOrderLink = trialOrders.locator(`a[href="/orders/${orderId}"]`);
  await expect(trialOrderLink).toHaveText('Draft: open the order', LIVE);
  await expectNotReloaded(clinician);
  await expectNotReloaded(trialTab);
  await attachScreenshot(clinician, testInfo, 'inbox-draft-arrived');

  // The clinician opens it from the inbox (the portal navigates; the page is not reloaded) and
  // signs: the signing step names the patient by name and date of birth, and the MRN.
  await inboxDraft.getByRole('link', { name: 'Open the draft to sign it' }).click();
  await expect(clinician).toHaveURL(new RegExp(`${orderPath}$`));
  await expect(orderStateOf(clinician)).toHaveText('Order state: Draft');
  await clinician.getByRole('button', { name: 'Sign and submit to the pharmacy' }).click();
  const step = clinician.getByRole('region', { name: 'Sign the order' });
  const identifiers = step.getByRole('region', { name: 'Patient identification' });
  await expect(identifiers).toContainText(fullName);
  await expect(identifiers).toContainText(shown(PATIENT.dateOfBirth));
  await expect(identifiers).toContainText(`${PATIENT.mrnPrefix}${familyName}`);
  await step.getByLabel('Your password').fill(DEMO_PASSWORD);
  await step.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(orderStateOf(clinician)).toHaveText('Order state: Submitted');
  await expect(clinician.getByText(/^Signed by Dr. Priya Raman on /)).toBeVisible();
  await expect(inboxDraft).toHaveCount(0);
  await expectNotReloaded(clinician);

  // 3. The signed order reaches the pharmacist's open queue without a reload.
  const queued = queue
    .getByRole('region', { name: 'Orders', exact: true })
    .locator(`a[href="/pharmacy/orders/${orderId}"]`);
  await expect(queued).toHaveText(fullName, LIVE);
  await expectNotReloaded(pharmacist);
  await expect(trialOrderLink).toHaveText('Submitted: open the order', LIVE);
  await queued.click();
  await expect(pharmacist).toHaveURL(new RegExp(`/pharmacy/orders/${orderId}$`));

  // 4. Each of the pharmacist's steps reaches the clinician's order page and the trial tab, live.
  const trackingNumber = `TRK-${familyName}`;
  const lotOf = (line: number) => `LOT-${familyName}-${line}`;
  const steps = compoundAndDispense(trackingNumber, lotOf);
  for (const { leaves, take } of steps) {
    await take({ pharmacist, verifier, orderId });
    await expect(orderStateOf(clinician)).toHaveText(`Order state: ${leaves}`, LIVE);
    await expect(trialOrderLink).toHaveText(`${leaves}: open the order`, LIVE);
  }
  await expectNotReloaded(pharmacist);

  // The clinician's screens end on "Dispensed", with the lots and the history, never reloaded.
  await expect(clinician.getByRole('heading', { level: 1 }).locator('..')).toContainText('Dispensed');
  await expect(clinician.getByRole('list', { name: 'Order history' })).toContainText('Ready → Dispensed');
  const compounding = clinician.getByRole('region', { name: 'Compounding' });
  await expect(compounding).toContainText(lotOf(1));
  await expect(compounding).toContainText(trackingNumber);
  await expectNotReloaded(clinician);
  await expectNotReloaded(trialTab);
  await attachScreenshot(clinician, testInfo, 'clinic-order-dispensed-live');
  await attachScreenshot(trialTab, testInfo, 'trial-order-dispensed-live');
});

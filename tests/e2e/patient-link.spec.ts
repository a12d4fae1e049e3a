import { expect, type Page, test } from '@playwright/test';
import { setServerDate } from './server-clock.ts';
import {
  addDays,
  apiData,
  aStartedTrial,
  attachScreenshot,
  CLINICIAN,
  dayFromToday,
  expectAccessible,
  signIn,
} from './support.ts';

// Issue #19's journey: the clinician issues a patient link; the patient reports from a phone (390 px)
// seven evenings, each on its own evening (the test moves the server's date, e2e/server-clock.ts);
// the clinician's assessment uses those scores and says they came from the patient; a revoked link
// is refused.

const BIRTH_DATE = '1958-11-02';

/** Pain each evening, the 7th tonight: their mean is 3, 62.5 % below the baseline of 8. */
const EVENING_PAIN = [3, 4, 2, 3, 4, 3, 2];

// Whatever happens, the server goes back to the real date for the specs after this one.
test.afterEach(({ baseURL }) => setServerDate(baseURL, null));

/**
 * A CRPS patient whose trial started 60 days ago and reached 4.5 mg 32 days ago (records entered
 * with their real dates), so the assessment window (4–8 weeks at target) is open today. No score
 * in the last 7 days: the response can only come from what the patient reports.
 */
async function aTrialInItsWindow(clinician: Page): Promise<string> {
  const today = dayFromToday(0);
  const trialId = await aStartedTrial(
    clinician,
    {
      givenName: 'Nora',
      familyName: `Linkfield${Date.now()}`,
      dateOfBirth: BIRTH_DATE,
      mrn: `E2E-LINK-${Date.now()}`,
    },
    {
      readyOn: addDays(today, -62),
      baseline: { on: addDays(today, -61), pain: 8 },
      startDate: addDays(today, -60),
    },
  );
  for (const [daysAgo, doseMg] of [
    [46, 3],
    [32, 4.5],
  ] as const) {
    await apiData(
      clinician,
      'mutation ($trialId: ID!, $input: DoseChangeInput!) { changeDose(trialId: $trialId, input: $input) { id } }',
      { trialId, input: { changedOn: addDays(today, -daysAgo), doseMg } },
    );
  }
  return trialId;
}

/** The phone page's "Evenings reported" showing `count`. */
const reportedCount = (phone: Page, count: number) =>
  phone.getByRole('definition').filter({ hasText: new RegExp(`^${count}$`) });

/** The patient's report of one evening on the phone page: dose taken, pain, and sleep. */
async function reportEvening(phone: Page, evening: string, pain: number): Promise<void> {
  await phone
    .getByRole('group', { name: 'Which evening is this report for?' })
    .getByRole('radio', { name: new RegExp(`^${evening}`) })
    .check();
  await phone.getByRole('radio', { name: 'Yes, 4.5 mg' }).check();
  await phone
    .getByRole('group', { name: /^How bad is your pain right now\?/ })
    .getByRole('radio', { name: String(pain), exact: true })
    .check();
  await phone
    .getByRole('group', { name: /^How well did you sleep last night\?/ })
    .getByRole('radio', { name: '6', exact: true })
    .check();
  await phone.getByRole('button', { name: 'Send my report' }).click();
  await expect(phone.getByText(`Thank you. Your report for ${evening.toLowerCase()} is sent.`)).toBeVisible();
}

test('a patient reports seven evenings from a phone through the link; the assessment uses them; a revoked link is refused', async ({
  page: clinician,
  browser,
  baseURL,
}, testInfo) => {
  // Signed in on the real date: the session's idle time runs from there, not from a moved date.
  await signIn(clinician, CLINICIAN);
  const trialId = await aTrialInItsWindow(clinician);
  const today = dayFromToday(0);
  const evenings = EVENING_PAIN.map((_, index) => addDays(today, index - (EVENING_PAIN.length - 1)));

  // Six evenings ago the clinician issues the link: the address and its QR code are shown once.
  setServerDate(baseURL, evenings[0] ?? today);
  await clinician.goto(`/trials/${trialId}`);
  const linkSection = clinician.getByRole('region', { name: 'Patient link' });
  await linkSection.getByRole('button', { name: 'Issue a patient link' }).click();
  const address = linkSection.getByLabel('Link for the patient');
  await expect(address).toHaveValue(/\/r\/[A-Za-z0-9_-]{43}$/);
  await expect(linkSection.getByRole('img', { name: "QR code of the patient's link" })).toBeVisible();
  await expect(linkSection).toContainText('Active');
  const url = await address.inputValue();

  // The patient, on a phone of their own (no session), gives the date of birth once.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await phoneContext.newPage();
  await phone.goto(url);
  await expect(phone.getByRole('heading', { name: 'Welcome', level: 1 })).toBeVisible();
  await expectAccessible(phone, testInfo, 'patient-birth-date');
  await phone.getByLabel('Your date of birth').fill(BIRTH_DATE);
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expect(phone.getByRole('heading', { name: 'Hello, Nora', level: 1 })).toBeVisible();
  await expectAccessible(phone, testInfo, 'patient-report');

  // Then each evening, tonight's report; the last is tonight on the real date.
  for (const [index, evening] of evenings.entries()) {
    setServerDate(baseURL, evening === today ? null : evening);
    await phone.reload();
    await expect(reportedCount(phone, index)).toBeVisible();
    await reportEvening(phone, 'Tonight', EVENING_PAIN[index] ?? 0);
  }
  await expect(reportedCount(phone, EVENING_PAIN.length)).toBeVisible();
  await attachScreenshot(phone, testInfo, 'patient-report-phone');

  // Readable at 200 % zoom: half the CSS width, and still nothing wider than the screen.
  await phone.setViewportSize({ width: 195, height: 422 });
  const { scrollWidth, clientWidth } = await phone.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  await phone.setViewportSize({ width: 390, height: 844 });

  // The clinician sees the seven scores as the patient's, none late, and the assessment computed
  // from them, saying where they came from.
  await clinician.reload();
  const scores = clinician.getByRole('table', { name: 'Latest pain scores' });
  await expect(scores.getByRole('row').filter({ hasText: 'Patient, from home' })).toHaveCount(7);
  await expect(linkSection).toContainText('Nights reported taken');
  await clinician.getByRole('region', { name: 'Actions' }).getByText('Assess the response').click();
  const assess = clinician.getByRole('form', { name: 'Assess the response' });
  await assess.getByLabel('Assessed on').fill(today);
  await expect(assess).toContainText('Substantial response');
  await expect(assess).toContainText(
    'mean pain 3.0 over 7 score(s) of the 7 days (7 reported by the patient from home), 63 % below the baseline of 8',
  );
  await assess.getByLabel('Continue (maintenance)').check();
  await assess.getByRole('button', { name: 'Save the assessment' }).click();
  await expect(clinician.getByRole('region', { name: 'Assessments' })).toContainText('Substantial');

  // Revoked: the phone is told so and can send nothing.
  await linkSection.getByRole('button', { name: 'Revoke the link' }).click();
  await expect(linkSection).toContainText('Revoked');
  await phone.reload();
  await expect(
    phone.getByRole('heading', { name: 'This link does not take reports', level: 1 }),
  ).toBeVisible();
  await expect(phone.getByText('turned off by your clinic')).toBeVisible();
  await expect(phone.getByRole('button', { name: 'Send my report' })).toHaveCount(0);
  await expectAccessible(phone, testInfo, 'patient-link-revoked');
  await phoneContext.close();
});

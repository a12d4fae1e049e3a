import { expect, type Page, test } from '@playwright/test';
import { ADMIN, CLINICIAN, COORDINATOR, PHARMACIST, signIn } from './support.ts';

// Issue #21: pages wider than a phone, chart labels about 4 px. Every page of every role at
// 390 × 844 (a current phone in portrait): nothing wider than the screen, chart text readable.
test.use({ viewport: { width: 390, height: 844 } });

/** The smallest chart text a person can read on a phone, in CSS pixels as rendered. */
const SMALLEST_CHART_TEXT_PX = 11;

/** Waits for the page's heading and for its loading notices to go. */
async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
}

/** The page is no wider than the screen, and every chart label renders at a readable size. */
async function expectFitsPhone(page: Page, name: string): Promise<void> {
  await settled(page);
  const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
    const root = document.documentElement;
    // The element that sticks out furthest, to say what to fix.
    let widest = '';
    let right = root.clientWidth;
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect();
      if (box.right > right + 0.5 && element.closest('.table-scroll') === null) {
        right = box.right;
        widest = `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')}`;
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
  });
  expect(scrollWidth, `${name} is wider than the phone (${widest})`).toBeLessThanOrEqual(clientWidth);
  const tooSmall = await page.evaluate((smallest) => {
    return Array.from(document.querySelectorAll('svg text')).flatMap((text) => {
      const scale = (text as SVGTextElement).getScreenCTM()?.a ?? 1;
      const rendered = Number.parseFloat(getComputedStyle(text).fontSize) * Math.abs(scale);
      return rendered < smallest && (text.textContent ?? '').trim() !== ''
        ? [`${text.textContent} (${rendered.toFixed(1)} px)`]
        : [];
    });
  }, SMALLEST_CHART_TEXT_PX);
  expect(tooSmall, `${name}: chart text smaller than ${SMALLEST_CHART_TEXT_PX} px`).toEqual([]);
}

/** Opens the first link on the page whose address matches, and returns that address. */
async function followFirst(page: Page, href: RegExp): Promise<string> {
  const links = await page
    .locator('a[href]')
    .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
  const target = links.find((link): link is string => link !== null && href.test(link));
  expect(target, `a link to ${href}`).toBeDefined();
  await page.goto(target as string);
  return target as string;
}

test('the sign-in page fits a phone', async ({ page }) => {
  await page.goto('/sign-in');
  await expectFitsPhone(page, 'sign-in');
});

test('every clinic page fits a phone', async ({ page }) => {
  await signIn(page, CLINICIAN);
  await page.goto('/worklist');
  await expectFitsPhone(page, 'worklist');
  await page.goto('/patients');
  await expectFitsPhone(page, 'patients');
  await page.goto('/patients/new');
  await expectFitsPhone(page, 'register a patient');
  await page.goto('/patients');
  await settled(page);
  const patient = await followFirst(page, /^\/patients\/[0-9a-f-]{36}$/);
  await expectFitsPhone(page, 'patient');
  await page.goto(`${patient}/start-trial`);
  await expectFitsPhone(page, 'start a trial');
  await page.goto('/worklist');
  await settled(page);
  const trial = await followFirst(page, /^\/trials\/[0-9a-f-]{36}$/);
  await expectFitsPhone(page, 'trial');
  await page.goto(`${trial}/orders/new`);
  await expectFitsPhone(page, 'new order');
  await page.goto(trial);
  await settled(page);
  await followFirst(page, /^\/orders\/[0-9a-f-]{36}$/);
  await expectFitsPhone(page, 'clinic order');
  await page.goto('/account');
  await expectFitsPhone(page, 'account');
});

test('the coordinator’s worklist and patients fit a phone', async ({ page }) => {
  await signIn(page, COORDINATOR);
  await page.goto('/worklist');
  await expectFitsPhone(page, 'coordinator worklist');
  await page.goto('/patients');
  await expectFitsPhone(page, 'coordinator patients');
});

test('the pharmacy queue and an order fit a phone', async ({ page }) => {
  await signIn(page, PHARMACIST);
  await page.goto('/pharmacy/queue');
  await expectFitsPhone(page, 'pharmacy queue');
  await followFirst(page, /^\/pharmacy\/orders\/[0-9a-f-]{36}$/);
  await expectFitsPhone(page, 'pharmacy order');
  await page.goto('/account');
  await expectFitsPhone(page, 'pharmacist account');
});

test('analytics and every administration page fit a phone', async ({ page }) => {
  await signIn(page, ADMIN);
  for (const [path, name] of [
    ['/analytics', 'analytics'],
    ['/admin/people', 'people'],
    ['/admin/organisations', 'organisations'],
    ['/admin/audit', 'audit log'],
    ['/account', 'admin account'],
  ] as const) {
    await page.goto(path);
    await expectFitsPhone(page, name);
  }
});

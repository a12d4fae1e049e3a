import { expect, type Page, test } from '@playwright/test';
import { ADMIN, CLINICIAN, PHARMACIST, signIn, signOut } from './support.ts';

declare global {
  interface Window {
    cspViolations: string[];
  }
}

/** Collects every Content-Security-Policy violation the page reports, from its first script on. */
async function watchForCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI}`);
    });
  });
  return async () => [...console, ...(await page.evaluate(() => window.cspViolations ?? []))];
}

test('the portal runs under its Content-Security-Policy: every role’s pages, no violation', async ({
  page,
}) => {
  const violations = await watchForCspViolations(page);
  const shell = await page.goto('/sign-in');
  const csp = shell?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(shell?.headers()['x-content-type-options']).toBe('nosniff');

  const nav = page.getByRole('navigation', { name: 'Main' });
  await signIn(page, CLINICIAN);
  await nav.getByRole('link', { name: 'Patients' }).click();
  const rows = page.getByRole('table', { name: 'Patients' }).getByRole('row');
  await rows.nth(1).getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Eligibility', level: 2 })).toBeVisible();
  await signOut(page);

  await signIn(page, PHARMACIST);
  await expect(page.getByRole('heading', { name: 'Order queue' })).toBeVisible();
  await signOut(page);

  await signIn(page, ADMIN);
  await nav.getByRole('link', { name: 'Analytics' }).click();
  await expect(page.getByRole('img', { name: /Continuation of LDN/ })).toBeVisible();

  expect(await violations()).toEqual([]);
});

test('the portal’s scripts point to no source map', async ({ page, request }) => {
  await page.goto('/sign-in');
  const scripts = await page
    .locator('script[src]')
    .evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).src));
  expect(scripts.length).toBeGreaterThan(0);
  for (const src of scripts) expect(await (await request.get(src)).text()).not.toContain('sourceMappingURL');
});

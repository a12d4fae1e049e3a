import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Api, aNetwork, apiAs, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { aPatientReadyToStart, aTrialRow } from '../trials/trial.builders.ts';
import { aReport, CONFIRM, ISSUE, SUBMIT, tokenOf } from './patient-link.fixtures.ts';
import { REPORTS_PER_ADDRESS, REPORTS_PER_LINK } from './report-rate-limit.ts';

// Issue #19's abuse resistance: reports are limited per link and per address; a refused report is
// TOO_MANY_REQUESTS naming the limit, and writes nothing.

const TODAY = '2026-03-10';
const BIRTH = '1970-01-01';

interface Answer {
  errors?: { extensions?: Record<string, unknown> }[];
}

describe('the rate limits of patient reports', () => {
  const clock = fixedClock(`${TODAY}T18:00:00Z`);
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let coordinator: Api;

  beforeAll(async () => {
    // The proxy in front is believed, so each test's phones come from addresses of their own.
    server = await startTestServer({ clock, env: { TRUST_PROXY: 'loopback' } });
    cast = await aNetwork(server.db.prisma);
  });
  beforeEach(async () => {
    clock.set(`${TODAY}T18:00:00Z`);
    coordinator = apiAs(server, await signIn(server, cast.coordinator));
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A titrating trial of the clinic with a link the coordinator issued. */
  async function aLinkedTrial() {
    const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id);
    const trial = await aTrialRow(server.db.prisma, patient, cast.clinician.id);
    const { issuePatientLink } = await coordinator<{ issuePatientLink: { path: string } }>(ISSUE, {
      trialId: trial.id,
    });
    return { patient, trial, token: tokenOf(issuePatientLink.path) };
  }

  /** A phone at `address` that gave the date of birth for `token`; it may move to another address. */
  async function aPhoneAt(address: string, token: string) {
    let cookie = '';
    let from = address;
    const call = async (query: string, variables: Record<string, unknown>): Promise<Answer> => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': from, cookie },
        body: JSON.stringify({ query, variables }),
      });
      const device = response.headers.getSetCookie().find((c) => c.startsWith('ldn_patient_'));
      if (device !== undefined) cookie = device.split(';')[0] ?? '';
      return (await response.json()) as Answer;
    };
    expect((await call(CONFIRM, { token, dateOfBirth: BIRTH })).errors).toBeUndefined();
    return {
      send: (report: Record<string, unknown>) => call(SUBMIT, { token, report }),
      moveTo(next: string) {
        from = next;
      },
    };
  }

  /** Every row a report could write: reports, scores, adverse effects, audit rows. */
  const written = async () => {
    const prisma = server.db.prisma;
    return Promise.all([
      prisma.patientReport.count(),
      prisma.symptomScore.count(),
      prisma.adverseEffect.count(),
      prisma.auditLog.count(),
    ]);
  };

  it(`takes ${REPORTS_PER_LINK} reports of a link in 15 minutes, refuses the next from any address and writes nothing, then takes them again`, async () => {
    const { token } = await aLinkedTrial();
    const phone = await aPhoneAt('203.0.113.10', token);
    const evenings = ['2026-03-08', '2026-03-09', TODAY];
    for (let sent = 0; sent < REPORTS_PER_LINK; sent++)
      expect((await phone.send(aReport(evenings[sent % 3] ?? TODAY))).errors).toBeUndefined();

    const before = await written();
    const refused = await phone.send(aReport(TODAY));
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      reason: 'PATIENT_REPORT_RATE_LIMIT',
      limit: 'LINK',
    });
    phone.moveTo('203.0.113.11');
    expect((await phone.send(aReport(TODAY))).errors?.[0]?.extensions).toMatchObject({ limit: 'LINK' });
    expect(await written()).toEqual(before);

    clock.set(`${TODAY}T18:16:00Z`);
    expect((await phone.send(aReport(TODAY))).errors).toBeUndefined();
  });

  it(`takes ${REPORTS_PER_ADDRESS} reports from an address in 15 minutes over all links, malformed ones included, then refuses it alone`, async () => {
    const address = '198.51.100.20';
    const links = REPORTS_PER_ADDRESS / REPORTS_PER_LINK;
    // Each link sends its own allowance, refused by the rules (a score of 11): every send counts.
    const malformed = aReport(TODAY, { scores: [{ measure: 'PAIN_NRS', score: 11 }] });
    for (let link = 0; link < links; link++) {
      const phone = await aPhoneAt(address, (await aLinkedTrial()).token);
      for (let sent = 0; sent < REPORTS_PER_LINK; sent++)
        expect((await phone.send(malformed)).errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
        });
    }

    // A link that has sent nothing yet: refused from that address, taken from another.
    const phone = await aPhoneAt(address, (await aLinkedTrial()).token);
    const before = await written();
    expect((await phone.send(aReport(TODAY))).errors?.[0]?.extensions).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      reason: 'PATIENT_REPORT_RATE_LIMIT',
      limit: 'ADDRESS',
    });
    expect(await written()).toEqual(before);
    phone.moveTo('198.51.100.21');
    expect((await phone.send(aReport(TODAY))).errors).toBeUndefined();
  });
});

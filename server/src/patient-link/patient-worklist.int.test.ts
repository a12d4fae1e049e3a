import { randomUUID } from 'node:crypto';
import type { Trial } from '@ldn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, aNetwork, apiAs, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { portalDocument } from '../test/portal-documents.ts';
import { aPatientReadyToStart, aTrialRow } from '../trials/trial.builders.ts';

// The patient link's worklist items come with the worklist's own statement (issue #16): per active
// trial whether its link is live, and the side effects its patient reported that nobody reviewed.
// What that statement leaves out must stay out, and the request must read nothing more.

// The portal's own document, and the side effect's id the review opens with.
const WORKLIST = portalDocument('worklist/api/worklist.ts').replace(
  'medicationId',
  'medicationId adverseEffectId',
);

interface Item {
  code: string;
  date: string;
  message: string;
  trial: { id: string; status: { state: string }; patient: { id: string } };
}

describe("the patient link's worklist items", () => {
  const clock = fixedClock('2026-03-14T18:00:00Z');
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let coordinator: Api;
  let otherClinician: Api;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    cast = await aNetwork(server.db.prisma);
    coordinator = apiAs(server, await signIn(server, cast.coordinator));
    otherClinician = apiAs(server, await signIn(server, cast.otherClinician));
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A titrating trial started 03-01 in `clinicId`, whose patient has no report since its link was issued. */
  async function aTrial(clinicId = cast.clinic.id) {
    const prescriber = clinicId === cast.clinic.id ? cast.clinician : cast.otherClinician;
    const patient = await aPatientReadyToStart(server.db.prisma, clinicId, prescriber.id);
    return aTrialRow(server.db.prisma, patient, prescriber.id);
  }

  /** A link issued 03-10, live unless `overrides` revoke, lock or expire it. */
  const aLink = (trial: Trial, overrides: { revokedAt?: Date; lockedAt?: Date; expiresAt?: Date } = {}) =>
    server.db.prisma.patientLink.create({
      data: {
        trialId: trial.id,
        tokenHash: randomUUID().replaceAll('-', ''),
        createdById: cast.coordinator.id,
        createdAt: new Date('2026-03-10T17:00:00Z'),
        expiresAt: new Date('2026-04-30T00:00:00Z'),
        ...overrides,
      },
    });

  /** A side effect the patient reported (unless `source` says the clinic did), with its onset day. */
  const anEffect = (
    trial: Trial,
    onsetOn: string,
    overrides: { source?: 'CLINIC'; reviewedAt?: Date; enteredInErrorAt?: Date } = {},
  ) =>
    server.db.prisma.adverseEffect.create({
      data: {
        trialId: trial.id,
        kind: 'NAUSEA',
        severity: 'MILD',
        action: 'NONE',
        onsetOn: new Date(`${onsetOn}T00:00:00Z`),
        source: overrides.source ?? 'PATIENT',
        recordedById: overrides.source === 'CLINIC' ? cast.coordinator.id : null,
        reviewedAt: overrides.reviewedAt ?? null,
        reviewedById: overrides.reviewedAt === undefined ? null : cast.coordinator.id,
        enteredInErrorAt: overrides.enteredInErrorAt ?? null,
      },
    });

  const patientItems = (items: Item[], trial: Trial) =>
    items
      .filter((item) => item.trial.id === trial.id && item.code.startsWith('PATIENT_'))
      .map(({ code, date, message }) => ({ code, date, message }));

  type Worklist = { worklist: (Item & { adverseEffectId?: string })[] };
  const toReview = {
    code: 'PATIENT_SIDE_EFFECT_TO_REVIEW',
    message: 'Side effect reported by the patient, to review.',
  };
  const reviewIds = ({ worklist }: Worklist, trial: Trial) =>
    worklist
      .filter((item) => item.trial.id === trial.id && item.code === toReview.code)
      .map((item) => item.adverseEffectId);

  it('reads links and side effects with the worklist: the session, one statement and its audit row', async () => {
    const revoked = await aTrial();
    await aLink(revoked, { revokedAt: new Date('2026-03-11T09:00:00Z') });
    const late = await anEffect(revoked, '2026-03-13');
    const early = await anEffect(revoked, '2026-03-12');
    await anEffect(revoked, '2026-03-11', { reviewedAt: new Date('2026-03-12T09:00:00Z') });
    await anEffect(revoked, '2026-03-11', { enteredInErrorAt: new Date('2026-03-12T09:00:00Z') });
    await anEffect(revoked, '2026-03-11', { source: 'CLINIC' });
    const locked = await aTrial();
    await aLink(locked, { lockedAt: new Date('2026-03-11T09:00:00Z') });
    const expired = await aTrial();
    await aLink(expired, { expiresAt: new Date('2026-03-14T17:59:59Z') });
    const ended = await aTrial();
    await aLink(ended);
    await anEffect(ended, '2026-03-12');
    await server.db.prisma.trial.update({
      where: { id: ended.id },
      data: { state: 'DISCONTINUED', endedOn: new Date('2026-03-13T00:00:00Z') },
    });

    let statements = 0;
    const stop = server.db.onStatement(() => {
      statements += 1;
    });
    const read = await coordinator<Worklist>(WORKLIST).finally(stop);
    // The session, what the worklist reads (worklist-data.ts) and its audit row: the links and
    // the side effects took two more, and the items' `status` and `patient` fields read nothing.
    expect(statements).toBe(3);

    // Side effects wait for review whatever the link: the reviewed, entered in error and the
    // clinic's own are not listed; an ended trial's are not either.
    expect(patientItems(read.worklist, revoked)).toEqual([
      { ...toReview, date: '2026-03-12' },
      { ...toReview, date: '2026-03-13' },
    ]);
    expect(reviewIds(read, revoked)).toEqual([early.id, late.id]);
    // Missing reports only on a live link: not revoked, not locked, not expired.
    for (const trial of [locked, expired, ended]) expect(patientItems(read.worklist, trial)).toEqual([]);
  });

  it('lists the missing reports of a live link beside its side effects, earliest first', async () => {
    const linked = await aTrial();
    await aLink(linked);
    const late = await anEffect(linked, '2026-03-12');
    const early = await anEffect(linked, '2026-03-11');
    const read = await coordinator<Worklist>(WORKLIST);
    expect(patientItems(read.worklist, linked)).toEqual([
      {
        code: 'PATIENT_REPORTS_MISSING',
        date: '2026-03-10',
        message: 'No report from the patient for 4 evenings (since 2026-03-10).',
      },
      { ...toReview, date: '2026-03-11' },
      { ...toReview, date: '2026-03-12' },
    ]);
    expect(reviewIds(read, linked)).toEqual([early.id, late.id]);
  });

  it("never lists another clinic's links or patient reports", async () => {
    const theirs = await aTrial(cast.otherClinic.id);
    await aLink(theirs);
    const effect = await anEffect(theirs, '2026-03-12');
    const ours = await coordinator<{ worklist: Item[] }>(WORKLIST);
    expect(ours.worklist.filter((item) => item.trial.id === theirs.id)).toEqual([]);
    const { worklist } = await otherClinician<Worklist>(WORKLIST);
    expect(
      worklist
        .filter((item) => item.trial.id === theirs.id && item.code.startsWith('PATIENT_'))
        .map((item) => [item.code, item.adverseEffectId ?? null]),
    ).toEqual([
      ['PATIENT_REPORTS_MISSING', null],
      ['PATIENT_SIDE_EFFECT_TO_REVIEW', effect.id],
    ]);
  });
});

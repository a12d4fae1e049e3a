import { medicationDrugColumns } from '@ldn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import {
  type Api,
  aPatientReadyToStart,
  apiAs,
  OPERATIONS,
  type ReadyPatientOptions,
  refusedFindingCodes,
  START,
  startInput,
  trialRowCounts,
} from './trial.builders.ts';

interface StartCheck {
  trialStartCheck: {
    canStart: boolean;
    outcome: string;
    overridesNeeded: string[];
    findings: { code: string; severity: string; evidence: string[] }[];
    baseline: { date: string; score: number } | null;
    plan: { steps: { from: string; doseMg: number }[]; assessmentOpensOn: string; assessmentDueBy: string };
    eligibility: { eligible: boolean; requirements: { line: string; met: boolean; metBy: string | null }[] };
    policy: { name: string; opioidWashoutDays: { standard: number } };
  };
}
interface Started {
  startTrial: {
    id: string;
    state: string;
    startDoseMg: number;
    prescriber: string;
    baseline: { date: string; score: number };
    status: {
      state: string;
      nextStep: { date: string; doseMg: number };
      assessmentWindow: { opensOn: string };
    };
    overrides: { action: string; code: string; reason: string; givenBy: string; givenAt: string }[];
    warnings: { code: string; severity: string }[];
  };
}

describe('starting a trial', () => {
  const clock = fixedClock('2026-03-01T09:00:00Z');
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let clinician: Api;
  let coordinator: Api;
  let clinicianName: string;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    cast = await aNetwork(server.db.prisma);
    clinician = apiAs(server, await signIn(server, cast.clinician));
    coordinator = apiAs(server, await signIn(server, cast.coordinator));
    clinicianName = (await server.db.prisma.user.findUniqueOrThrow({ where: { id: cast.clinician.id } }))
      .name;
  });
  afterAll(async () => {
    await server?.close();
  });

  const aPatient = (options: ReadyPatientOptions = {}) =>
    aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id, options);
  const check = async (patientId: string, input = startInput()) =>
    (await coordinator<StartCheck>(OPERATIONS.startCheck, { patientId, input })).trialStartCheck;
  const start = async (patientId: string, input = startInput()) =>
    (await clinician<Started>(OPERATIONS.start, { patientId, input })).startTrial;

  it('previews a start that can go ahead, with the baseline, the plan and the policy used', async () => {
    const patient = await aPatient();
    const preview = await check(patient.id);
    expect(preview).toMatchObject({
      canStart: true,
      outcome: 'ALLOWED',
      findings: [],
      baseline: { date: '2026-02-25', score: 7 },
      plan: {
        steps: [
          { from: '2026-03-01', doseMg: 1.5 },
          { from: '2026-03-15', doseMg: 3 },
          { from: '2026-03-29', doseMg: 4.5 },
        ],
        assessmentOpensOn: '2026-04-26',
        assessmentDueBy: '2026-05-24',
      },
      eligibility: { eligible: true },
      policy: { name: 'Default (clinical-rules.md)', opioidWashoutDays: { standard: 7 } },
    });
  });

  it('starts a trial with the baseline, the start dose and the schedule of clinical-rules §9', async () => {
    const patient = await aPatient();
    const trial = await start(patient.id);
    expect(trial).toMatchObject({
      state: 'TITRATING',
      startDoseMg: 1.5,
      prescriber: clinicianName,
      baseline: { date: '2026-02-25', score: 7 },
      status: {
        state: 'TITRATING',
        nextStep: { date: '2026-03-15', doseMg: 3 },
        assessmentWindow: { opensOn: '2026-04-26' },
      },
      overrides: [],
      warnings: [],
    });
    const stored = await server.db.prisma.trial.findUniqueOrThrow({ where: { id: trial.id } });
    expect(stored).toMatchObject({ prescriberId: cast.clinician.id, clinicId: cast.clinic.id });
    expect(stored.policy).toMatchObject({ name: 'Default (clinical-rules.md)' });
    expect(
      await server.db.prisma.auditLog.count({
        where: { action: 'CREATE', entity: 'Trial', entityId: trial.id },
      }),
    ).toBe(1);
  });

  it('records a start dated later as READY', async () => {
    const patient = await aPatient({ attestation: { attestedOn: '2026-02-27' } });
    const trial = await start(patient.id, startInput({ startDate: '2026-03-05' }));
    expect(trial.state).toBe('READY');
  });

  it('accepts only the indications of §1, as an enum', async () => {
    const patient = await aPatient();
    await expect(check(patient.id, startInput({ condition: 'MIGRAINE' }))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  // [1]: "Initial dose: 1.5 mg at bedtime" — the plan and the status are built from it, so no other.
  it.each([1, 3, 4.5])(
    'refuses a first dose of %s mg in the preview and the start, writing nothing',
    async (firstDoseMg) => {
      const patient = await aPatient();
      const before = await trialRowCounts(server.db.prisma);
      const input = startInput({
        firstDoseMg,
        overrides: [{ code: 'TITRATION_TOO_FAST', reason: 'the clinician insists on it' }],
      });
      const refusal = { extensions: { code: 'BAD_USER_INPUT', field: 'firstDoseMg' } };
      await expect(check(patient.id, input)).rejects.toMatchObject(refusal);
      await expect(start(patient.id, input)).rejects.toMatchObject(refusal);
      expect(await trialRowCounts(server.db.prisma)).toEqual(before);
    },
  );

  it('starts at 1.5 mg when firstDoseMg is given as 1.5 or left out', async () => {
    const given = await start((await aPatient()).id, startInput({ firstDoseMg: 1.5 }));
    expect(given).toMatchObject({
      startDoseMg: 1.5,
      status: { nextStep: { date: '2026-03-15', doseMg: 3 } },
    });
    const preview = await check((await aPatient()).id, startInput({ firstDoseMg: 1.5 }));
    expect(preview.plan.steps[0]).toEqual({ from: START, doseMg: 1.5 });
  });

  it.each<[string, ReadyPatientOptions]>([
    ['OPIOID_CONCURRENT_USE', { activeMedications: ['oxycodone/acetaminophen'] }],
    ['OPIOID_FREE_NOT_ATTESTED', { attestation: null }],
    [
      'OPIOID_WASHOUT',
      {
        attestation: { attestedOn: '2026-02-27', lastOpioidDrug: 'tramadol', lastOpioidDoseOn: '2026-02-23' },
      },
    ],
    ['BASELINE_MISSING', { painScores: { '2026-02-15': 7 } }],
    ['CONSENT_MISSING', { consent: null }],
    ['CONSENT_MISSING', { consent: 'partial' }],
  ])('refuses a start with the hard stop %s, whatever the reason given', async (code, options) => {
    const patient = await aPatient(options);
    const overrides = [{ code, reason: 'the clinician insists on it' }];
    await expect(start(patient.id, startInput({ overrides }))).rejects.toMatchObject({
      extensions: {
        code: 'RULE_VIOLATION',
        findings: [expect.objectContaining({ code, severity: 'HARD_STOP' })],
      },
    });
  });

  it.each([
    ['6 days', '2026-02-23', false],
    ['7 days', '2026-02-22', true],
  ])(
    'applies the 7-day washout of the default policy: last dose %s before the start',
    async (_, lastDose, ok) => {
      const patient = await aPatient({
        attestation: { attestedOn: '2026-02-27', lastOpioidDrug: 'oxycodone', lastOpioidDoseOn: lastDose },
      });
      const preview = await check(patient.id);
      expect(preview.canStart).toBe(ok);
      expect(preview.findings.map((f) => f.code)).toEqual(ok ? [] : ['OPIOID_WASHOUT']);
    },
  );

  it('counts the washout from a stopped opioid on the medication list too', async () => {
    const patient = await aPatient();
    await server.db.prisma.medication.create({
      data: {
        patientId: patient.id,
        ...medicationDrugColumns('methadone'),
        stoppedOn: new Date('2026-02-20T00:00:00Z'),
        recordedById: cast.coordinator.id,
      },
    });
    const preview = await check(patient.id);
    // Methadone takes 14 days (§3): 9 days is too few, and the attestation predates the last dose.
    expect(preview.findings.map((f) => f.code)).toEqual(['OPIOID_WASHOUT']);
  });

  it('uses the clinic policy when the clinic has one, and says so', async () => {
    await server.db.prisma.organisation.update({
      where: { id: cast.otherClinic.id },
      data: { policy: { name: 'Clinic B policy', opioidWashoutDays: { standard: 10 } } },
    });
    const other = apiAs(server, await signIn(server, cast.otherClinician));
    const patient = await aPatientReadyToStart(
      server.db.prisma,
      cast.otherClinic.id,
      cast.otherClinician.id,
      {
        attestation: {
          attestedOn: '2026-02-27',
          lastOpioidDrug: 'oxycodone',
          lastOpioidDoseOn: '2026-02-21',
        },
      },
    );
    const { trialStartCheck } = await other<StartCheck>(OPERATIONS.startCheck, {
      patientId: patient.id,
      input: startInput(),
    });
    expect(trialStartCheck.policy).toMatchObject({
      name: 'Clinic B policy',
      opioidWashoutDays: { standard: 10 },
    });
    expect(trialStartCheck.findings.map((f) => f.code)).toEqual(['OPIOID_WASHOUT']);
  });

  it('returns every finding at once, in the preview and in the refusal', async () => {
    const patient = await aPatient({ priorLines: false, attestation: null, consent: null, painScores: {} });
    const codes = [
      'ELIGIBILITY_PRIOR_LINES_MISSING',
      'OPIOID_FREE_NOT_ATTESTED',
      'BASELINE_MISSING',
      'CONSENT_MISSING',
    ];
    const preview = await check(patient.id);
    expect(preview).toMatchObject({ canStart: false, outcome: 'REFUSED', baseline: null });
    expect(preview.findings.map((f) => f.code)).toEqual(codes);
    expect(preview.eligibility.requirements).toEqual([
      { line: 'TCA_OR_SNRI', met: false, metBy: null },
      { line: 'ANTICONVULSANT', met: false, metBy: null },
    ]);
    const refusal = start(patient.id);
    await expect(refusal).rejects.toMatchObject({ extensions: { code: 'RULE_VIOLATION' } });
    expect(await refusedFindingCodes(refusal)).toEqual(codes);
  });

  describe('soft stops', () => {
    it('needs an override for missing prior lines, and a reason of at least three words', async () => {
      const patient = await aPatient({ priorLines: false });
      await expect(start(patient.id)).rejects.toMatchObject({
        extensions: {
          code: 'OVERRIDE_REQUIRED',
          findings: [
            expect.objectContaining({ code: 'ELIGIBILITY_PRIOR_LINES_MISSING', severity: 'SOFT_STOP' }),
          ],
        },
      });
      const tooShort = [{ code: 'ELIGIBILITY_PRIOR_LINES_MISSING', reason: 'tried before' }];
      await expect(start(patient.id, startInput({ overrides: tooShort }))).rejects.toMatchObject({
        extensions: { code: 'OVERRIDE_REQUIRED' },
      });
    });

    it('starts past missing prior lines with a reason, stored with who and when', async () => {
      const patient = await aPatient({ priorLines: false });
      const reason = 'TCAs contraindicated by cardiac history';
      const preview = await check(
        patient.id,
        startInput({ overrides: [{ code: 'ELIGIBILITY_PRIOR_LINES_MISSING', reason }] }),
      );
      expect(preview).toMatchObject({ canStart: true, overridesNeeded: [] });
      const trial = await start(
        patient.id,
        startInput({ overrides: [{ code: 'ELIGIBILITY_PRIOR_LINES_MISSING', reason }] }),
      );
      expect(trial.overrides).toEqual([
        {
          action: 'TRIAL_START',
          code: 'ELIGIBILITY_PRIOR_LINES_MISSING',
          reason,
          givenBy: clinicianName,
          givenAt: '2026-03-01T09:00:00.000Z',
        },
      ]);
    });

    it('needs an override for a baseline of 0 (BASELINE_NO_PAIN)', async () => {
      const patient = await aPatient({ painScores: { '2026-02-25': 0 } });
      await expect(start(patient.id)).rejects.toMatchObject({
        extensions: {
          code: 'OVERRIDE_REQUIRED',
          findings: [expect.objectContaining({ code: 'BASELINE_NO_PAIN' })],
        },
      });
      const overrides = [{ code: 'BASELINE_NO_PAIN', reason: 'pain flares are episodic only' }];
      expect((await start(patient.id, startInput({ overrides }))).baseline).toEqual({
        date: '2026-02-25',
        score: 0,
      });
    });
  });

  it('stores and shows LIMITED_EVIDENCE on a trial for other chronic pain', async () => {
    const patient = await aPatient();
    const trial = await start(patient.id, startInput({ condition: 'OTHER_CHRONIC_PAIN' }));
    expect(trial.warnings).toMatchObject([{ code: 'LIMITED_EVIDENCE', severity: 'WARNING' }]);
  });

  it('writes nothing when a start is refused', async () => {
    const patient = await aPatient({ consent: null, priorLines: false });
    const before = await trialRowCounts(server.db.prisma);
    await expect(start(patient.id)).rejects.toMatchObject({ extensions: { code: 'RULE_VIOLATION' } });
    const overrides = [{ code: 'ELIGIBILITY_PRIOR_LINES_MISSING', reason: 'a b' }];
    const soft = await aPatient({ priorLines: false });
    await expect(start(soft.id, startInput({ overrides }))).rejects.toMatchObject({
      extensions: { code: 'OVERRIDE_REQUIRED' },
    });
    expect(await trialRowCounts(server.db.prisma)).toEqual(before);
  });

  it('refuses a second trial while the first has not ended (CONFLICT)', async () => {
    const patient = await aPatient();
    await start(patient.id);
    await expect(start(patient.id)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  });

  it('starts one trial when the same start is sent twice at once', async () => {
    const patient = await aPatient();
    const results = await Promise.allSettled([start(patient.id), start(patient.id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await server.db.prisma.trial.count({ where: { patientId: patient.id } })).toBe(1);
  });

  it('records a start dated in the past with the state it has today', async () => {
    clock.set('2026-03-20T09:00:00Z');
    try {
      const later = apiAs(server, await signIn(server, cast.clinician));
      const patient = await aPatient();
      const { startTrial } = await later<Started>(OPERATIONS.start, {
        patientId: patient.id,
        input: startInput(),
      });
      expect(startTrial).toMatchObject({
        state: 'TITRATING',
        status: { nextStep: { date: '2026-03-15', doseMg: 3 } },
      });
      const stored = await server.db.prisma.trial.findUniqueOrThrow({ where: { id: startTrial.id } });
      expect(stored.startDate.toISOString().slice(0, 10)).toBe(START);
    } finally {
      clock.set('2026-03-01T09:00:00Z');
    }
  });
});

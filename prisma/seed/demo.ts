import {
  addDays,
  classifyResponse,
  deriveTrialStatus,
  fromEpochDay,
  type IsoDate,
  laterOf,
  ORDER_SIGNATURE_MEANING,
  titrationPackOrder,
  toEpochDay,
} from '@ldn/rules';
import { hash } from '@node-rs/argon2';
import type { Prisma, PrismaClient } from '../generated/client/client.ts';
import { medicationDrugColumns, priorTherapyDrugColumns } from '../src/drug-rows.ts';
import { signedOrderContentHash } from '../src/order-signature.ts';
import { nextRxNumber } from '../src/rx-numbers.ts';
import { CONDITIONS_IN_ROTATION, demoIdentity, SCENARIOS, type Scenario } from './demo-patients.ts';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_PEOPLE, type DemoOrganisationKey } from './demo-people.ts';

export { DEMO_PASSWORD, demoSignIns } from './demo-people.ts';

type Tx = Prisma.TransactionClient;

/** A calendar date as Prisma's `@db.Date` value (midnight UTC, which PostgreSQL stores as that date). */
const day = (date: IsoDate) => new Date(`${date}T00:00:00.000Z`);

/** True once the demo's administrator exists (the demo is loaded at most once). */
export async function hasDemoData(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.user.count({ where: { email: DEMO_PEOPLE[0]?.email ?? '' } })) > 0;
}

/**
 * Loads the demo network: organisations, a person for every role, and patients at every stage of a
 * trial with orders in every state, dated relative to `today`. One transaction: all or nothing.
 */
export async function seedDemo(
  prisma: PrismaClient,
  today: IsoDate = fromEpochDay(Math.floor(Date.now() / 86_400_000)),
): Promise<void> {
  const passwordHash = await hash(DEMO_PASSWORD);
  await prisma.$transaction(
    async (tx) => {
      const orgIds = await createOrganisations(tx);
      const people = new Map<string, string>();
      for (const person of DEMO_PEOPLE) {
        const user = await tx.user.create({
          data: {
            email: person.email,
            name: person.name,
            role: person.role,
            npi: person.npi ?? null,
            passwordHash,
            organisationId: orgIds[person.organisation],
          },
        });
        people.set(person.email, user.id);
      }
      const clinics: { clinic: DemoOrganisationKey; pharmacy: DemoOrganisationKey; domain: string }[] = [
        { clinic: 'riverside', pharmacy: 'careRx', domain: 'riverside' },
        { clinic: 'northgate', pharmacy: 'apex', domain: 'northgate' },
      ];
      let n = 0;
      for (const { clinic, pharmacy, domain } of clinics) {
        const clinicianId = people.get(`clinician@${domain}.demo`) ?? '';
        const coordinatorId = people.get(`coordinator@${domain}.demo`) ?? '';
        for (const scenario of SCENARIOS) {
          await createPatient(tx, {
            n: n++,
            scenario,
            today,
            clinicId: orgIds[clinic],
            pharmacyId: orgIds[pharmacy],
            clinicianId,
            coordinatorId,
            pharmacistId: people.get(`pharmacist@${pharmacy === 'careRx' ? 'carerx' : 'apex'}.demo`) ?? '',
            verifierId: people.get(`pharmacist2@${pharmacy === 'careRx' ? 'carerx' : 'apex'}.demo`) ?? '',
          });
        }
      }
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

async function createOrganisations(tx: Tx): Promise<Record<DemoOrganisationKey, string>> {
  const ids = {} as Record<DemoOrganisationKey, string>;
  for (const [key, org] of Object.entries(DEMO_ORGANISATIONS) as [
    DemoOrganisationKey,
    (typeof DEMO_ORGANISATIONS)[DemoOrganisationKey],
  ][]) {
    const created = await tx.organisation.create({
      data: {
        kind: org.kind,
        name: org.name,
        city: 'city' in org ? org.city : null,
        region: 'region' in org ? org.region : null,
        licenceNumber: 'licenceNumber' in org ? org.licenceNumber : null,
        phone: '555-0100',
      },
    });
    ids[key] = created.id;
  }
  for (const [clinic, pharmacy] of [
    ['riverside', 'careRx'],
    ['northgate', 'apex'],
  ] as const) {
    await tx.organisation.update({ where: { id: ids[clinic] }, data: { defaultPharmacyId: ids[pharmacy] } });
    await tx.clinicPharmacy.createMany({
      data: [
        { clinicId: ids[clinic], pharmacyId: ids[pharmacy] },
        { clinicId: ids[clinic], pharmacyId: ids[pharmacy === 'careRx' ? 'apex' : 'careRx'] },
      ],
    });
  }
  return ids;
}

interface PatientContext {
  n: number;
  scenario: Scenario;
  today: IsoDate;
  clinicId: string;
  pharmacyId: string;
  clinicianId: string;
  coordinatorId: string;
  pharmacistId: string;
  /** The pharmacy's second pharmacist: verifies what the first compounded. */
  verifierId: string;
}

async function createPatient(tx: Tx, ctx: PatientContext): Promise<void> {
  const { n, scenario, today, clinicId, clinicianId, coordinatorId } = ctx;
  const who = demoIdentity(n);
  const startDate = scenario.stage === 'TRIAL' ? addDays(today, -scenario.startedDaysAgo) : addDays(today, 1);
  const patient = await tx.patient.create({
    data: {
      clinicId,
      mrn: `MRN-${String(100_000 + n * 37)}`,
      givenName: who.givenName,
      familyName: who.familyName,
      dateOfBirth: day(`${who.birthYear}-0${(n % 9) + 1}-${String((n % 27) + 1).padStart(2, '0')}`),
      phone: `555-01${String(n).padStart(2, '0')}`,
      addressLine1: `${100 + n} Elm Street`,
      city: 'Springfield',
      region: 'OR',
      postalCode: '97477',
      allergies: n % 4 === 0 ? 'Lactose (capsule filler)' : null,
    },
  });
  const recordedBy = { recordedById: coordinatorId };
  const screenedOn = addDays(startDate, -10);

  // Standard therapies failed first [1][2]: a TCA, an anticonvulsant, a fibromyalgia drug, an MS DMT.
  const history: Prisma.PriorTherapyCreateManyInput[] = [
    {
      patientId: patient.id,
      ...priorTherapyDrugColumns('Nortriptyline'),
      doseRange: '25–100 mg',
      outcome: 'INEFFECTIVE',
      ...recordedBy,
    },
    {
      patientId: patient.id,
      ...priorTherapyDrugColumns('Pregabalin'),
      doseRange: '150–300 mg',
      outcome: 'INTOLERANT',
      ...recordedBy,
    },
    {
      patientId: patient.id,
      ...priorTherapyDrugColumns('Interferon beta-1a'),
      outcome: 'ONGOING',
      ...recordedBy,
    },
  ];
  await tx.priorTherapy.createMany({
    data: scenario.stage === 'SCREENING_MISSING_LINES' ? history.slice(0, 1) : history,
  });
  await tx.medication.create({
    data: {
      patientId: patient.id,
      ...medicationDrugColumns('Vitamin D3 1000 IU'),
      ...recordedBy,
    },
  });
  if (scenario.stage === 'SCREENING_ON_OPIOID') {
    const drug = 'Oxycodone/acetaminophen 5/325 mg';
    await tx.medication.create({
      data: { patientId: patient.id, ...medicationDrugColumns(drug), ...recordedBy },
    });
  }
  await tx.symptomScore.create({
    data: {
      patientId: patient.id,
      measure: 'PAIN_NRS',
      scoredOn: day(addDays(startDate, -3)),
      score: 7,
      ...recordedBy,
    },
  });
  if (scenario.stage === 'SCREENING_MISSING_LINES' || scenario.stage === 'SCREENING_ON_OPIOID') return;

  await tx.opioidFreeAttestation.create({
    data: { patientId: patient.id, attestedOn: day(screenedOn), attestedById: clinicianId },
  });
  await tx.consent.create({
    data: {
      patientId: patient.id,
      recordedOn: day(screenedOn),
      points: [
        'OFF_LABEL_LIMITED_EVIDENCE',
        'MODEST_SUBJECTIVE_BENEFIT',
        'COMPOUNDING_NOT_COVERED',
        'AVOID_OPIOIDS',
      ],
      recordedById: clinicianId,
    },
  });
  if (scenario.stage === 'READY') return;
  await createTrial(tx, ctx, scenario, patient.id, startDate);
}

async function createTrial(
  tx: Tx,
  ctx: PatientContext,
  scenario: Extract<Scenario, { stage: 'TRIAL' }>,
  patientId: string,
  startDate: IsoDate,
): Promise<void> {
  const { today, clinicianId, coordinatorId } = ctx;
  const on = (dayNumber: number) => addDays(startDate, dayNumber);
  const endDay =
    scenario.discontinued?.day ??
    (scenario.assessment?.decision === 'DISCONTINUE' ? scenario.assessment.day : undefined);
  const lastDay = Math.min(endDay ?? scenario.startedDaysAgo, scenario.startedDaysAgo);
  const condition = CONDITIONS_IN_ROTATION[ctx.n % CONDITIONS_IN_ROTATION.length] ?? 'FIBROMYALGIA';
  const doseChanges = (scenario.doseChanges ?? [])
    .filter(([d]) => d <= lastDay)
    .map(([d, doseMg]) => ({ date: on(d), doseMg }));
  const holds = scenario.opioidOnDay === undefined ? [] : [{ from: on(scenario.opioidOnDay) }];

  // Pain falls steadily towards the scenario's relief, one score every 3 days and on the last day.
  const scores: { date: IsoDate; score: number }[] = [];
  for (let d = 3; d <= lastDay; d += 3)
    scores.push({ date: on(d), score: painOn(d, lastDay, scenario.relief) });
  if (scores.at(-1)?.date !== on(lastDay) && lastDay > 0)
    scores.push({ date: on(lastDay), score: painOn(lastDay, lastDay, scenario.relief) });

  const assessment =
    scenario.assessment === undefined
      ? undefined
      : {
          ...scenario.assessment,
          result: classifyResponse({
            baselineScore: 7,
            assessedOn: on(scenario.assessment.day),
            scores: scores.filter((s) => s.date <= on(scenario.assessment!.day)),
          }),
        };
  const discontinuedOn = endDay === undefined ? undefined : on(endDay);
  const status = deriveTrialStatus({
    startDate,
    doseChanges,
    maintenanceDoseMg: scenario.maintenanceDoseMg,
    holds,
    assessments:
      assessment === undefined ? [] : [{ assessedOn: on(assessment.day), decision: assessment.decision }],
    discontinuedOn,
    asOf: today,
  });

  const trial = await tx.trial.create({
    data: {
      patientId,
      clinicId: ctx.clinicId,
      prescriberId: clinicianId,
      condition,
      state: status.state,
      startDate: day(startDate),
      startDoseMg: 1.5,
      maintenanceDoseMg: scenario.maintenanceDoseMg ?? null,
      maintenanceDeclaredOn: scenario.maintenanceDoseMg === undefined ? null : day(on(35)),
      baselineScore: 7,
      baselineScoredOn: day(addDays(startDate, -3)),
      policy: { name: 'Default (clinical-rules.md)' },
      endedOn: discontinuedOn === undefined ? null : day(discontinuedOn),
      discontinuationReason:
        scenario.discontinued?.reason ?? (assessment?.decision === 'DISCONTINUE' ? 'INEFFECTIVE' : null),
      doseChanges: {
        create: doseChanges.map((c) => ({
          changedOn: day(c.date),
          doseMg: c.doseMg,
          prescribedById: clinicianId,
        })),
      },
      holds: {
        create: holds.map((h) => ({
          heldOn: day(h.from),
          reason: 'OPIOID_STARTED' as const,
          stateBefore: 'AT_TARGET' as const,
          heldById: coordinatorId,
        })),
      },
      adverseEffects: scenario.adverseEffect && {
        create: {
          kind: scenario.adverseEffect.kind,
          onsetOn: day(on(scenario.adverseEffect.day)),
          severity: 'MODERATE',
          action: scenario.discontinued
            ? 'DISCONTINUED'
            : scenario.maintenanceDoseMg
              ? 'STEPPED_DOWN'
              : 'HELD_DOSE',
          recordedById: coordinatorId,
        },
      },
      assessments: assessment && {
        create: {
          assessedOn: day(on(assessment.day)),
          baselineScore: 7,
          meanScore: assessment.result.meanScore,
          relativeReduction: assessment.result.relativeReduction,
          responseClass: assessment.result.responseClass,
          decision: assessment.decision,
          discontinuationReason: assessment.decision === 'DISCONTINUE' ? 'INEFFECTIVE' : null,
          assessedById: clinicianId,
        },
      },
      warnings:
        condition === 'OTHER_CHRONIC_PAIN'
          ? {
              create: {
                action: 'TRIAL_START',
                code: 'LIMITED_EVIDENCE',
                message: 'Limited evidence for this condition.',
                evidence: [],
              },
            }
          : undefined,
    },
  });
  await tx.symptomScore.createMany({
    data: scores.map((s) => ({
      patientId,
      measure: 'PAIN_NRS' as const,
      scoredOn: day(s.date),
      score: s.score,
      recordedById: coordinatorId,
    })),
  });
  if (scenario.opioidOnDay !== undefined) {
    const drug = 'Tramadol 50 mg';
    await tx.medication.create({
      data: {
        patientId,
        ...medicationDrugColumns(drug),
        startedOn: day(on(scenario.opioidOnDay)),
        recordedById: coordinatorId,
      },
    });
  }
  if (scenario.orderState !== undefined)
    await createOrder(tx, ctx, scenario.orderState, trial.id, patientId, startDate);
}

function painOn(dayNumber: number, lastDay: number, relief: number): number {
  return Math.round(7 * (1 - relief * Math.min(1, dayNumber / Math.max(lastDay, 1))));
}

const ORDER_PATH = ['DRAFT', 'SUBMITTED', 'RECEIVED', 'COMPOUNDING', 'READY', 'DISPENSED'] as const;
type OrderState = NonNullable<Extract<Scenario, { stage: 'TRIAL' }>['orderState']>;

async function createOrder(
  tx: Tx,
  ctx: PatientContext,
  state: OrderState,
  trialId: string,
  patientId: string,
  startDate: IsoDate,
) {
  const draft = titrationPackOrder({ formulation: 'CAPSULE', schedule: { startDate } });
  const path: OrderState[] =
    state === 'REJECTED'
      ? ['DRAFT', 'SUBMITTED', 'REJECTED']
      : state === 'CANCELLED'
        ? ['DRAFT', 'SUBMITTED', 'CANCELLED']
        : state === 'ON_HOLD'
          ? ['DRAFT', 'SUBMITTED', 'RECEIVED', 'ON_HOLD']
          : ORDER_PATH.slice(0, ORDER_PATH.indexOf(state) + 1);
  const submittedOn = addDays(startDate, -2);
  const clinician = await tx.user.findUniqueOrThrow({ where: { id: ctx.clinicianId } });
  const order = await tx.order.create({
    include: { lines: true, patient: true },
    data: {
      trialId,
      patientId,
      clinicId: ctx.clinicId,
      pharmacyId: ctx.pharmacyId,
      state,
      stateBeforeHold: state === 'ON_HOLD' ? 'RECEIVED' : null,
      kind: draft.kind,
      formulation: draft.formulation,
      excipientNotes: 'Microcrystalline cellulose filler; no slow-release filler',
      payment: ctx.n % 3 === 0 ? 'INSURANCE' : 'SELF_PAY',
      delivery: ctx.n % 2 === 0 ? 'SHIP' : 'PICKUP',
      shipToLine1: ctx.n % 2 === 0 ? `${100 + ctx.n} Elm Street` : null,
      shipToCity: ctx.n % 2 === 0 ? 'Springfield' : null,
      prescriberId: clinician.id,
      prescriberName: clinician.name,
      prescriberNpi: clinician.npi ?? '',
      submittedAt: state === 'DRAFT' ? null : day(submittedOn),
      rxNumber: state === 'DRAFT' ? null : await nextRxNumber(tx, ctx.pharmacyId),
      needBy: day(draft.lines[0]?.startsOn ?? startDate),
      compoundedOn: ['READY', 'DISPENSED'].includes(state) ? day(submittedOn) : null,
      // One pharmacist compounded every order past COMPOUNDING; the other verified the dispensed
      // ones (a READY order waits for that check, as the bench shows).
      compoundedById: ['READY', 'DISPENSED'].includes(state) ? ctx.pharmacistId : null,
      compoundedAt: ['READY', 'DISPENSED'].includes(state) ? day(submittedOn) : null,
      verifiedById: state === 'DISPENSED' ? ctx.verifierId : null,
      verifiedAt: state === 'DISPENSED' ? day(submittedOn) : null,
      // The order lists its lines' lots, each strength of the pack being its own preparation.
      lotNumber: ['READY', 'DISPENSED'].includes(state)
        ? draft.lines.map((_, index) => `LDN-${toEpochDay(startDate)}-${index + 1}`).join(', ')
        : null,
      beyondUseDate: ['READY', 'DISPENSED'].includes(state) ? day(addDays(submittedOn, 180)) : null,
      // Long-running trials had a refill lately; the shorter ones show refills coming due on the worklist.
      dispensedOn:
        state === 'DISPENSED' ? day(laterOf(addDays(startDate, -1), addDays(ctx.today, -25))) : null,
      trackingNumber:
        state === 'DISPENSED' && ctx.n % 2 === 0 ? `1Z999AA1${String(ctx.n).padStart(8, '0')}` : null,
      rejectionCode: state === 'REJECTED' ? 'PRESCRIBER_NOT_VERIFIED' : null,
      rejectionReason:
        state === 'REJECTED' ? 'Prescriber NPI on file does not match the signature; please resend.' : null,
      createdById: ctx.coordinatorId,
      version: path.length,
      lines: {
        create: draft.lines.map((line, index) => ({
          sequence: index + 1,
          nightlyDoseMg: line.doseMg,
          strength: line.strength.value,
          strengthUnit: line.strength.unit,
          quantity: line.quantity,
          quantityUnit: line.quantityUnit,
          amountPerNight: line.amountPerNight,
          daysSupply: line.daysSupply,
          startsOn: line.startsOn === null ? null : day(line.startsOn),
          directions: line.directions,
          // Each strength of the pack is its own preparation with its own lot.
          lotNumber: ['READY', 'DISPENSED'].includes(state)
            ? `LDN-${toEpochDay(startDate)}-${index + 1}`
            : null,
          beyondUseDate: ['READY', 'DISPENSED'].includes(state) ? day(addDays(submittedOn, 180)) : null,
        })),
      },
      events: {
        create: path.map((to, index) => ({
          fromState: index === 0 ? null : (path[index - 1] ?? null),
          toState: to,
          actorId: ['DRAFT', 'SUBMITTED', 'CANCELLED', 'ON_HOLD'].includes(to)
            ? ctx.clinicianId
            : ctx.pharmacistId,
          reason:
            to === 'REJECTED'
              ? 'Prescriber NPI on file does not match the signature; please resend.'
              : to === 'ON_HOLD'
                ? 'Trial on hold'
                : null,
          at: day(submittedOn),
        })),
      },
    },
  });
  // Every order past DRAFT was signed by the clinician who submitted it (issue 15).
  if (order.submittedAt !== null) {
    await tx.orderSignature.create({
      data: {
        orderId: order.id,
        signerId: clinician.id,
        signerName: clinician.name,
        signerNpi: clinician.npi,
        signedAt: order.submittedAt,
        meaning: ORDER_SIGNATURE_MEANING,
        contentHash: signedOrderContentHash(order, order.lines, order.patient),
      },
    });
  }
}

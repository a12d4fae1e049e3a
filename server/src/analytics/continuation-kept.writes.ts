import { randomUUID } from 'node:crypto';
import {
  asOrganisation,
  type Condition,
  type Database,
  type DiscontinuationReason,
  Prisma,
  type PrismaClient,
  type ResponseClass,
} from '@ldn/db';
import { addDays } from '@ldn/rules';
import { dbDate } from '../graphql/scalars.ts';
import type { Clinic } from './continuation-kept.builders.ts';

// A clinic's writes to trials and their records, drawn at random from a seed, each sent as the
// clinic (row-level security's role): what the kept counts' triggers must follow. Every kind of
// change the report reads — starts (some for a patient who already has a trial), ends and reopened
// ends, trials, assessments and adverse effects entered in error, assessments tied on their date
// (one pair saved in one statement with one timestamp), a changed baseline, prescriber or
// condition, several trials ended in one statement, and rows deleted outright.

const STARTS = ['2025-11-01', '2026-01-10', '2026-01-10', '2026-03-01', '2026-05-20'];
const DURATIONS = [0, 5, 30, 90, 90, 180, 181, 200, 400];
const ASSESSED_AFTER = [28, 56, 56, 84];
const CONDITIONS: Condition[] = ['FIBROMYALGIA', 'CRPS', 'MULTIPLE_SCLEROSIS'];
const REASONS: (DiscontinuationReason | null)[] = ['INEFFECTIVE', 'ADVERSE_EFFECTS', 'PATIENT_CHOICE', null];
const CLASSES: ResponseClass[] = ['NONE', 'MINIMAL', 'MEANINGFUL', 'SUBSTANTIAL'];

/** A small seeded generator (LCG): the same writes on every run. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface MadeTrial {
  id: string;
  clinic: Clinic;
  patientId: string;
  startDate: string;
  ended: boolean;
  voided: boolean;
}

/** Makes a network's trials change at random, one write (one kind of change) a step. */
export class RandomWrites {
  private readonly trials: MadeTrial[] = [];
  private readonly random: () => number;

  constructor(
    private readonly db: Database,
    private readonly clinics: readonly Clinic[],
    seed: number,
  ) {
    this.random = seeded(seed);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)] as T;
  }

  private counted(ended?: boolean): MadeTrial | undefined {
    const among = this.trials.filter(
      (trial) => !trial.voided && (ended === undefined || trial.ended === ended),
    );
    return among.length === 0 ? undefined : this.pick(among);
  }

  /** Prisma sends a statement when it is awaited: awaited here, under the clinic's access. */
  private as<T>(trial: Pick<MadeTrial, 'clinic'>, work: (prisma: PrismaClient) => Promise<T>): Promise<T> {
    return asOrganisation(trial.clinic.access, async () => await work(this.db.prisma));
  }

  /** One random write; its name, for a failing step's message. */
  async step(): Promise<string> {
    const draw = this.random();
    const writes: [number, () => Promise<string | undefined>][] = [
      [0.3, () => this.start()],
      [0.42, () => this.end()],
      [0.47, () => this.reopen()],
      [0.52, () => this.voidTrial()],
      [0.64, () => this.assess()],
      [0.68, () => this.assessTwiceInOneStatement()],
      [0.73, () => this.voidRecord('Assessment')],
      [0.76, () => this.deleteAssessment()],
      [0.84, () => this.adverseEffect()],
      [0.88, () => this.voidRecord('AdverseEffect')],
      [0.92, () => this.changeTrial()],
      [1, () => this.endSeveral()],
    ];
    const write = writes.find(([upTo]) => draw < upTo)?.[1] ?? (() => this.start());
    return (await write()) ?? this.start();
  }

  async start(): Promise<string> {
    const again = this.trials.length > 3 && this.random() < 0.3 ? this.pick(this.trials) : undefined;
    const clinic = again?.clinic ?? this.pick(this.clinics);
    const patientId = again?.patientId ?? randomUUID();
    const trial = {
      id: randomUUID(),
      clinic,
      patientId,
      startDate: this.pick(STARTS),
      ended: false,
      voided: false,
    };
    await this.as(trial, async (prisma) => {
      if (again === undefined) {
        await prisma.patient.create({
          data: {
            id: patientId,
            clinicId: clinic.access.organisationId,
            mrn: `K-${patientId.slice(0, 8)}`,
            givenName: 'Kept',
            familyName: 'Counts',
            dateOfBirth: dbDate('1970-01-01'),
          },
        });
      }
      await prisma.trial.create({
        data: {
          id: trial.id,
          patientId,
          clinicId: clinic.access.organisationId,
          prescriberId: this.pick(clinic.prescriberIds),
          condition: this.pick(CONDITIONS),
          state: 'TITRATING',
          startDate: dbDate(trial.startDate),
          startDoseMg: 1.5,
          baselineScore: 5 + Math.floor(this.random() * 5),
          baselineScoredOn: dbDate(trial.startDate),
          policy: {},
        },
      });
    });
    this.trials.push(trial);
    return again === undefined ? 'start' : 'start for a patient with a trial';
  }

  private async end(): Promise<string | undefined> {
    const trial = this.counted(false);
    if (trial === undefined) return undefined;
    await this.as(trial, (prisma) =>
      prisma.trial.update({
        where: { id: trial.id },
        data: {
          state: 'DISCONTINUED',
          endedOn: dbDate(addDays(trial.startDate, this.pick(DURATIONS))),
          discontinuationReason: this.pick(REASONS),
        },
      }),
    );
    trial.ended = true;
    return 'end';
  }

  private async reopen(): Promise<string | undefined> {
    const trial = this.counted(true);
    if (trial === undefined) return undefined;
    await this.as(trial, (prisma) =>
      prisma.trial.update({
        where: { id: trial.id },
        data: { state: 'CONTINUING', endedOn: null, discontinuationReason: null },
      }),
    );
    trial.ended = false;
    return 'reopen';
  }

  private async voidTrial(): Promise<string | undefined> {
    const trial = this.counted();
    if (trial === undefined) return undefined;
    const by = this.pick(trial.clinic.prescriberIds);
    await this.as(trial, (prisma) =>
      prisma.trial.update({
        where: { id: trial.id },
        data: { enteredInErrorAt: new Date(), enteredInErrorById: by, enteredInErrorReason: 'Wrong patient' },
      }),
    );
    trial.voided = true;
    return 'trial entered in error';
  }

  private assessment(trial: MadeTrial, assessedOn: string) {
    return {
      id: randomUUID(),
      trialId: trial.id,
      assessedOn: dbDate(assessedOn),
      baselineScore: 7,
      meanScore: Math.floor(this.random() * 10_000) / 1_000,
      relativeReduction: 0,
      responseClass: this.pick(CLASSES),
      decision: 'CONTINUE' as const,
      assessedById: this.pick(trial.clinic.prescriberIds),
    };
  }

  private async assess(): Promise<string | undefined> {
    const trial = this.counted();
    if (trial === undefined) return undefined;
    const data = this.assessment(trial, addDays(trial.startDate, this.pick(ASSESSED_AFTER)));
    await this.as(trial, (prisma) => prisma.assessment.create({ data }));
    return 'assessment';
  }

  private async assessTwiceInOneStatement(): Promise<string | undefined> {
    const trial = this.counted();
    if (trial === undefined) return undefined;
    const on = addDays(trial.startDate, this.pick(ASSESSED_AFTER));
    const at = new Date();
    const pair = [this.assessment(trial, on), this.assessment(trial, on)].map((row) => ({
      ...row,
      createdAt: at,
    }));
    await this.as(trial, (prisma) => prisma.assessment.createMany({ data: pair }));
    return 'two assessments, one date, one timestamp';
  }

  private async someRecord(table: 'Assessment' | 'AdverseEffect') {
    const rows = await this.db.prisma.$queryRaw<{ id: string; trialId: string }[]>`
      SELECT id::text, "trialId"::text FROM ${Prisma.raw(`"${table}"`)} WHERE "enteredInErrorAt" IS NULL ORDER BY id`;
    const row = rows.length === 0 ? undefined : this.pick(rows);
    const trial = this.trials.find((made) => made.id === row?.trialId);
    return row === undefined || trial === undefined ? undefined : { id: row.id, trial };
  }

  private async voidRecord(table: 'Assessment' | 'AdverseEffect'): Promise<string | undefined> {
    const found = await this.someRecord(table);
    if (found === undefined) return undefined;
    await this.as(
      found.trial,
      (prisma) => prisma.$executeRaw`
        UPDATE ${Prisma.raw(`"${table}"`)} SET "enteredInErrorAt" = now(), "enteredInErrorReason" = 'Wrong trial'
        WHERE id = ${found.id}::uuid`,
    );
    return `${table} entered in error`;
  }

  private async deleteAssessment(): Promise<string | undefined> {
    const found = await this.someRecord('Assessment');
    if (found === undefined) return undefined;
    await this.as(found.trial, (prisma) => prisma.assessment.delete({ where: { id: found.id } }));
    return 'assessment deleted';
  }

  private async adverseEffect(): Promise<string | undefined> {
    const trial = this.counted();
    if (trial === undefined) return undefined;
    await this.as(trial, (prisma) =>
      prisma.adverseEffect.create({
        data: {
          trialId: trial.id,
          kind: 'VIVID_DREAMS',
          onsetOn: dbDate(addDays(trial.startDate, this.pick([0, 3, 60, 300]))),
          severity: 'MILD',
          action: 'NONE',
          recordedById: this.pick(trial.clinic.prescriberIds),
        },
      }),
    );
    return 'adverse effect';
  }

  private async changeTrial(): Promise<string | undefined> {
    const trial = this.counted();
    if (trial === undefined) return undefined;
    const data = this.pick([
      { baselineScore: 3 + Math.floor(this.random() * 7) },
      { prescriberId: this.pick(trial.clinic.prescriberIds) },
      { condition: this.pick(CONDITIONS) },
      { state: 'ON_HOLD' as const },
    ]);
    await this.as(trial, (prisma) => prisma.trial.update({ where: { id: trial.id }, data }));
    return `trial changed (${Object.keys(data).join()})`;
  }

  private async endSeveral(): Promise<string | undefined> {
    const trial = this.counted(false);
    if (trial === undefined) return undefined;
    const open = this.trials.filter((made) => made.clinic === trial.clinic && !made.ended && !made.voided);
    await this.as(trial, (prisma) =>
      prisma.trial.updateMany({
        where: { id: { in: open.map((made) => made.id) } },
        data: { endedOn: dbDate('2026-06-01'), discontinuationReason: 'OTHER' },
      }),
    );
    for (const made of open) made.ended = true;
    return `${open.length} trials ended in one statement`;
  }
}

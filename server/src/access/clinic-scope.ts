import type { Order, Patient, Prisma, PrismaClient, Trial } from '@ldn/db';
import type { Viewer } from '../auth/viewer.ts';
import type { Context } from '../graphql/context.ts';
import { forbidden, notFound, unauthenticated } from '../platform/errors.ts';
import { isRecordId } from './ids.ts';

type Client = PrismaClient | Prisma.TransactionClient;

/**
 * The clinic's data as one signed-in clinic user may reach it: every read and write of patients
 * and trials goes through here, filtered to the viewer's clinic. A record of another clinic is
 * NOT_FOUND, exactly like one that does not exist.
 */
export class ClinicScope {
  readonly clinicId: string;

  private constructor(
    readonly viewer: Viewer,
    private readonly prisma: PrismaClient,
  ) {
    this.clinicId = viewer.organisationId;
  }

  static of(ctx: Pick<Context, 'viewer' | 'prisma'>): ClinicScope {
    if (ctx.viewer === null) throw unauthenticated();
    if (ctx.viewer.organisationKind !== 'CLINIC') throw forbidden('use clinic records');
    return new ClinicScope(ctx.viewer, ctx.prisma);
  }

  /** Where-clause fragments that keep a query inside the clinic. */
  get patientWhere(): Prisma.PatientWhereInput {
    return { clinicId: this.clinicId };
  }

  /**
   * The clinic's trials that count: not entered in error (workflows.md, corrections). Every list,
   * rule and worklist reads trials through this, so a voided trial drops out of all of them.
   */
  get trialWhere(): Prisma.TrialWhereInput {
    return { clinicId: this.clinicId, enteredInErrorAt: null };
  }

  /** Every trial record of the clinic, those entered in error too: a patient's record lists them struck through. */
  get trialRecordWhere(): Prisma.TrialWhereInput {
    return { clinicId: this.clinicId };
  }

  /** The clinic's orders, drafts included (a pharmacy never sees those: pharmacy-scope.ts). */
  get orderWhere(): Prisma.OrderWhereInput {
    return { clinicId: this.clinicId };
  }

  async patient(id: string, client: Client = this.prisma): Promise<Patient> {
    const patient = isRecordId(id)
      ? await client.patient.findFirst({ where: { id, clinicId: this.clinicId } })
      : null;
    if (patient === null) throw notFound('Patient');
    return patient;
  }

  /** One trial by id, entered in error or not (it is still read, shown struck through). */
  async trial(id: string, client: Client = this.prisma): Promise<Trial> {
    const trial = isRecordId(id)
      ? await client.trial.findFirst({ where: { id, ...this.trialRecordWhere } })
      : null;
    if (trial === null) throw notFound('Trial');
    return trial;
  }

  /**
   * One trial by id, share-locked until the transaction ends, for a write that adds to the trial
   * without changing its row (a new order): a void or other change of the trial waits for this
   * transaction to commit, then sees what it added; one that committed first is seen here.
   */
  async lockedTrial(id: string, tx: Prisma.TransactionClient): Promise<Trial> {
    if (isRecordId(id))
      await tx.$queryRaw`SELECT 1 FROM "Trial" WHERE id = ${id}::uuid AND "clinicId" = ${this.clinicId}::uuid FOR SHARE`;
    return this.trial(id, tx);
  }

  async order(id: string, client: Client = this.prisma): Promise<Order> {
    const order = isRecordId(id) ? await client.order.findFirst({ where: { id, ...this.orderWhere } }) : null;
    if (order === null) throw notFound('Order');
    return order;
  }

  /** One transaction for a change: it applies fully or not at all. */
  transaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { maxWait: 5_000, timeout: 15_000 });
  }
}

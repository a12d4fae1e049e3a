import type { AdverseEffect, Medication, Order, Patient, PriorTherapy, Prisma, Trial } from '@ldn/db';
import { orderablePharmacies } from '../orders/orderable-pharmacies.ts';
import { afterCursor, cursorOf, PATIENT_ORDER, searchWhere } from '../patients/patient-search.ts';
import { type Page, pageOf } from '../platform/cursor.ts';
import { foundRecord, isRecordId } from './ids.ts';
import { type Client, ViewerRepository, viewerGated } from './repository.ts';

/**
 * The clinic's data as one signed-in clinic user may reach it: every read and write of patients
 * and trials goes through here, filtered to the viewer's clinic. A record of another clinic is
 * NOT_FOUND, exactly like one that does not exist.
 */
export class ClinicRepository extends ViewerRepository {
  /** The clinic of the viewer; anyone else is refused before a record is read. */
  static readonly for = viewerGated(
    { kind: 'CLINIC', refusal: 'use clinic records' },
    (...request) => new ClinicRepository(...request),
  );

  readonly clinicId = this.viewer.organisationId;

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

  /** The clinic's orders, drafts included (a pharmacy never sees those: pharmacy-repository.ts). */
  get orderWhere(): Prisma.OrderWhereInput {
    return { clinicId: this.clinicId };
  }

  patient(id: string, client: Client = this.prisma): Promise<Patient> {
    return foundRecord('Patient', id, () =>
      client.patient.findFirst({ where: { id, clinicId: this.clinicId } }),
    );
  }

  /** One trial by id, entered in error or not (it is still read, shown struck through). */
  trial(id: string, client: Client = this.prisma): Promise<Trial> {
    return foundRecord('Trial', id, () =>
      client.trial.findFirst({ where: { id, ...this.trialRecordWhere } }),
    );
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

  order(id: string, client: Client = this.prisma): Promise<Order> {
    return foundRecord('Order', id, () => client.order.findFirst({ where: { id, ...this.orderWhere } }));
  }

  /** A medication of one of the clinic's patients, with the patient; any other id is NOT_FOUND. */
  medication(id: string, client: Client = this.prisma): Promise<Medication & { patient: Patient }> {
    return foundRecord('Medication', id, () =>
      client.medication.findFirst({ where: { id, patient: this.patientWhere }, include: { patient: true } }),
    );
  }

  /** A prior therapy of one of the clinic's patients; any other id is NOT_FOUND. */
  priorTherapy(id: string, client: Client = this.prisma): Promise<PriorTherapy> {
    return foundRecord('PriorTherapy', id, () =>
      client.priorTherapy.findFirst({ where: { id, patient: this.patientWhere } }),
    );
  }

  /** A side effect recorded on one of the clinic's trials (entered in error or not); else NOT_FOUND. */
  adverseEffect(id: string, client: Client = this.prisma): Promise<AdverseEffect> {
    return foundRecord('AdverseEffect', id, () =>
      client.adverseEffect.findFirst({ where: { id, trial: this.trialRecordWhere } }),
    );
  }

  /** The active pharmacies the clinic may send orders to, and its default (order-prescription.ts). */
  orderablePharmacies(): ReturnType<typeof orderablePharmacies> {
    return orderablePharmacies(this.prisma, this.clinicId);
  }

  /**
   * A page of the clinic's patients matching `search`, in PATIENT_ORDER after the cursor, with its
   * one LIST audit row; `countAll` counts the whole match when asked.
   */
  async patientsPage(
    search: string | null | undefined,
    first: number,
    after: string | null,
  ): Promise<Page<Patient> & { countAll: () => Promise<number> }> {
    const match: Prisma.PatientWhereInput = { AND: [this.patientWhere, searchWhere(search)] };
    const rows = await this.prisma.patient.findMany({
      where: after === null ? match : { AND: [match, afterCursor(after)] },
      orderBy: PATIENT_ORDER,
      take: first + 1,
    });
    const page = pageOf(rows, first, cursorOf);
    await this.auditListed(
      'Patient',
      page.edges.map((edge) => edge.node.id),
    );
    return { ...page, countAll: () => this.prisma.patient.count({ where: match }) };
  }
}

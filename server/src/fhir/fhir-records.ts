import type {
  AdverseEffect,
  Consent,
  DoseChange,
  Medication,
  Order,
  OrderLine,
  Organisation,
  Patient,
  PriorTherapy,
  Prisma,
  PrismaClient,
  SymptomScore,
  Trial,
  User,
} from '@ldn/db';
import { isRecordId } from '../access/ids.ts';
import { Loaders } from '../access/loaders.ts';
import { Repository } from '../access/repository.ts';
import type { AuditContext } from '../audit/audit.ts';
import type { Viewer } from '../auth/viewer.ts';
import { fhirForbidden, fhirUnauthenticated } from './fhir-errors.ts';

/** Whose records are read: a signed-in person's organisation, or an API token's. */
export type Reader = Pick<Viewer, 'organisationId' | 'organisationKind'>;

/** Which records a read asks for: one by id, or a patient's. */
export type RecordFilter = { id: string } | { patientId: string };

export type TrialWithDoses = Trial & { doseChanges: DoseChange[] };
export type OrderLineWithOrder = OrderLine & { order: Order };

/** The orders a pharmacy reaches: addressed to it, never drafts (as pharmacy-repository.ts). */
const pharmacyOrders = (pharmacyId: string): Prisma.OrderWhereInput => ({
  pharmacyId,
  state: { not: 'DRAFT' },
});

/**
 * The FHIR API's repository (access/repository.ts, like the GraphQL side's): every read of the API,
 * scoped to the viewer's organisation in one place, and its audit rows: a clinic's people
 * reach the clinic's records; a pharmacist only what the pharmacy's orders need (the patient's
 * identity, the order lines and their dispensing); an administrator no patient data. A record out
 * of reach is simply not found, exactly like one that does not exist.
 */
export class FhirRecords extends Repository {
  private constructor(
    readonly viewer: Reader,
    prisma: PrismaClient,
    auditContext: AuditContext,
  ) {
    super(prisma, new Loaders(prisma), auditContext);
  }

  /** The repository of one FHIR request, for a person's session or an organisation's token. */
  static of(viewer: Reader | null, prisma: PrismaClient, auditContext: AuditContext): FhirRecords {
    if (viewer === null) throw fhirUnauthenticated();
    if (viewer.organisationKind === 'NETWORK') throw fhirForbidden('patient records');
    return new FhirRecords(viewer, prisma, auditContext);
  }

  get isPharmacy(): boolean {
    return this.viewer.organisationKind === 'PHARMACY';
  }

  /** Clinic-only records (histories, scores, trials): a pharmacist is refused them. */
  private clinicId(what: string): string {
    if (this.isPharmacy) throw fhirForbidden(what);
    return this.viewer.organisationId;
  }

  private orderWhere(): Prisma.OrderWhereInput {
    return this.isPharmacy
      ? pharmacyOrders(this.viewer.organisationId)
      : { clinicId: this.viewer.organisationId };
  }

  /** A filter with an id that is no UUID cannot name a record (and must not reach SQL as one). */
  private static reachable(filter: RecordFilter): boolean {
    return isRecordId('id' in filter ? filter.id : filter.patientId);
  }

  private static byPatient(filter: RecordFilter): { id?: string; patientId?: string } {
    return 'id' in filter ? { id: filter.id } : { patientId: filter.patientId };
  }

  async patients(filter: RecordFilter): Promise<Patient[]> {
    if (!FhirRecords.reachable(filter)) return [];
    const id = 'id' in filter ? filter.id : filter.patientId;
    const where: Prisma.PatientWhereInput = this.isPharmacy
      ? { id, orders: { some: this.orderWhere() } }
      : { id, clinicId: this.viewer.organisationId };
    return this.prisma.patient.findMany({ where });
  }

  /** A patient's trials (the indication of each, and its titration plan), those voided too. */
  async trials(filter: RecordFilter, what: string): Promise<TrialWithDoses[]> {
    const clinicId = this.clinicId(what);
    if (!FhirRecords.reachable(filter)) return [];
    return this.prisma.trial.findMany({
      where: { clinicId, ...FhirRecords.byPatient(filter) },
      include: { doseChanges: { orderBy: { changedOn: 'asc' } } },
      orderBy: { startDate: 'asc' },
    });
  }

  async scores(filter: RecordFilter): Promise<SymptomScore[]> {
    const clinicId = this.clinicId('observations');
    if (!FhirRecords.reachable(filter)) return [];
    return this.prisma.symptomScore.findMany({
      where: { patient: { clinicId }, ...FhirRecords.byPatient(filter) },
      orderBy: [{ scoredOn: 'asc' }, { measure: 'asc' }],
    });
  }

  async medications(filter: RecordFilter): Promise<Medication[]> {
    const clinicId = this.clinicId('medication statements');
    if (!FhirRecords.reachable(filter)) return [];
    return this.prisma.medication.findMany({
      where: { patient: { clinicId }, ...FhirRecords.byPatient(filter) },
      orderBy: { createdAt: 'asc' },
    });
  }

  async priorTherapies(filter: RecordFilter): Promise<PriorTherapy[]> {
    const clinicId = this.clinicId('medication statements');
    if (!FhirRecords.reachable(filter)) return [];
    return this.prisma.priorTherapy.findMany({
      where: { patient: { clinicId }, ...FhirRecords.byPatient(filter) },
      orderBy: { createdAt: 'asc' },
    });
  }

  async consents(filter: RecordFilter): Promise<Consent[]> {
    const clinicId = this.clinicId('consents');
    if (!FhirRecords.reachable(filter)) return [];
    return this.prisma.consent.findMany({
      where: { patient: { clinicId }, ...FhirRecords.byPatient(filter) },
      orderBy: { recordedOn: 'asc' },
    });
  }

  /** Adverse effects that count: R4's AdverseEvent has no status to mark one entered in error. */
  async adverseEffects(filter: RecordFilter): Promise<(AdverseEffect & { trial: Trial })[]> {
    const clinicId = this.clinicId('adverse events');
    if (!FhirRecords.reachable(filter)) return [];
    const trial: Prisma.TrialWhereInput =
      'id' in filter ? { clinicId } : { clinicId, patientId: filter.patientId };
    return this.prisma.adverseEffect.findMany({
      where: { enteredInErrorAt: null, trial, ...('id' in filter ? { id: filter.id } : {}) },
      include: { trial: true },
      orderBy: { onsetOn: 'asc' },
    });
  }

  /** Order lines (one MedicationRequest each), a pharmacy's only from orders sent to it. */
  async orderLines(filter: RecordFilter, { dispensed = false } = {}): Promise<OrderLineWithOrder[]> {
    if (!FhirRecords.reachable(filter)) return [];
    const order: Prisma.OrderWhereInput = {
      ...this.orderWhere(),
      ...('patientId' in filter ? { patientId: filter.patientId } : {}),
      // A preparation is dispensed once the pharmacy recorded its lot: ready, then handed over.
      ...(dispensed ? { state: { in: ['READY', 'DISPENSED'] } } : {}),
    };
    return this.prisma.orderLine.findMany({
      where: {
        order,
        ...('id' in filter ? { id: filter.id } : {}),
        ...(dispensed ? { lotNumber: { not: null } } : {}),
      },
      include: { order: true },
      orderBy: [{ order: { createdAt: 'asc' } }, { sequence: 'asc' }],
    });
  }

  /**
   * People as practitioners: those of the viewer's organisation, and for a pharmacy the
   * prescribers of the orders sent to it (a prescription names its prescriber).
   */
  async practitioner(id: string): Promise<User | null> {
    if (!isRecordId(id)) return null;
    const prescribing = this.isPharmacy
      ? [{ id, organisation: { clinicOrders: { some: { ...this.orderWhere(), prescriberId: id } } } }]
      : [];
    return this.prisma.user.findFirst({
      where: { id, OR: [{ organisationId: this.viewer.organisationId }, ...prescribing] },
    });
  }

  /** The viewer's organisation, a clinic's allowed pharmacies, a pharmacy's ordering clinics. */
  async organization(id: string): Promise<Organisation | null> {
    if (!isRecordId(id)) return null;
    const partner: Prisma.OrganisationWhereInput = this.isPharmacy
      ? { clinicOrders: { some: this.orderWhere() } }
      : { allowedClinics: { some: { clinicId: this.viewer.organisationId } } };
    return this.prisma.organisation.findFirst({
      where: { id, OR: [{ id: this.viewer.organisationId }, partner] },
    });
  }
}

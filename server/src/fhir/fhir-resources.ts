import type { IsoDate } from '@ldn/rules';
import type { Resource } from '@medplum/fhirtypes';
import type { FhirRecords, RecordFilter } from './fhir-records.ts';
import { adverseEventResource } from './resources/adverse-event.ts';
import { carePlanResource } from './resources/care-plan.ts';
import { conditionResource } from './resources/condition.ts';
import { consentResource } from './resources/consent.ts';
import { medicationDispenseResource } from './resources/medication-dispense.ts';
import { medicationRequestResource } from './resources/medication-request.ts';
import { currentMedicationStatement, priorTherapyStatement } from './resources/medication-statement.ts';
import { observationResource } from './resources/observation.ts';
import { patientResource } from './resources/patient.ts';

/** A resource with the record of ours the audit log names it by (entity and id). */
export interface Found {
  resource: Resource;
  audited: { entity: string; id: string };
}

/** What a read needs besides the records: the clinic's "today" (a plan's past and future steps). */
export interface ReadContext {
  records: FhirRecords;
  today: IsoDate;
}

type Finder = (ctx: ReadContext, filter: RecordFilter) => Promise<Found[]>;

/** Patients: the whole record's identity for the clinic, what an order needs for a pharmacy. */
export const findPatients: Finder = async ({ records }, filter) =>
  (await records.patients(filter)).map((row) => ({
    resource: patientResource(row, records.isPharmacy ? 'PHARMACY' : 'CLINIC'),
    audited: { entity: 'Patient', id: row.id },
  }));

/**
 * The patient's resource types: each found by id or by patient through the scoped records, mapped
 * by its module in resources/. Order: the order of a patient's $everything.
 */
export const PATIENT_RESOURCES: Readonly<Record<string, Finder>> = {
  Patient: (ctx, filter) => findPatients(ctx, filter),
  Condition: async ({ records }, filter) =>
    (await records.trials(filter, 'conditions')).map((trial) => ({
      resource: conditionResource(trial),
      audited: { entity: 'Trial', id: trial.id },
    })),
  CarePlan: async ({ records, today }, filter) =>
    (await records.trials(filter, 'care plans')).map((trial) => ({
      resource: carePlanResource(trial, today),
      audited: { entity: 'Trial', id: trial.id },
    })),
  Observation: async ({ records }, filter) =>
    (await records.scores(filter)).map((score) => ({
      resource: observationResource(score),
      audited: { entity: 'SymptomScore', id: score.id },
    })),
  MedicationStatement: async ({ records }, filter) => {
    const [medications, priorTherapies] = await Promise.all([
      records.medications(filter),
      records.priorTherapies(filter),
    ]);
    return [
      ...priorTherapies.map((row) => ({
        resource: priorTherapyStatement(row),
        audited: { entity: 'PriorTherapy', id: row.id },
      })),
      ...medications.map((row) => ({
        resource: currentMedicationStatement(row),
        audited: { entity: 'Medication', id: row.id },
      })),
    ];
  },
  MedicationRequest: async ({ records }, filter) =>
    (await records.orderLines(filter)).map((line) => ({
      resource: medicationRequestResource(line),
      audited: { entity: 'Order', id: line.orderId },
    })),
  MedicationDispense: async ({ records }, filter) =>
    (await records.orderLines(filter, { dispensed: true })).map((line) => ({
      resource: medicationDispenseResource(line),
      audited: { entity: 'Order', id: line.orderId },
    })),
  AdverseEvent: async ({ records }, filter) =>
    (await records.adverseEffects(filter)).map((effect) => ({
      resource: adverseEventResource(effect),
      audited: { entity: 'AdverseEffect', id: effect.id },
    })),
  Consent: async ({ records }, filter) =>
    (await records.consents(filter)).map((row) => ({
      resource: consentResource(row, records.viewer.organisationId),
      audited: { entity: 'Consent', id: row.id },
    })),
};

/** What a pharmacist may read of a patient's record: what the pharmacy's orders need. */
export const PHARMACY_RESOURCES: readonly string[] = ['Patient', 'MedicationRequest', 'MedicationDispense'];

/** The types read by id only: people and organisations, which are not patient data. */
export const DIRECTORY_RESOURCES = ['Practitioner', 'Organization'] as const;

import type { Repositories } from '../access/repositories.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Change } from './change.type.ts';
import type { Audience } from './change-stream.ts';
import type { DatabaseChange } from './database-change.ts';

/** The records that make up an order: all a pharmacy may hear of. */
const ORDER_RECORDS: ReadonlySet<string> = new Set(['Order', 'OrderLine', 'OrderEvent']);

const clinicView = (change: DatabaseChange): Change => ({
  entity: change.entity,
  id: change.id,
  patientId: change.patientId ?? null,
  trialId: change.trialId ?? null,
  orderId: change.orderId ?? null,
});

// A pharmacy reaches an order and the patient details on it (OrderPatient), never the patient's
// record or trial, so it is not told their ids.
const pharmacyView = (change: DatabaseChange): Change => ({
  entity: change.entity,
  id: change.id,
  patientId: null,
  trialId: null,
  orderId: change.orderId ?? null,
});

/**
 * What `viewer` hears: the same reach as their queries, through the same scopes. A clinic user
 * hears the clinic's patients, trials and orders (drafts included); a pharmacist the orders
 * addressed to the pharmacy once sent (the database names the pharmacy only then); an
 * administrator no clinical record (administration reads none: admin-repository.ts).
 */
export function audienceOf(repositories: Repositories, viewer: Viewer): Audience {
  switch (viewer.organisationKind) {
    case 'CLINIC': {
      const { clinicId } = repositories.clinic();
      return (change) => (change.clinicId === clinicId ? clinicView(change) : null);
    }
    case 'PHARMACY': {
      const { pharmacyId } = repositories.pharmacy();
      return (change) =>
        ORDER_RECORDS.has(change.entity) && change.pharmacyId === pharmacyId ? pharmacyView(change) : null;
    }
    default:
      return () => null;
  }
}

import type { Organisation, OrganisationKind, Prisma } from '@ldn/db';
import type { OrganisationType } from '../auth/auth.types.ts';
import { badInput, conflict, notFound } from '../platform/errors.ts';
import type { CreateOrganisationInput, OrganisationDetails } from './organisation.inputs.ts';
import type { ManagedOrganisationType } from './organisation.types.ts';

type Tx = Prisma.TransactionClient;

export const ORGANISATION_INCLUDE = {
  defaultPharmacy: true,
  allowedPharmacies: { include: { pharmacy: true } },
} satisfies Prisma.OrganisationInclude;

type OrganisationRow = Prisma.OrganisationGetPayload<{ include: typeof ORGANISATION_INCLUDE }>;

const brief = ({ id, name, kind }: Organisation): OrganisationType => ({ id, name, kind });

/** The row as the API shows it; `version` is the last change's time (Organisation has no counter). */
export function managedOrganisation(row: OrganisationRow): ManagedOrganisationType {
  const { defaultPharmacy, allowedPharmacies, updatedAt, ...fields } = row;
  return {
    ...fields,
    defaultPharmacy: defaultPharmacy === null ? null : brief(defaultPharmacy),
    allowedPharmacies: allowedPharmacies
      .map((link) => brief(link.pharmacy))
      .sort((a, b) => a.name.localeCompare(b.name)),
    version: updatedAt.toISOString(),
  };
}

const CONTACT_FIELDS = ['addressLine1', 'addressLine2', 'city', 'region', 'postalCode', 'phone'] as const;

/** Blank text is stored as empty (null), so "has a phone" means a phone was given. */
const textOrNull = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** Contact fields to write: a field left out stays, null or blank empties it. */
function contactData(
  input: OrganisationDetails,
): Partial<Record<(typeof CONTACT_FIELDS)[number], string | null>> {
  const data: Partial<Record<(typeof CONTACT_FIELDS)[number], string | null>> = {};
  for (const field of CONTACT_FIELDS) {
    if (input[field] !== undefined) data[field] = textOrNull(input[field]);
  }
  return data;
}

/** A pharmacy's licence number: required for a pharmacy, refused for anyone else. */
function licenceData(kind: OrganisationKind, input: OrganisationDetails, creating: boolean) {
  const given = input.licenceNumber;
  if (kind !== 'PHARMACY') {
    if (textOrNull(given) !== null) throw badInput('licenceNumber', 'Only pharmacies have a licence number.');
    return {};
  }
  if (given === undefined && !creating) return {};
  const licenceNumber = textOrNull(given);
  if (licenceNumber === null)
    throw badInput('licenceNumber', "Enter the pharmacy's state board licence number.");
  return { licenceNumber };
}

interface PharmacyChoice {
  defaultPharmacyId: string | null;
  allowedPharmacyIds: string[];
}

/**
 * A clinic's pharmacies after the change, checked: every one is a pharmacy, and the default is
 * one of the allowed (the order's pharmacy check relies on it). Null when the change leaves them be.
 */
async function pharmacyChoice(
  tx: Tx,
  kind: OrganisationKind,
  input: OrganisationDetails,
  current: PharmacyChoice,
): Promise<PharmacyChoice | null> {
  const { defaultPharmacyId, allowedPharmacyIds } = input;
  if (defaultPharmacyId === undefined && allowedPharmacyIds === undefined) return null;
  if (kind !== 'CLINIC') {
    if (defaultPharmacyId != null) throw badInput('defaultPharmacyId', 'Only clinics have pharmacies.');
    if ((allowedPharmacyIds ?? []).length > 0) {
      throw badInput('allowedPharmacyIds', 'Only clinics have pharmacies.');
    }
    return null;
  }
  const allowed =
    allowedPharmacyIds === undefined ? current.allowedPharmacyIds : [...new Set(allowedPharmacyIds ?? [])];
  const chosenDefault = defaultPharmacyId === undefined ? current.defaultPharmacyId : defaultPharmacyId;
  const pharmacies = await tx.organisation.count({ where: { id: { in: allowed }, kind: 'PHARMACY' } });
  if (pharmacies !== allowed.length) {
    throw badInput('allowedPharmacyIds', 'Only pharmacies can be chosen; one of these is not a pharmacy.');
  }
  if (chosenDefault !== null && !allowed.includes(chosenDefault)) {
    throw badInput('defaultPharmacyId', 'The default pharmacy must be one of the allowed pharmacies.');
  }
  return { defaultPharmacyId: chosenDefault, allowedPharmacyIds: allowed };
}

/** Creates a clinic or pharmacy with its details and (clinics) pharmacies. */
export async function createOrganisation(
  tx: Tx,
  input: CreateOrganisationInput,
): Promise<ManagedOrganisationType> {
  if (input.kind === 'NETWORK') {
    throw badInput('kind', 'Create clinics and pharmacies here; the network administration already exists.');
  }
  const pharmacies = await pharmacyChoice(tx, input.kind, input, {
    defaultPharmacyId: null,
    allowedPharmacyIds: [],
  });
  const created = await tx.organisation.create({
    data: {
      kind: input.kind,
      name: input.name.trim(),
      ...contactData(input),
      ...licenceData(input.kind, input, true),
      defaultPharmacyId: pharmacies?.defaultPharmacyId ?? null,
      allowedPharmacies: {
        create: (pharmacies?.allowedPharmacyIds ?? []).map((pharmacyId) => ({ pharmacyId })),
      },
    },
    include: ORGANISATION_INCLUDE,
  });
  return managedOrganisation(created);
}

/**
 * Changes an organisation if it is still at the version read (or at `version`, when the caller
 * passes the one it showed): a conditional update, so two administrators cannot both win.
 */
export async function updateOrganisation(
  tx: Tx,
  id: string,
  version: string | undefined,
  input: OrganisationDetails,
): Promise<ManagedOrganisationType> {
  const current = await tx.organisation.findUnique({ where: { id }, include: ORGANISATION_INCLUDE });
  if (current === null) throw notFound('Organisation');
  if (version !== undefined && version !== current.updatedAt.toISOString()) throw conflict();
  const pharmacies = await pharmacyChoice(tx, current.kind, input, {
    defaultPharmacyId: current.defaultPharmacyId,
    allowedPharmacyIds: current.allowedPharmacies.map((link) => link.pharmacyId),
  });
  // The version must move on every change, even two in the same millisecond.
  const nextVersion = new Date(Math.max(Date.now(), current.updatedAt.getTime() + 1));
  const { count } = await tx.organisation.updateMany({
    where: { id, updatedAt: current.updatedAt },
    data: {
      ...(input.name === undefined ? {} : { name: input.name.trim() }),
      ...contactData(input),
      ...licenceData(current.kind, input, false),
      ...(pharmacies === null ? {} : { defaultPharmacyId: pharmacies.defaultPharmacyId }),
      updatedAt: nextVersion,
    },
  });
  if (count !== 1) throw conflict();
  if (pharmacies !== null) {
    // Links that stay keep their row (and its createdAt); only the difference is written.
    const before = new Set(current.allowedPharmacies.map((link) => link.pharmacyId));
    await tx.clinicPharmacy.deleteMany({
      where: { clinicId: id, pharmacyId: { notIn: pharmacies.allowedPharmacyIds } },
    });
    await tx.clinicPharmacy.createMany({
      data: pharmacies.allowedPharmacyIds
        .filter((pharmacyId) => !before.has(pharmacyId))
        .map((pharmacyId) => ({ clinicId: id, pharmacyId })),
    });
  }
  return managedOrganisation(
    await tx.organisation.findUniqueOrThrow({ where: { id }, include: ORGANISATION_INCLUDE }),
  );
}

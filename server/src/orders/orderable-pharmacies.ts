import type { Client } from '../access/repository.ts';

/**
 * The pharmacies a clinic may send orders to: its default and its allowed ones, each only while it
 * is an active pharmacy (an administrator may have closed it); by name.
 */
export async function orderablePharmacies(
  client: Client,
  clinicId: string,
): Promise<{
  defaultPharmacyId: string | null;
  pharmacies: { id: string; name: string; city: string | null; phone: string | null }[];
}> {
  const clinic = await client.organisation.findUniqueOrThrow({
    where: { id: clinicId },
    select: { defaultPharmacyId: true, allowedPharmacies: { select: { pharmacyId: true } } },
  });
  const ids = new Set(clinic.allowedPharmacies.map((allowed) => allowed.pharmacyId));
  if (clinic.defaultPharmacyId !== null) ids.add(clinic.defaultPharmacyId);
  const pharmacies = await client.organisation.findMany({
    where: { id: { in: [...ids] }, kind: 'PHARMACY', active: true },
    select: { id: true, name: true, city: true, phone: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  return { defaultPharmacyId: clinic.defaultPharmacyId, pharmacies };
}

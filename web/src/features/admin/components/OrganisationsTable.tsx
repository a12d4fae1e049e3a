import { EmptyState } from '../../../components/ui/QueryState.tsx';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import type { ManagedOrganisation } from '../api/managed-organisations.ts';
import { addressLine, type EditableKind } from '../organisation-values.ts';

/** The clinics or the pharmacies, each with an Edit button. */
export function OrganisationsTable({
  kind,
  organisations,
  editingId,
  onEdit,
}: {
  kind: EditableKind;
  organisations: readonly ManagedOrganisation[];
  editingId: string | null;
  onEdit: (organisation: ManagedOrganisation) => void;
}) {
  const label = kind === 'CLINIC' ? 'Clinic list' : 'Pharmacy list';
  if (organisations.length === 0) {
    return <EmptyState>{kind === 'CLINIC' ? 'No clinics yet.' : 'No pharmacies yet.'}</EmptyState>;
  }
  return (
    <ScrollArea label={label}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Address</th>
            <th scope="col">Phone</th>
            {kind === 'PHARMACY' ? (
              <th scope="col">Licence number</th>
            ) : (
              <>
                <th scope="col">Default pharmacy</th>
                <th scope="col">Allowed pharmacies</th>
              </>
            )}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((organisation) => (
            <tr key={organisation.id}>
              <th scope="row">{organisation.name}</th>
              <td>{addressLine(organisation)}</td>
              <td>{organisation.phone ?? '—'}</td>
              {kind === 'PHARMACY' ? (
                <td>{organisation.licenceNumber ?? '—'}</td>
              ) : (
                <>
                  <td>{organisation.defaultPharmacy?.name ?? 'None'}</td>
                  <td>
                    {organisation.allowedPharmacies.length === 0
                      ? 'None'
                      : organisation.allowedPharmacies.map((pharmacy) => pharmacy.name).join(', ')}
                  </td>
                </>
              )}
              <td>
                <button
                  type="button"
                  className="button-secondary"
                  aria-expanded={editingId === organisation.id}
                  onClick={() => onEdit(organisation)}
                >
                  Edit<span className="visually-hidden"> {organisation.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}

import { type ReactNode, useEffect, useRef, useState } from 'react';
import { PageHeader, Section } from '../../../components/ui/Page.tsx';
import { QueryState } from '../../../components/ui/QueryState.tsx';
import { type ManagedOrganisation, useManagedOrganisations } from '../api/managed-organisations.ts';
import type { EditableKind } from '../organisation-values.ts';
import { CreateOrganisationForm } from './CreateOrganisationForm.tsx';
import { EditOrganisationForm } from './EditOrganisationForm.tsx';
import { OrganisationsTable } from './OrganisationsTable.tsx';

const isEditable = (
  organisation: ManagedOrganisation,
): organisation is ManagedOrganisation & {
  kind: EditableKind;
} => organisation.kind === 'CLINIC' || organisation.kind === 'PHARMACY';

/** The administrator's clinics and compounding pharmacies: adding one, editing one. */
export function OrganisationsPage() {
  const [result, refetch] = useManagedOrganisations();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [conflicted, setConflicted] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const startEditing = (organisation: ManagedOrganisation) => {
    setEditingId(organisation.id);
    setConflicted(false);
    setSaved(null);
  };
  const stopEditing = (message: string | null) => {
    setEditingId(null);
    setConflicted(false);
    setSaved(message);
  };

  return (
    <>
      <PageHeader title="Organisations" subtitle="The clinics and compounding pharmacies of the network." />
      <QueryState
        result={result}
        loadingLabel="Loading organisations…"
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        {({ organisations }) => {
          const editable = organisations.filter(isEditable);
          const clinics = editable.filter((organisation) => organisation.kind === 'CLINIC');
          const pharmacies = editable.filter((organisation) => organisation.kind === 'PHARMACY');
          const editing = editable.find((organisation) => organisation.id === editingId);
          return (
            <>
              <output className="block" aria-live="polite">
                {saved}
              </output>
              {editing !== undefined && (
                <EditSection key={editing.id} title={`Edit ${editing.name}`}>
                  {conflicted && (
                    <div className="notice notice-error" role="alert">
                      <p>
                        Someone else changed this organisation; it has been reloaded with their changes. Check
                        it and make your change again.
                      </p>
                    </div>
                  )}
                  <EditOrganisationForm
                    key={editing.version}
                    organisation={editing}
                    pharmacies={pharmacies}
                    onSaved={(name) => stopEditing(`${name} is saved.`)}
                    onConflict={() => {
                      setConflicted(true);
                      refetch({ requestPolicy: 'network-only' });
                    }}
                    onCancel={() => stopEditing(null)}
                  />
                </EditSection>
              )}
              <Section title="Add a clinic or pharmacy">
                <CreateOrganisationForm pharmacies={pharmacies} />
              </Section>
              <Section title="Pharmacies">
                <OrganisationsTable
                  kind="PHARMACY"
                  organisations={pharmacies}
                  editingId={editingId}
                  onEdit={startEditing}
                />
              </Section>
              <Section title="Clinics">
                <OrganisationsTable
                  kind="CLINIC"
                  organisations={clinics}
                  editingId={editingId}
                  onEdit={startEditing}
                />
              </Section>
            </>
          );
        }}
      </QueryState>
    </>
  );
}

/** The editor's section; its heading takes focus when it opens, so keyboard users land in it. */
function EditSection({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView?.({ block: 'start' });
  }, []);
  return (
    <section className="section" aria-labelledby="edit-organisation-heading">
      {/* biome-ignore lint/correctness/useUniqueElementIds: one editor at a time */}
      <h2 id="edit-organisation-heading" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

import { type FormEvent, useEffect, useId, useState } from 'react';
import { PageHeader } from '../../../components/ui/Page.tsx';
import { EmptyState, QueryState } from '../../../components/ui/QueryState.tsx';
import { formatDate, patientName } from '../../../lib/format.ts';
import { Link, useNavigate, useSearchParam } from '../../../lib/router.tsx';
import { usePatients } from '../api/patients.ts';

/** Search the clinic's patients; the search lives in the address so it can be shared and kept. */
export function PatientsPage() {
  const search = useSearchParam('q') ?? '';
  const navigate = useNavigate();
  const fieldId = useId();
  const [draft, setDraft] = useState(search);
  // Back and forward change the search: the field follows.
  useEffect(() => setDraft(search), [search]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = draft.trim();
    navigate(query === '' ? '/patients' : `/patients?q=${encodeURIComponent(query)}`);
  };

  return (
    <>
      <PageHeader
        title="Patients"
        actions={
          <Link to="/patients/new" className="patient-action-link">
            Register patient
          </Link>
        }
      />
      <search>
        <form className="search-form" onSubmit={onSubmit}>
          <div className="field">
            <label htmlFor={`${fieldId}-search`}>Search patients</label>
            <input
              id={`${fieldId}-search`}
              type="search"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              aria-describedby={`${fieldId}-hint`}
            />
            <p id={`${fieldId}-hint`} className="hint">
              Name, date of birth (YYYY-MM-DD) or the start of an MRN.
            </p>
          </div>
          <button type="submit">Search</button>
        </form>
      </search>
      <PatientResults key={search} search={search} />
    </>
  );
}

/** The first page of results, then each page asked for with "Show more" (a new search starts over). */
function PatientResults({ search }: { search: string }) {
  // Pages after the first, by the cursor they start after.
  const [cursors, setCursors] = useState<string[]>([]);
  return (
    <>
      <PatientResultsPage
        search={search}
        after={null}
        isLast={cursors.length === 0}
        onMore={(cursor) => setCursors([cursor])}
      />
      {cursors.map((cursor, index) => (
        <PatientResultsPage
          key={cursor}
          search={search}
          after={cursor}
          isLast={index === cursors.length - 1}
          onMore={(next) => setCursors((previous) => [...previous, next])}
        />
      ))}
    </>
  );
}

function PatientResultsPage({
  search,
  after,
  isLast,
  onMore,
}: {
  search: string;
  after: string | null;
  isLast: boolean;
  onMore: (cursor: string) => void;
}) {
  const [result, refetch] = usePatients(search, after);
  return (
    <QueryState
      result={result}
      loadingLabel="Loading patients…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {({ patients }) => (
        <>
          {after === null &&
            (patients.totalCount === 0 ? (
              <EmptyState>
                {search === '' ? 'No patients registered yet.' : `No patient matches “${search}”.`}
              </EmptyState>
            ) : (
              <output className="muted block">
                {patients.totalCount} {patients.totalCount === 1 ? 'patient' : 'patients'}
                {search === '' ? '' : ` matching “${search}”`}
              </output>
            ))}
          {patients.edges.length > 0 && (
            <table className="table">
              {after === null && <caption className="visually-hidden">Patients</caption>}
              <thead className={after === null ? undefined : 'visually-hidden'}>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Date of birth</th>
                  <th scope="col">MRN</th>
                </tr>
              </thead>
              <tbody>
                {patients.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td>
                      <Link to={`/patients/${node.id}`}>{patientName(node)}</Link>
                    </td>
                    <td>{formatDate(node.dateOfBirth)}</td>
                    <td>{node.mrn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {isLast && patients.pageInfo.hasNextPage && patients.pageInfo.endCursor !== null && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => onMore(patients.pageInfo.endCursor as string)}
            >
              Show more patients
            </button>
          )}
        </>
      )}
    </QueryState>
  );
}

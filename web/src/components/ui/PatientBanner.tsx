import { ageInYears } from '@ldn/rules';
import { localToday } from '../../lib/dates.ts';
import { formatDate, patientName } from '../../lib/format.ts';

/** Who a screen is about: what the banner needs of a patient. */
export interface BannerPatient {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  /** The clinic's medical record number; a pharmacy's view has none (workflows.md). */
  mrn?: string | null;
}

/**
 * The patient's identifiers at the top of every order and trial screen: the name and the date of
 * birth (with the age), and the MRN where the reader may see it. Two identifiers, always in the
 * same place and form, so an order or a dose is checked against the right person.
 */
export function PatientBanner({ patient, asOf = localToday() }: { patient: BannerPatient; asOf?: string }) {
  const age = ageInYears(patient.dateOfBirth, asOf);
  return (
    <section className="patient-banner" aria-label="Patient identification">
      <dl>
        <div>
          <dt>Patient</dt>
          <dd className="patient-banner-name">{patientName(patient)}</dd>
        </div>
        <div>
          <dt>Date of birth</dt>
          <dd>
            {formatDate(patient.dateOfBirth)} ({age} {age === 1 ? 'year' : 'years'})
          </dd>
        </div>
        {patient.mrn != null && (
          <div>
            <dt>MRN</dt>
            <dd>{patient.mrn}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

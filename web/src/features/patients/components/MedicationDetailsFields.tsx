import { TextField } from '../../../components/ui/TextField.tsx';
import { localToday } from '../../../lib/dates.ts';

/** What a medication records besides its drug. */
export interface MedicationDetails {
  dose: string;
  startedOn: string;
}

export const EMPTY_MEDICATION_DETAILS: MedicationDetails = { dose: '', startedOn: '' };

/** The dose and start of a medication, as recorded and as corrected. */
export function MedicationDetailsFields({
  idPrefix: id,
  details,
  onChange,
  errors,
}: {
  idPrefix: string;
  details: MedicationDetails;
  onChange: (details: MedicationDetails) => void;
  errors: Partial<Record<keyof MedicationDetails, string>>;
}) {
  const set = (field: keyof MedicationDetails) => (value: string) => onChange({ ...details, [field]: value });
  return (
    <div className="record-grid">
      <TextField
        id={`${id}-dose`}
        label="Dose"
        autoComplete="off"
        placeholder="5 mg twice daily"
        value={details.dose}
        onChange={set('dose')}
        error={errors.dose}
      />
      <TextField
        id={`${id}-started`}
        label="Started on"
        type="date"
        max={localToday()}
        value={details.startedOn}
        onChange={set('startedOn')}
        error={errors.startedOn}
      />
    </div>
  );
}

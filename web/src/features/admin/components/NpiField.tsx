import { TextField } from '../../../components/ui/TextField.tsx';

/** A clinician's NPI: ten digits, the problem with it (the check digit, or the API's refusal). */
export function NpiField({
  value,
  onChange,
  problem,
}: {
  value: string;
  onChange: (value: string) => void;
  problem: string | null;
}) {
  return (
    <TextField
      label="NPI"
      inputMode="numeric"
      autoComplete="off"
      required
      maxLength={10}
      hint="The clinician’s 10-digit National Provider Identifier; orders carry it."
      value={value}
      onChange={onChange}
      error={problem}
      announce
    />
  );
}

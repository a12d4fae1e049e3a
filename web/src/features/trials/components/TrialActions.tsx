import { type ReactNode, useState } from 'react';
import { Section } from '../../../components/ui/Page.tsx';
import { apiErrorOf } from '../../../lib/errors.ts';
import { Link } from '../../../lib/router.tsx';
import type { Role } from '../../auth/api/me.ts';
import type { TrialRecord } from '../api/trial.ts';
import { enteredInErrorOffer, type TrialAction, trialActionsFor } from '../trial-actions.ts';
import type { ActionCallbacks, ActionFormProps } from './ActionDisclosure.tsx';
import { AdverseEffectForm } from './AdverseEffectForm.tsx';
import { AssessmentForm } from './AssessmentForm.tsx';
import { DiscontinueForm } from './DiscontinueForm.tsx';
import { DoseChangeForm, MaintenanceDoseForm } from './DoseForms.tsx';
import { HoldForm, ResumeForm } from './HoldForms.tsx';
import { TrialEnteredInErrorForm } from './TrialEnteredInErrorForm.tsx';

const FORMS: Record<TrialAction, (props: ActionFormProps) => ReactNode> = {
  CHANGE_DOSE: DoseChangeForm,
  DECLARE_MAINTENANCE_DOSE: MaintenanceDoseForm,
  HOLD: HoldForm,
  RESUME: ResumeForm,
  RECORD_ADVERSE_EFFECT: AdverseEffectForm,
  ASSESS_RESPONSE: AssessmentForm,
  DISCONTINUE: DiscontinueForm,
};

/** The actions valid for the trial's current state and the person's role, each a form. */
export function TrialActions({
  trial,
  role,
  reload,
}: {
  trial: TrialRecord;
  role: Role;
  reload: () => void;
}) {
  const [saved, setSaved] = useState<{ count: number; message: string }>({ count: 0, message: '' });
  const actions = trialActionsFor(trial.status.state, role);
  // A trial started by mistake: clinicians may void it while no order reached the pharmacy's bench.
  const voiding = enteredInErrorOffer(trial, role);
  const callbacks: ActionCallbacks = {
    onSaved: (message) => setSaved((current) => ({ count: current.count + 1, message })),
    onRefused: (error) => {
      // A stale version: someone else changed the trial. Show what it is now.
      if (apiErrorOf(error).code === 'CONFLICT') reload();
    },
  };
  return (
    <Section title="Actions">
      <output className="action-saved" aria-live="polite">
        {saved.message}
      </output>
      {actions.length === 0 && voiding !== 'OFFERED' ? (
        <p className="empty">
          {trial.status.state === 'DISCONTINUED'
            ? 'This trial has ended: nothing more to record.'
            : 'Nothing for your role to do with this trial in its current state.'}
        </p>
      ) : (
        // Forms start afresh after each saved change (their key moves on).
        <div className="trial-actions" key={saved.count}>
          {actions.map((action) => {
            const Form = FORMS[action];
            return <Form key={action} trial={trial} {...callbacks} />;
          })}
          {voiding === 'OFFERED' && <TrialEnteredInErrorForm trial={trial} {...callbacks} />}
        </div>
      )}
      {voiding === 'HAS_SUPPLY' && (
        <p className="muted small">
          An order of this trial has reached the pharmacy, so the patient may have received LDN: it cannot be
          marked entered in error. If the trial should not go on, discontinue it.
        </p>
      )}
      <p className="muted small">
        Pain scores are recorded on the <Link to={`/patients/${trial.patient.id}`}>patient record</Link>.
      </p>
    </Section>
  );
}

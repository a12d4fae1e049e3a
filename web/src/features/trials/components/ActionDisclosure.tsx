import type { CombinedError } from '@urql/core';
import type { ReactNode } from 'react';
import type { TrialRecord } from '../api/trial.ts';

/** What a form tells the page when the API has answered. */
export interface ActionCallbacks {
  /** The change is saved: the page says so and the forms start afresh. */
  onSaved(message: string): void;
  /** The API refused it (the form shows why); a CONFLICT reloads the trial. */
  onRefused(error: CombinedError): void;
}

export interface ActionFormProps extends ActionCallbacks {
  trial: TrialRecord;
}

/** An action behind a disclosure: the trial page stays short until one is opened. */
export function ActionDisclosure({ title, children }: { title: string; children: ReactNode }) {
  return (
    <details className="trial-action">
      <summary>{title}</summary>
      {children}
    </details>
  );
}

import { useState } from 'react';
import { useSession } from '../auth/session.tsx';
import {
  type DrugEntry,
  type DrugUse,
  drugEntryOf,
  type ManualDraft,
  NO_MANUAL_CLASSES,
} from './drug-entry.ts';

/** A drug name being typed, the classes a clinician states for it, and the rules' reading of both. */
export interface DrugEntryState {
  drug: string;
  setDrug: (drug: string) => void;
  draft: ManualDraft;
  setDraft: (draft: ManualDraft) => void;
  entry: DrugEntry;
  use: DrugUse;
  /** Only a clinician may classify a drug (§11; the API refuses anyone else). */
  canClassify: boolean;
}

/** Only a clinician may state a drug's classes. */
export function useCanClassify(): boolean {
  const { session } = useSession();
  return session.status === 'signed-in' && session.me.role === 'CLINICIAN';
}

/** State of a drug name field: `initialDrug` is the name on record when amending. */
export function useDrugEntry(use: DrugUse, initialDrug?: string): DrugEntryState {
  const canClassify = useCanClassify();
  const [drug, setDrugText] = useState(initialDrug ?? '');
  const [draft, setDraft] = useState<ManualDraft>(NO_MANUAL_CLASSES);
  const entry = drugEntryOf({
    drug,
    draft,
    use,
    canClassify,
    ...(initialDrug !== undefined && { unchangedFrom: initialDrug }),
  });
  const setDrug = (next: string) => {
    // Classes stated for one name say nothing of another.
    if (next.trim() !== drug.trim()) setDraft(NO_MANUAL_CLASSES);
    setDrugText(next);
  };
  return { drug, setDrug, draft, setDraft, entry, use, canClassify };
}

import {
  type ClassificationSource,
  type DrugRecognition,
  medicationDrugColumns,
  type TherapyClass,
} from '@ldn/db';
import { type ManualClassification, manualClassificationFor, manualClassificationProblem } from '@ldn/rules';
import type { Viewer } from '../auth/viewer.ts';
import { AppError, badInput, forbidden } from '../platform/errors.ts';

/** The columns a medication or prior therapy keeps about its drug (clinical-rules §11). */
export interface DrugColumns {
  ingredients: string[];
  classes: TherapyClass[];
  recognition: DrugRecognition;
  suggestion: string | null;
  vocabularyVersion: string;
  classifiedBy: ClassificationSource;
  classifiedById: string | null;
  classifiedAt: Date | null;
}

/** The columns as the vocabulary alone classifies `drug`. */
export function vocabularyColumns(drug: string): DrugColumns & { isOpioid: boolean } {
  const { drug: _name, ...columns } = medicationDrugColumns(drug);
  return columns;
}

/** §11: a recognised or probable opioid, or a name a clinician classed as one. */
export const columnsAreOpioid = (columns: Pick<DrugColumns, 'classes' | 'recognition' | 'classifiedBy'>) =>
  columns.classes.includes('OPIOID') &&
  (columns.classifiedBy === 'CLINICIAN' || columns.recognition !== 'UNRECOGNISED');

/** Refused: an unrecognised name reached the API without the classes a clinician must give it. */
const classificationRequired = (suggestion: string | null) =>
  new AppError(
    'BAD_USER_INPUT',
    'This drug name is not in the drug vocabulary: pick a name from the list, or a clinician records its classes (and, for a current medication, confirms it is not an opioid).',
    { field: 'classification', reason: 'CLASSIFICATION_REQUIRED', suggestion },
  );

/**
 * The columns for a drug as entered (clinical-rules §11): from the vocabulary when it recognises the
 * name; from the clinician's stated classes when it does not (required) or reads a probable opioid
 * (allowed). Nobody states classes for a recognised drug, and only a clinician states them at all.
 */
export function drugColumns(
  drug: string,
  manual: ManualClassification | null | undefined,
  use: 'MEDICATION' | 'PRIOR_THERAPY',
  viewer: Pick<Viewer, 'userId' | 'role'>,
  now: Date,
): DrugColumns {
  const { isOpioid: _derived, ...fromVocabulary } = vocabularyColumns(drug);
  const allowed = manualClassificationFor(fromVocabulary.recognition);
  if (manual === null || manual === undefined) {
    if (allowed === 'REQUIRED') throw classificationRequired(fromVocabulary.suggestion);
    return fromVocabulary;
  }
  if (allowed === 'NOT_ALLOWED')
    throw badInput(
      'classification',
      'This drug is in the vocabulary: its classes come from there, not from a form.',
    );
  if (viewer.role !== 'CLINICIAN') throw forbidden('classify a drug the vocabulary does not recognise');
  const problem = manualClassificationProblem(manual, use);
  if (problem !== null) throw badInput('classification', problem);
  return {
    ...fromVocabulary,
    ingredients: [],
    classes: [...manual.classes],
    classifiedBy: 'CLINICIAN',
    classifiedById: viewer.userId,
    classifiedAt: now,
  };
}

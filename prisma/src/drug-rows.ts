import { storedClassificationOf } from '@ldn/rules';

// The drug columns of a medication or prior-therapy row as the rules package's vocabulary
// classifies a name (clinical-rules §11): what the API stores, what the demo and test builders write.

/** A medication's drug columns as the vocabulary classifies `drug`, isOpioid included. */
export function medicationDrugColumns(drug: string) {
  return {
    drug,
    ...storedClassificationOf(drug),
    classifiedBy: 'VOCABULARY' as const,
    classifiedById: null,
    classifiedAt: null,
  };
}

/** A prior therapy's drug columns (it keeps no isOpioid of its own). */
export function priorTherapyDrugColumns(drug: string) {
  const { isOpioid: _notStored, ...columns } = medicationDrugColumns(drug);
  return columns;
}

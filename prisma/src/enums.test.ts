import {
  ADVERSE_EFFECT_ACTIONS,
  ADVERSE_EFFECT_SEVERITIES,
  ADVERSE_EFFECTS,
  ASSESSMENT_DECISIONS,
  CONDITIONS,
  CONSENT_POINT_CODES,
  DISCONTINUATION_REASONS,
  DOSE_TAKEN_ANSWERS,
  DRUG_RECOGNITION_STATUSES,
  FORMULATIONS,
  REJECTION_REASONS,
  RESPONSE_CLASSES,
  SCORE_SOURCES,
  SYMPTOM_MEASURES,
  SYMPTOM_SCALES,
  THERAPY_CLASSES,
  THERAPY_OUTCOMES,
  TRIAL_STATES,
} from '@ldn/rules';
import { describe, expect, it } from 'vitest';
import * as db from '../generated/client/enums.ts';

const keys = (o: object) => Object.keys(o).sort();
const values = (o: object) => Object.values(o).sort();

// The database's enums must be the rules package's vocabularies, so nothing drifts apart.
describe('the database enums', () => {
  it.each([
    ['Condition', db.Condition, keys(CONDITIONS)],
    ['TherapyClass', db.TherapyClass, [...THERAPY_CLASSES].sort()],
    ['TherapyOutcome', db.TherapyOutcome, [...THERAPY_OUTCOMES].sort()],
    ['DrugRecognition', db.DrugRecognition, [...DRUG_RECOGNITION_STATUSES].sort()],
    ['ConsentPoint', db.ConsentPoint, [...CONSENT_POINT_CODES].sort()],
    ['TrialState', db.TrialState, [...TRIAL_STATES].sort()],
    ['DiscontinuationReason', db.DiscontinuationReason, keys(DISCONTINUATION_REASONS)],
    ['AdverseEffectKind', db.AdverseEffectKind, keys(ADVERSE_EFFECTS)],
    ['AdverseEffectSeverity', db.AdverseEffectSeverity, [...ADVERSE_EFFECT_SEVERITIES].sort()],
    ['AdverseEffectAction', db.AdverseEffectAction, keys(ADVERSE_EFFECT_ACTIONS)],
    ['ResponseClass', db.ResponseClass, [...RESPONSE_CLASSES].sort()],
    ['AssessmentDecision', db.AssessmentDecision, keys(ASSESSMENT_DECISIONS)],
    ['Formulation', db.Formulation, keys(FORMULATIONS)],
    ['RejectionCode', db.RejectionCode, keys(REJECTION_REASONS)],
    // Every measure scored has its scale (label, anchors, better end): nothing missing, nothing extra.
    ['SymptomMeasure', db.SymptomMeasure, [...SYMPTOM_MEASURES].sort()],
    ['SymptomMeasure (scales)', db.SymptomMeasure, keys(SYMPTOM_SCALES)],
    // The patient link (issue #19): who entered a record, and tonight's dose taken or not.
    ['RecordSource', db.RecordSource, [...SCORE_SOURCES].sort()],
    ['DoseTaken', db.DoseTaken, [...DOSE_TAKEN_ANSWERS].sort()],
  ])('%s matches the rules package', (_name, dbEnum, rules) => {
    expect(values(dbEnum)).toEqual(rules);
  });
});

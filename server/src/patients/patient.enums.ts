import { Condition, ConsentPoint, RecordSource, SymptomMeasure, TherapyClass, TherapyOutcome } from '@ldn/db';
import { registerEnumType } from 'type-graphql';

// The one registration of each enum the patient API exposes; other domains (trials) import them
// from here, because type-graphql refuses a second registration under the same name.

registerEnumType(TherapyClass, {
  name: 'TherapyClass',
  description:
    'A drug class of the vocabulary (clinical-rules §2, §11); a product has its ingredients’ classes, one drug may have several.',
});
registerEnumType(TherapyOutcome, {
  name: 'TherapyOutcome',
  description: 'INEFFECTIVE, INTOLERANT and CONTRAINDICATED count as failed (§2).',
});
registerEnumType(SymptomMeasure, {
  name: 'SymptomMeasure',
  description: 'PAIN_NRS is the 0–10 pain rating (LOINC 72514-3); the others are secondary measures (§5).',
});
registerEnumType(ConsentPoint, {
  name: 'ConsentPoint',
  description: 'The four points the patient must understand before a start (§7).',
});
registerEnumType(Condition, {
  name: 'Condition',
  description: 'The LDN indications of clinical-rules §1; nothing else can be asked for.',
});

registerEnumType(RecordSource, {
  name: 'RecordSource',
  description: 'Who entered a record: the clinic, or the patient through their link (issue #19).',
});

export { Condition, ConsentPoint, RecordSource, SymptomMeasure, TherapyClass, TherapyOutcome };

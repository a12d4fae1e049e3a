import { ClassificationSource, DrugRecognition } from '@ldn/db';
import { registerEnumType } from 'type-graphql';

registerEnumType(DrugRecognition, {
  name: 'DrugRecognition',
  description:
    'How the drug vocabulary read a name (clinical-rules §11): RECOGNISED, PROBABLE (a misspelt opioid: blocks like one), UNRECOGNISED (a clinician classifies it).',
});
registerEnumType(ClassificationSource, {
  name: 'ClassificationSource',
  description: 'Who decided the classes: the vocabulary, or a named clinician for a name it cannot judge.',
});

export { ClassificationSource, DrugRecognition };

import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type Answer, apiError, mockApi } from '../../../test/api-mock.ts';
import { me, renderSignedIn } from '../../../test/signed-in.tsx';
import { PatientPage } from './PatientPage.tsx';
import {
  aMedication,
  aPriorTherapy,
  ELIGIBILITY,
  NO_HITS,
  patientAnswer,
  startCheck,
} from './patient-test-data.ts';

const READS = { Eligibility: ELIGIBILITY, StartCheck: startCheck([]), DrugSearch: NO_HITS };

const renderPatientPage = () => renderSignedIn(<PatientPage patientId="patient-1" />);

const medicationRow = async (drug: string) =>
  within(await screen.findByRole('region', { name: 'Medications table' })).getByRole('row', {
    name: new RegExp(drug),
  });

const payload = (medication: ReturnType<typeof aMedication>) => ({
  __typename: 'RecordMedicationPayload',
  medication,
  findings: [],
  trialsPutOnHold: [],
});

const enteredInError = {
  enteredInError: true,
  active: false,
  enteredInErrorAt: '2026-03-02T10:00:00Z',
  enteredInErrorByName: 'Dr Priya Raman',
  enteredInErrorReason: 'Recorded for the wrong patient',
};

describe('medications as coded drugs', () => {
  it('shows a record entered in error struck through, with who and why, and counts it nowhere', async () => {
    mockApi({
      Me: me('CLINICIAN'),
      Patient: patientAnswer({
        medications: [
          aMedication('Tylenol #3', {
            isOpioid: true,
            ingredients: ['acetaminophen', 'codeine'],
            classes: ['OPIOID'],
            ...enteredInError,
          }),
        ],
      }),
      ...READS,
    });
    renderPatientPage();
    const row = await medicationRow('Tylenol #3');
    expect(row.className).toBe('row-entered-in-error');
    expect(row.textContent).toContain('acetaminophen + codeine');
    expect(row.textContent).toContain('Entered in error by Dr Priya Raman');
    expect(row.textContent).toContain('Recorded for the wrong patient');
    expect(within(row).queryByText('Opioid, active')).toBeNull();
    expect(within(row).queryByRole('button')).toBeNull();
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('says where the classes came from: the vocabulary, or the clinician who classified it', async () => {
    mockApi({
      Me: me('COORDINATOR'),
      Patient: patientAnswer({
        medications: [
          aMedication('gabapentin', { classes: ['ANTICONVULSANT'] }),
          aMedication('Zorblex', {
            ingredients: [],
            recognition: 'UNRECOGNISED',
            classifiedBy: 'CLINICIAN',
            classifiedByName: 'Dr Priya Raman',
            classifiedAt: '2026-03-01T09:00:00Z',
          }),
          aMedication('oxycodon', {
            isOpioid: true,
            ingredients: ['oxycodone'],
            classes: ['OPIOID'],
            recognition: 'PROBABLE',
            suggestion: 'oxycodone',
          }),
        ],
      }),
      ...READS,
    });
    renderPatientPage();
    expect((await medicationRow('gabapentin')).textContent).toContain('Anticonvulsantfrom the vocabulary');
    expect((await medicationRow('Zorblex')).textContent).toContain(
      'classified by Dr Priya Raman on 1 Mar 2026',
    );
    const probable = await medicationRow('oxycodon');
    expect(within(probable).getByText('Probable opioid (oxycodone?)')).toBeTruthy();
    expect(within(probable).getByText('Opioid, active')).toBeTruthy();
    // Marking entered in error is a clinician's.
    expect(within(probable).getByRole('button', { name: 'Amend oxycodon' })).toBeTruthy();
    expect(within(probable).queryByRole('button', { name: /entered in error/ })).toBeNull();
  });

  it('lets a clinician confirm a possible opioid under review, sending the version read', async () => {
    const review = aMedication('Hycodan', { needsReview: true, isOpioid: true, version: 3 });
    const api = mockApi({
      Me: me('CLINICIAN'),
      Patient: patientAnswer({ medications: [review] }),
      ...READS,
      ConfirmPossibleOpioid: { data: { confirmPossibleOpioid: payload({ ...review, needsReview: false }) } },
    });
    renderPatientPage();
    const row = await medicationRow('Hycodan');
    expect(within(row).getByText('Possible opioid: review')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Confirm Hycodan is an opioid' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Hycodan is an opioid.');
    expect(api.callsOf('ConfirmPossibleOpioid')[0]?.variables).toEqual({
      medicationId: 'med-Hycodan',
      version: 3,
    });
  });

  it('marks a medication entered in error with a reason (clinicians)', async () => {
    const api = mockApi({
      Me: me('CLINICIAN'),
      Patient: patientAnswer({ medications: [aMedication('tramadol', { isOpioid: true })] }),
      ...READS,
      MarkMedicationEnteredInError: {
        data: {
          markMedicationEnteredInError: aMedication('tramadol', { isOpioid: true, ...enteredInError }),
        },
      },
    });
    renderPatientPage();
    const row = await medicationRow('tramadol');
    fireEvent.click(within(row).getByRole('button', { name: 'Mark tramadol entered in error' }));
    const form = within(screen.getByRole('form', { name: 'Mark tramadol entered in error' }));
    const submit = form.getByRole('button', { name: 'Mark entered in error' });
    expect(submit).toHaveProperty('disabled', true);
    fireEvent.change(form.getByLabelText('Why was it entered in error?'), {
      target: { value: 'Recorded for the wrong patient' },
    });
    fireEvent.click(submit);
    expect(await screen.findByText('tramadol marked entered in error.')).toBeTruthy();
    expect(api.callsOf('MarkMedicationEnteredInError')[0]?.variables).toEqual({
      medicationId: 'med-tramadol',
      version: 1,
      reason: 'Recorded for the wrong patient',
    });
  });

  it('amends with a reason, and says plainly when someone else changed the record meanwhile', async () => {
    const api = mockApi({
      Me: me('COORDINATOR'),
      Patient: patientAnswer({ medications: [aMedication('gabapentin', { version: 2 })] }),
      ...READS,
      AmendMedication: apiError('CONFLICT', 'Changed by someone else.'),
    });
    renderPatientPage();
    fireEvent.click(
      within(await medicationRow('gabapentin')).getByRole('button', { name: 'Amend gabapentin' }),
    );
    const form = within(screen.getByRole('form', { name: 'Amend gabapentin' }));
    const save = form.getByRole('button', { name: 'Save correction' });
    fireEvent.change(form.getByLabelText('Dose'), { target: { value: '300 mg at night' } });
    expect(save).toHaveProperty('disabled', true);
    fireEvent.change(form.getByLabelText('Reason for the correction'), { target: { value: 'Dose misread' } });
    fireEvent.click(save);
    expect((await screen.findByRole('alert')).textContent).toContain('Someone else changed this record');
    expect(api.callsOf('AmendMedication')[0]?.variables).toEqual({
      medicationId: 'med-gabapentin',
      version: 2,
      input: { dose: '300 mg at night' },
      reason: 'Dose misread',
    });
    expect(api.callsOf('Patient').length).toBeGreaterThan(1);
  });

  it('records an unrecognised medication with the clinician’s classification', async () => {
    const api = mockApi({
      Me: me('CLINICIAN'),
      Patient: patientAnswer(),
      ...READS,
      RecordMedication: { data: { recordMedication: payload(aMedication('Zorblex')) } },
    });
    renderPatientPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Record medication' }));
    const form = within(screen.getByRole('form', { name: 'Record medication' }));
    fireEvent.change(form.getByRole('combobox', { name: 'Drug' }), { target: { value: 'Zorblex' } });
    fireEvent.click(form.getByRole('checkbox', { name: /^Other/ }));
    fireEvent.click(form.getByRole('checkbox', { name: 'I confirm this is not an opioid' }));
    fireEvent.click(form.getByRole('button', { name: 'Record medication' }));
    expect(await screen.findByText('Zorblex recorded.')).toBeTruthy();
    expect(api.callsOf('RecordMedication')[0]?.variables).toEqual({
      patientId: 'patient-1',
      input: { drug: 'Zorblex', classification: { classes: ['OTHER'], notAnOpioid: true } },
    });
  });

  it('keeps a coordinator from recording an unrecognised medication', async () => {
    mockApi({ Me: me('COORDINATOR'), Patient: patientAnswer(), ...READS });
    renderPatientPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Record medication' }));
    const form = within(screen.getByRole('form', { name: 'Record medication' }));
    fireEvent.change(form.getByRole('combobox', { name: 'Drug' }), { target: { value: 'Zorblex' } });
    expect(form.getByText(/a clinician must state its classes/)).toBeTruthy();
    expect(form.getByRole('button', { name: 'Record medication' })).toHaveProperty('disabled', true);
  });
});

describe('prior therapies as coded drugs', () => {
  it('records a recognised drug with no classes: they come from the drug', async () => {
    const api = mockApi({
      Me: me('COORDINATOR'),
      Patient: patientAnswer({
        priorTherapies: [
          aPriorTherapy('pregabalin', { classes: ['ANTICONVULSANT', 'FIBROMYALGIA_APPROVED'] }),
        ],
      }),
      ...READS,
      RecordPriorTherapy: { data: { recordPriorTherapy: aPriorTherapy('nortriptyline') } },
    });
    renderPatientPage();
    const table = within(await screen.findByRole('region', { name: 'Prior therapies table' }));
    expect(table.getByRole('row', { name: /pregabalin/ }).textContent).toContain(
      'Anticonvulsant, FDA-approved fibromyalgia drugfrom the vocabulary',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Add prior therapy' }));
    const form = within(screen.getByRole('form', { name: 'Add prior therapy' }));
    fireEvent.change(form.getByRole('combobox', { name: 'Drug' }), { target: { value: 'nortriptyline' } });
    expect(form.getByText('Classes from the vocabulary: TCA.')).toBeTruthy();
    expect(form.queryByRole('checkbox')).toBeNull();
    fireEvent.change(form.getByLabelText('Outcome'), { target: { value: 'INEFFECTIVE' } });
    fireEvent.click(form.getByRole('button', { name: 'Record prior therapy' }));
    expect(await screen.findByText('nortriptyline recorded.')).toBeTruthy();
    expect(api.callsOf('RecordPriorTherapy')[0]?.variables).toEqual({
      patientId: 'patient-1',
      input: { drug: 'nortriptyline', outcome: 'INEFFECTIVE' },
    });
  });
});

describe('the eligibility lines', () => {
  it('say which drug met each line and why, and whose classification it was', async () => {
    const eligibility: Answer = {
      data: {
        eligibility: {
          __typename: 'Eligibility',
          eligible: false,
          requirements: [
            { line: 'TCA_OR_SNRI', met: true, metBy: 'Zorblex', metByClass: 'TCA', classesFrom: 'RECORDED' },
            {
              line: 'ANTICONVULSANT',
              met: true,
              metBy: 'pregabalin',
              metByClass: 'ANTICONVULSANT',
              classesFrom: 'VOCABULARY',
            },
            {
              line: 'DISEASE_MODIFYING_THERAPY',
              met: false,
              metBy: null,
              metByClass: null,
              classesFrom: null,
            },
          ].map((requirement) => ({ __typename: 'EligibilityRequirement', ...requirement })),
          findings: [],
        },
      },
    };
    mockApi({
      Me: me('CLINICIAN'),
      Patient: patientAnswer(),
      ...READS,
      Eligibility: eligibility,
    });
    renderPatientPage();
    const table = within(await screen.findByRole('table', { name: 'Eligibility requirements' }));
    expect(table.getByRole('row', { name: /TCA or SNRI/ }).textContent).toContain(
      'Zorblex — TCA, as classified by the clinician',
    );
    expect(table.getByRole('row', { name: /anticonvulsant/ }).textContent).toContain(
      'pregabalin — Anticonvulsant',
    );
    expect(table.getByRole('row', { name: /disease-modifying/ }).textContent).toContain('—');
  });
});

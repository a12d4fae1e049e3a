import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, mockApi } from '../../../test/api-mock.ts';
import { me, renderSignedIn } from '../../../test/signed-in.tsx';
import { PatientPage } from './PatientPage.tsx';
import {
  aMedication,
  anActiveTrial,
  ELIGIBILITY,
  NO_HITS,
  patientAnswer,
  startCheck,
} from './patient-test-data.ts';

const renderPatientPage = () => renderSignedIn(<PatientPage patientId="patient-1" />);

describe('the patient page', () => {
  it('flags opioids in the medication list, active or stopped', async () => {
    mockApi({
      Me: me('COORDINATOR'),
      Patient: patientAnswer({
        medications: [
          aMedication('gabapentin'),
          aMedication('Percocet', { isOpioid: true }),
          aMedication('tramadol', { isOpioid: true, active: false, stoppedOn: '2026-02-01' }),
        ],
      }),
      Eligibility: ELIGIBILITY,
      StartCheck: startCheck([]),
    });
    renderPatientPage();
    const table = within(await screen.findByRole('region', { name: 'Medications table' }));
    const row = (drug: string) => table.getByRole('row', { name: new RegExp(drug) });
    expect(within(row('Percocet')).getByText('Opioid, active')).toBeTruthy();
    expect(within(row('tramadol')).getByText('Opioid, stopped')).toBeTruthy();
    expect(within(row('gabapentin')).queryByText(/Opioid/)).toBeNull();
    expect(screen.getByRole('note').textContent).toContain('Active opioid: Percocet');
  });

  it('records an opioid: flags it as typed, shows what the API found and reloads the record and the start check', async () => {
    const api = mockApi({
      Me: me('COORDINATOR'),
      Patient: (_variables, call) =>
        patientAnswer({
          medications: call === 1 ? [] : [aMedication('oxycodone', { isOpioid: true })],
        }),
      Eligibility: ELIGIBILITY,
      DrugSearch: NO_HITS,
      StartCheck: (_variables, call) =>
        startCheck(call === 1 ? [] : [{ code: 'OPIOID_CONCURRENT_USE', severity: 'HARD_STOP' }]),
      RecordMedication: {
        data: {
          recordMedication: {
            __typename: 'RecordMedicationPayload',
            medication: { ...aMedication('oxycodone', { isOpioid: true }) },
            findings: [
              {
                __typename: 'Finding',
                code: 'OPIOID_STARTED_DURING_TRIAL',
                severity: 'WARNING',
                message: 'LDN blocks the analgesia of oxycodone.',
                evidence: ['7', '8'],
              },
            ],
            trialsPutOnHold: [],
          },
        },
      },
    });
    renderPatientPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Record medication' }));
    const drug = screen.getByRole('combobox', { name: 'Drug' });
    expect(document.activeElement).toBe(drug);
    fireEvent.change(drug, { target: { value: 'Oxycodone/acetaminophen' } });
    expect(screen.getByText('An opioid: LDN cannot start while it is taken.')).toBeTruthy();
    fireEvent.submit(screen.getByRole('form', { name: 'Record medication' }));

    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toContain('oxycodone is an opioid.');
    expect(notice.textContent).toContain('OPIOID_STARTED_DURING_TRIAL');
    expect(notice.textContent).toContain('LDN blocks the analgesia of oxycodone. [7][8]');
    expect(await screen.findByText('Opioid, active')).toBeTruthy();
    expect(await screen.findByText('OPIOID_CONCURRENT_USE message')).toBeTruthy();
    expect(api.callsOf('Patient')).toHaveLength(2);
    expect(api.callsOf('RecordMedication')[0]?.variables).toEqual({
      patientId: 'patient-1',
      input: { drug: 'Oxycodone/acetaminophen' },
    });
    // The form closed, focus back on its button, the recording announced.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Record medication' }));
  });

  it('calls a consent complete only when all four points are ticked, and sends them', async () => {
    const api = mockApi({
      Me: me('CLINICIAN'),
      Patient: patientAnswer(),
      Eligibility: ELIGIBILITY,
      StartCheck: startCheck([]),
      RecordConsent: {
        data: {
          recordConsent: {
            __typename: 'Consent',
            id: 'consent-1',
            recordedOn: '2026-03-10',
            complete: true,
            points: [],
          },
        },
      },
    });
    renderPatientPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Record consent' }));
    const form = within(screen.getByRole('form', { name: 'Record consent' }));
    const boxes = form.getAllByRole('checkbox');
    expect(boxes).toHaveLength(4);
    expect(form.getByLabelText(/LDN is off-label and experimental, with limited evidence\./)).toBeTruthy();
    expect(form.getByRole('button', { name: 'Record incomplete consent' })).toHaveProperty('disabled', true);
    for (const box of boxes.slice(0, 3)) fireEvent.click(box);
    expect(form.getByText(/Incomplete: 3 of 4 points/)).toBeTruthy();
    expect(form.getByRole('button', { name: 'Record incomplete consent' })).toHaveProperty('disabled', false);
    fireEvent.click(boxes[3] as HTMLElement);
    expect(form.getByText('Complete: all four points covered')).toBeTruthy();
    fireEvent.change(form.getByLabelText('Recorded on'), { target: { value: '2026-03-10' } });
    fireEvent.click(form.getByRole('button', { name: 'Record complete consent' }));
    expect(await screen.findByText('Consent recorded: complete.')).toBeTruthy();
    expect(api.callsOf('RecordConsent')[0]?.variables).toEqual({
      patientId: 'patient-1',
      input: {
        recordedOn: '2026-03-10',
        points: [
          'OFF_LABEL_LIMITED_EVIDENCE',
          'MODEST_SUBJECTIVE_BENEFIT',
          'COMPOUNDING_NOT_COVERED',
          'AVOID_OPIOIDS',
        ],
      },
    });
  });

  it('closes an add form with Escape and returns focus to its button', async () => {
    mockApi({
      Me: me('COORDINATOR'),
      Patient: patientAnswer(),
      Eligibility: ELIGIBILITY,
      StartCheck: startCheck([]),
    });
    renderPatientPage();
    const add = await screen.findByRole('button', { name: 'Add prior therapy' });
    fireEvent.click(add);
    expect(add.getAttribute('aria-expanded')).toBe('true');
    const drug = screen.getByRole('combobox', { name: 'Drug' });
    expect(document.activeElement).toBe(drug);
    expect(screen.getByRole('button', { name: 'Record prior therapy' })).toHaveProperty('disabled', true);
    fireEvent.keyDown(drug, { key: 'Escape' });
    expect(screen.queryByRole('form', { name: 'Add prior therapy' })).toBeNull();
    expect(add.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(add);
  });

  it('says the details changed meanwhile on a CONFLICT, and reloads the record', async () => {
    const api = mockApi({
      Me: me('COORDINATOR'),
      Patient: (_variables, call) => patientAnswer({ version: call, phone: call > 1 ? '555' : null }),
      Eligibility: ELIGIBILITY,
      StartCheck: startCheck([]),
      UpdatePatient: apiError('CONFLICT', 'This record was changed by someone else.'),
    });
    renderPatientPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit details' }));
    fireEvent.change(screen.getByLabelText('Family name'), { target: { value: 'Lee-Smith' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save details' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Someone else changed these details');
    expect(api.callsOf('UpdatePatient')[0]?.variables).toEqual({
      id: 'patient-1',
      version: 1,
      input: { familyName: 'Lee-Smith' },
    });
    expect(await screen.findByText('555')).toBeTruthy();
    expect(api.callsOf('Patient')).toHaveLength(2);
  });

  it.each([
    ['a clinician, no trial', 'CLINICIAN', [], true],
    ['a clinician, a trial active', 'CLINICIAN', [anActiveTrial], false],
    [
      'a clinician, the trial ended',
      'CLINICIAN',
      [
        {
          ...anActiveTrial,
          endedOn: '2026-02-01',
          status: { ...anActiveTrial.status, state: 'DISCONTINUED' },
        },
      ],
      true,
    ],
    [
      'a clinician, the only trial entered in error',
      'CLINICIAN',
      [{ ...anActiveTrial, enteredInError: true }],
      true,
    ],
    ['a coordinator', 'COORDINATOR', [], false],
  ])('"Start trial" for %s (%s)', async (_case, role, trials, shown) => {
    mockApi({
      Me: me(role),
      Patient: patientAnswer({ trials }),
      Eligibility: ELIGIBILITY,
      StartCheck: startCheck([]),
    });
    renderPatientPage();
    await screen.findByRole('heading', { name: 'Ann Lee', level: 1 });
    // The session answered before the start check (asked first, answered first).
    await screen.findByText('A trial could start today');
    const link = screen.queryByRole('link', { name: 'Start trial' });
    if (shown) expect(link?.getAttribute('href')).toBe('/patients/patient-1/start-trial');
    else expect(link).toBeNull();
  });

  it('lists a trial entered in error struck through, labelled so instead of its state', async () => {
    mockApi({
      Me: me('CLINICIAN'),
      Patient: patientAnswer({
        trials: [
          { ...anActiveTrial, id: 'trial-2', startDate: '2026-03-01' },
          { ...anActiveTrial, enteredInError: true },
        ],
      }),
      Eligibility: ELIGIBILITY,
      StartCheck: startCheck([]),
    });
    renderPatientPage();
    const trials = within(await screen.findByRole('region', { name: 'Trials' }));
    const [current, voided] = trials.getAllByRole('listitem');
    expect(within(voided!).getByRole('link').className).toBe('struck-trial');
    expect(within(voided!).getByText('Entered in error')).toBeTruthy();
    expect(within(voided!).queryByText('Titrating')).toBeNull();
    expect(within(current!).getByRole('link').className).toBe('');
    expect(within(current!).getByText('Titrating')).toBeTruthy();
  });
});

import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, mockApi } from '../../../test/api-mock.ts';
import { me, renderSignedIn } from '../../../test/signed-in.tsx';
import { PatientPage } from './PatientPage.tsx';
import { aSymptomScore, ELIGIBILITY, NO_HITS, patientAnswer, startCheck } from './patient-test-data.ts';

const READS = { Eligibility: ELIGIBILITY, StartCheck: startCheck([]), DrugSearch: NO_HITS };
const renderPatientPage = () => renderSignedIn(<PatientPage patientId="patient-1" />);

const openVisitForm = async () => {
  fireEvent.click(await screen.findByRole('button', { name: 'Record scores' }));
  return within(screen.getByRole('form', { name: 'Record visit scores' }));
};
const visitRow = async (date: string) =>
  within(await screen.findByRole('table', { name: /Scores by visit/ })).getByRole('row', {
    name: new RegExp(date),
  });

const voided = {
  enteredInError: true,
  enteredInErrorAt: '2026-03-10T11:00:00Z',
  enteredInErrorByName: 'Dr Priya Raman',
  enteredInErrorReason: 'Another patient’s form',
  version: 2,
};

describe('one visit, one form', () => {
  it('offers pain and every secondary measure as 0–10 choices with both anchors and the better end', async () => {
    mockApi({ Me: me('COORDINATOR'), Patient: patientAnswer(), ...READS });
    renderPatientPage();
    const form = await openVisitForm();
    expect(form.getByLabelText('Visit date')).toBeTruthy();
    for (const [measure, anchors] of [
      ['Pain', '0 = No pain · 10 = Worst pain imaginable · Lower is better'],
      [
        'Quality of life / life satisfaction',
        '0 = Worst possible quality of life · 10 = Best possible quality of life · Higher is better',
      ],
      ['Sleep quality', '0 = Worst possible sleep · 10 = Best possible sleep · Higher is better'],
      ['Fatigue', '0 = No fatigue · 10 = Worst fatigue imaginable · Lower is better'],
    ] as const) {
      const group = within(form.getByRole('group', { name: new RegExp(`^${measure}`) }));
      expect(group.getAllByRole('radio')).toHaveLength(11);
      expect(group.getByText(anchors)).toBeTruthy();
    }
    const pain = within(form.getByRole('group', { name: /^Pain/ }));
    expect(pain.getByRole('radio', { name: '0, No pain' })).toBeTruthy();
    expect(pain.getByRole('radio', { name: '10, Worst pain imaginable' })).toBeTruthy();
    expect(pain.getByRole('radio', { name: '5' })).toBeTruthy();
  });

  it('records the measures chosen in one call, pain first, the blank ones left out', async () => {
    const api = mockApi({
      Me: me('COORDINATOR'),
      Patient: patientAnswer(),
      ...READS,
      RecordVisitScores: {
        data: {
          recordVisitScores: [
            aSymptomScore('PAIN_NRS', '2026-03-09', 6),
            aSymptomScore('SLEEP', '2026-03-09', 3),
          ],
        },
      },
    });
    renderPatientPage();
    const form = await openVisitForm();
    fireEvent.change(form.getByLabelText('Visit date'), { target: { value: '2026-03-09' } });
    fireEvent.click(
      within(form.getByRole('group', { name: /^Sleep quality/ })).getByRole('radio', { name: '3' }),
    );
    fireEvent.click(within(form.getByRole('group', { name: /^Pain/ })).getByRole('radio', { name: '6' }));
    fireEvent.click(form.getByRole('button', { name: 'Record visit' }));
    expect(await form.findByText('Visit of 9 Mar 2026 recorded: Pain 6, Sleep quality 3.')).toBeTruthy();
    expect(api.callsOf('RecordVisitScores')[0]?.variables).toEqual({
      patientId: 'patient-1',
      scoredOn: '2026-03-09',
      scores: [
        { measure: 'PAIN_NRS', score: 6 },
        { measure: 'SLEEP', score: 3 },
      ],
    });
    // Ready for the next visit: nothing chosen.
    expect(form.getAllByRole('radio').some((radio) => (radio as HTMLInputElement).checked)).toBe(false);
  });

  it('lets a measure chosen by mistake be left blank again', async () => {
    mockApi({ Me: me('COORDINATOR'), Patient: patientAnswer(), ...READS });
    renderPatientPage();
    const form = await openVisitForm();
    const fatigue = within(form.getByRole('group', { name: /^Fatigue/ }));
    fireEvent.click(fatigue.getByRole('radio', { name: '4' }));
    fireEvent.click(fatigue.getByRole('button', { name: 'Leave fatigue blank' }));
    expect(fatigue.getAllByRole('radio').some((radio) => (radio as HTMLInputElement).checked)).toBe(false);
  });

  it('sends nothing until at least one measure is scored', async () => {
    const api = mockApi({ Me: me('COORDINATOR'), Patient: patientAnswer(), ...READS });
    renderPatientPage();
    const form = await openVisitForm();
    fireEvent.click(form.getByRole('button', { name: 'Record visit' }));
    expect((await form.findByRole('alert')).textContent).toBe('Score at least one measure.');
    expect(api.callsOf('RecordVisitScores')).toHaveLength(0);
  });

  it('says beside the measure that it was already scored that day', async () => {
    mockApi({
      Me: me('COORDINATOR'),
      Patient: patientAnswer(),
      ...READS,
      RecordVisitScores: {
        errors: [
          {
            message: 'Sleep quality was already scored on 2026-03-10: amend that score.',
            extensions: {
              code: 'BAD_USER_INPUT',
              field: 'scores.1.measure',
              fields: [
                {
                  field: 'scores.1.measure',
                  message: 'Sleep quality was already scored on 2026-03-10: amend that score.',
                },
              ],
            },
          },
        ],
      } as never,
    });
    renderPatientPage();
    const form = await openVisitForm();
    fireEvent.click(within(form.getByRole('group', { name: /^Pain/ })).getByRole('radio', { name: '6' }));
    fireEvent.click(
      within(form.getByRole('group', { name: /^Sleep quality/ })).getByRole('radio', { name: '4' }),
    );
    fireEvent.click(form.getByRole('button', { name: 'Record visit' }));
    const sleep = within(form.getByRole('group', { name: /^Sleep quality/ }));
    expect(
      await sleep.findByText('Sleep quality was already scored on 2026-03-10: amend that score.'),
    ).toBeTruthy();
  });
});

describe('the scores by visit', () => {
  it('groups a visit’s scores on one row, newest visit first', async () => {
    mockApi({
      Me: me('COORDINATOR'),
      Patient: patientAnswer({
        symptomScores: [
          aSymptomScore('PAIN_NRS', '2026-03-01', 7),
          aSymptomScore('PAIN_NRS', '2026-03-09', 6),
          aSymptomScore('QUALITY_OF_LIFE', '2026-03-09', 4),
          aSymptomScore('FATIGUE', '2026-03-09', 8),
        ],
      }),
      ...READS,
    });
    renderPatientPage();
    const table = within(await screen.findByRole('table', { name: /Scores by visit/ }));
    const [, newest, oldest] = table.getAllByRole('row');
    expect(
      within(newest as HTMLElement)
        .getAllByRole('cell')
        .map((cell) => cell.querySelector('.score-value')?.textContent ?? ''),
    ).toEqual(['6', '4', '', '8']);
    expect(within(oldest as HTMLElement).getByRole('rowheader').textContent).toBe('1 Mar 2026');
    expect(table.getByRole('columnheader', { name: /Fatigue/ }).textContent).toContain('Lower is better');
  });

  it('shows a score entered in error struck through with who, when and why, offering nothing, beside its replacement', async () => {
    mockApi({
      Me: me('CLINICIAN'),
      Patient: patientAnswer({
        symptomScores: [
          aSymptomScore('PAIN_NRS', '2026-03-10', 9, { id: 'wrong', ...voided }),
          aSymptomScore('PAIN_NRS', '2026-03-10', 3, { id: 'right' }),
        ],
      }),
      ...READS,
    });
    renderPatientPage();
    const row = await visitRow('10 Mar 2026');
    const [wrong, right] = row.querySelectorAll('.score-entry');
    expect(wrong?.className).toContain('score-entered-in-error');
    expect(wrong?.textContent).toContain('Entered in error by Dr Priya Raman');
    expect(wrong?.textContent).toContain('Another patient’s form');
    expect(within(wrong as HTMLElement).queryByRole('button')).toBeNull();
    expect(right?.className).not.toContain('score-entered-in-error');
    expect(
      within(right as HTMLElement).getByRole('button', { name: 'Amend pain of 10 Mar 2026' }),
    ).toBeTruthy();
  });

  it('shows each amendment with the score it replaced', async () => {
    mockApi({
      Me: me('COORDINATOR'),
      Patient: patientAnswer({
        symptomScores: [
          aSymptomScore('SLEEP', '2026-03-10', 5, {
            version: 2,
            amendments: [
              {
                __typename: 'RecordAmendment',
                amendedAt: '2026-03-10T12:00:00Z',
                amendedBy: 'Sam Coordinator',
                reason: 'misheard',
                previous: '{"score":6}',
              },
            ],
          }),
        ],
      }),
      ...READS,
    });
    renderPatientPage();
    expect((await visitRow('10 Mar 2026')).textContent).toMatch(
      /Amended from 6 by Sam Coordinator on .*: misheard/,
    );
  });

  it('lets a coordinator amend but not mark entered in error', async () => {
    mockApi({
      Me: me('COORDINATOR'),
      Patient: patientAnswer({ symptomScores: [aSymptomScore('PAIN_NRS', '2026-03-10', 6)] }),
      ...READS,
    });
    renderPatientPage();
    const row = within(await visitRow('10 Mar 2026'));
    expect(row.getByRole('button', { name: 'Amend pain of 10 Mar 2026' })).toBeTruthy();
    expect(row.queryByRole('button', { name: /entered in error/ })).toBeNull();
  });

  it('amends a score on its own scale with a reason, sending the version read', async () => {
    const score = aSymptomScore('PAIN_NRS', '2026-03-10', 6, { version: 3 });
    const api = mockApi({
      Me: me('COORDINATOR'),
      Patient: patientAnswer({ symptomScores: [score] }),
      ...READS,
      AmendSymptomScore: { data: { amendSymptomScore: { ...score, score: 5, version: 4 } } },
    });
    renderPatientPage();
    fireEvent.click(
      within(await visitRow('10 Mar 2026')).getByRole('button', { name: 'Amend pain of 10 Mar 2026' }),
    );
    const form = within(screen.getByRole('form', { name: 'Amend pain of 10 Mar 2026' }));
    const save = form.getByRole('button', { name: 'Save correction' });
    expect(form.getByText('0 = No pain · 10 = Worst pain imaginable · Lower is better')).toBeTruthy();
    expect((form.getByRole('radio', { name: '6' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(form.getByRole('radio', { name: '5' }));
    expect(save).toHaveProperty('disabled', true);
    fireEvent.change(form.getByLabelText('Reason for the correction'), {
      target: { value: 'patient said 5' },
    });
    fireEvent.click(save);
    expect(await screen.findByText('pain of 10 Mar 2026 amended to 5.')).toBeTruthy();
    expect(api.callsOf('AmendSymptomScore')[0]?.variables).toEqual({
      scoreId: score.id,
      version: 3,
      score: 5,
      reason: 'patient said 5',
    });
  });

  it('marks a score entered in error with a reason (clinicians), and says plainly when it changed meanwhile', async () => {
    const score = aSymptomScore('FATIGUE', '2026-03-10', 8);
    const api = mockApi({
      Me: me('CLINICIAN'),
      Patient: patientAnswer({ symptomScores: [score] }),
      ...READS,
      MarkSymptomScoreEnteredInError: apiError('CONFLICT', 'Changed by someone else.'),
    });
    renderPatientPage();
    fireEvent.click(
      within(await visitRow('10 Mar 2026')).getByRole('button', {
        name: 'Mark fatigue of 10 Mar 2026 entered in error',
      }),
    );
    const form = within(screen.getByRole('form', { name: 'Mark fatigue of 10 Mar 2026 entered in error' }));
    const submit = form.getByRole('button', { name: 'Mark entered in error' });
    expect(submit).toHaveProperty('disabled', true);
    fireEvent.change(form.getByLabelText('Why was it entered in error?'), {
      target: { value: 'wrong patient' },
    });
    fireEvent.click(submit);
    expect((await screen.findByRole('alert')).textContent).toContain('Someone else changed this record');
    expect(api.callsOf('MarkSymptomScoreEnteredInError')[0]?.variables).toEqual({
      scoreId: score.id,
      version: 1,
      reason: 'wrong patient',
    });
  });
});

import { fireEvent, render, screen } from '@testing-library/react';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../lib/client.ts';
import { RouterProvider } from '../../../lib/router.tsx';
import { type Answer, apiError, mockApi } from '../../../test/api-mock.ts';
import { DUPLICATE_MRN_MESSAGE, RegisterPatientPage } from './RegisterPatientPage.tsx';

/** A BAD_USER_INPUT as the API words it: the first field refused, and every field with its message. */
function refusedFields(...fields: Array<{ field: string; message: string }>): Answer {
  const extensions = { code: 'BAD_USER_INPUT', field: fields[0]?.field, fields };
  const answer = { errors: [{ message: fields.map((f) => f.message).join(' '), extensions }] };
  return answer;
}

/** A BAD_USER_INPUT of one field, as the API's `badInput(field, message)` answers. */
function refusedField(field: string, message: string): Answer {
  const answer = { errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field } }] };
  return answer;
}

function renderRegisterPage() {
  const client = createApiClient({ onUnauthenticated: () => {}, url: 'http://localhost/graphql' });
  render(
    <RouterProvider>
      <Provider value={client}>
        <RegisterPatientPage />
      </Provider>
    </RouterProvider>,
  );
}

function fillRequired(mrn = 'MRN-1') {
  fireEvent.change(screen.getByLabelText('Given name'), { target: { value: ' Ann ' } });
  fireEvent.change(screen.getByLabelText('Family name'), { target: { value: 'Lee' } });
  fireEvent.change(screen.getByLabelText('Date of birth'), { target: { value: '1970-01-02' } });
  fireEvent.change(screen.getByLabelText('MRN'), { target: { value: mrn } });
}

describe('registering a patient', () => {
  it('waits for the required fields, sends what was entered and opens the new patient', async () => {
    const api = mockApi({
      RegisterPatient: {
        data: {
          registerPatient: {
            __typename: 'Patient',
            id: 'patient-9',
            givenName: 'Ann',
            familyName: 'Lee',
            dateOfBirth: '1970-01-02',
            mrn: 'MRN-1',
          },
        },
      },
    });
    renderRegisterPage();
    const submit = screen.getByRole('button', { name: 'Register patient' });
    expect(submit).toHaveProperty('disabled', true);
    fillRequired();
    fireEvent.change(screen.getByLabelText('Allergies'), { target: { value: 'Penicillin' } });
    expect(submit).toHaveProperty('disabled', false);
    fireEvent.click(submit);
    await screen.findByRole('button', { name: 'Register patient' });
    await expect.poll(() => window.location.pathname).toBe('/patients/patient-9');
    expect(api.callsOf('RegisterPatient')[0]?.variables).toEqual({
      input: {
        givenName: 'Ann',
        familyName: 'Lee',
        dateOfBirth: '1970-01-02',
        mrn: 'MRN-1',
        allergies: 'Penicillin',
      },
    });
  });

  it.each([
    ['BAD_USER_INPUT on mrn', refusedField('mrn', DUPLICATE_MRN_MESSAGE)],
    ['CONFLICT', apiError('CONFLICT', 'Unique constraint')],
  ])('shows a duplicate MRN (%s) on the MRN field and focuses it', async (_case, answer) => {
    mockApi({ RegisterPatient: answer });
    renderRegisterPage();
    fillRequired('MRN-TAKEN');
    fireEvent.click(screen.getByRole('button', { name: 'Register patient' }));
    expect(await screen.findByText(DUPLICATE_MRN_MESSAGE)).toBeTruthy();
    const mrn = screen.getByLabelText('MRN');
    expect(mrn.getAttribute('aria-invalid')).toBe('true');
    expect(mrn.getAttribute('aria-describedby')).toContain(`${mrn.id}-error`);
    expect(document.activeElement).toBe(mrn);
    expect(window.location.pathname).toBe('/');
  });

  it('puts each refused field beside its input', async () => {
    mockApi({
      RegisterPatient: refusedFields({
        field: 'phone',
        message: 'phone must be shorter than or equal to 40 characters',
      }),
    });
    renderRegisterPage();
    fillRequired();
    fireEvent.change(screen.getByLabelText('Phone'), { target: { value: '5'.repeat(41) } });
    fireEvent.click(screen.getByRole('button', { name: 'Register patient' }));
    expect(await screen.findByText('phone must be shorter than or equal to 40 characters')).toBeTruthy();
    expect(screen.getByLabelText('Phone').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

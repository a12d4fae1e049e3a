import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RouterProvider } from '../../../lib/router.tsx';
import { FhirPatientImport } from './FhirPatientImport.tsx';

const PATIENT = JSON.stringify({ resourceType: 'Patient', birthDate: '2999-01-01' });

/** Stubs the FHIR API's answer to the POST, recording what was sent. */
function fhirAnswers(status: number, body: unknown) {
  const fetchMock = vi.fn(
    async (_url: RequestInfo | URL, _init?: RequestInit) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/fhir+json' } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const renderImport = () =>
  render(
    <RouterProvider>
      <FhirPatientImport />
    </RouterProvider>,
  );

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('importing a FHIR Patient', () => {
  it('posts the pasted resource as FHIR JSON and opens the new patient', async () => {
    const fetchMock = fhirAnswers(201, { resourceType: 'Patient', id: 'patient-42' });
    renderImport();
    const submit = screen.getByRole('button', { name: 'Import patient' });
    expect(submit).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('FHIR Patient JSON'), { target: { value: PATIENT } });
    fireEvent.click(submit);
    await expect.poll(() => window.location.pathname).toBe('/patients/patient-42');
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/fhir/R4/Patient');
    expect(init).toMatchObject({ method: 'POST', body: PATIENT });
    expect(new Headers(init?.headers).get('content-type')).toBe('application/fhir+json');
  });

  it("lists each refused element with the form's name for it, tied to the text box", async () => {
    fhirAnswers(400, {
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'invalid',
          diagnostics: 'A date of birth cannot be after today (2026-11-27).',
          expression: ['Patient.birthDate'],
        },
        {
          severity: 'error',
          code: 'invalid',
          diagnostics: 'At most 40 characters.',
          expression: ['Patient.identifier[1].value'],
        },
      ],
    });
    renderImport();
    fireEvent.change(screen.getByLabelText('FHIR Patient JSON'), { target: { value: PATIENT } });
    fireEvent.click(screen.getByRole('button', { name: 'Import patient' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Date of birth: A date of birth cannot be after today (2026-11-27).');
    expect(alert.textContent).toContain('MRN: At most 40 characters.');
    const box = screen.getByLabelText('FHIR Patient JSON');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toBe(alert.id);
    expect(window.location.pathname).toBe('/');
  });

  it('says a duplicate is already registered', async () => {
    fhirAnswers(409, {
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'duplicate',
          diagnostics: 'Another patient of this clinic has this medical record number.',
        },
      ],
    });
    renderImport();
    fireEvent.change(screen.getByLabelText('FHIR Patient JSON'), { target: { value: PATIENT } });
    fireEvent.click(screen.getByRole('button', { name: 'Import patient' }));
    expect((await screen.findByRole('alert')).textContent).toContain('already registered');
  });

  it('reads an uploaded file into the text box', async () => {
    renderImport();
    const file = new File([PATIENT], 'patient.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('Patient file (.json)'), { target: { files: [file] } });
    await expect
      .poll(() => (screen.getByLabelText('FHIR Patient JSON') as HTMLTextAreaElement).value)
      .toBe(PATIENT);
  });
});

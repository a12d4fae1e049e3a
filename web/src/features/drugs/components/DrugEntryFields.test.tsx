import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type Answer, mockApi } from '../../../test/api-mock.ts';
import { me, renderSignedIn } from '../../../test/signed-in.tsx';
import type { DrugUse } from '../drug-entry.ts';
import { useDrugEntry } from '../use-drug-entry.ts';
import { DrugEntryFields } from './DrugEntryFields.tsx';

const hit = (term: string, name: string, ingredients: string[], classes: string[], isOpioid: boolean) => ({
  __typename: 'DrugSearchHit',
  term,
  name,
  kind: ingredients.length > 1 ? 'PRODUCT' : 'INGREDIENT',
  ingredients,
  classes,
  isOpioid,
  rxcui: null,
});

const TYLENOL_HITS: Answer = {
  data: {
    drugSearch: [
      hit('tylenol', 'acetaminophen', ['acetaminophen'], ['OTHER'], false),
      hit('Tylenol #3', 'Tylenol #3', ['acetaminophen', 'codeine'], ['OPIOID'], true),
    ],
  },
};

function Harness({ use }: { use: DrugUse }) {
  const state = useDrugEntry(use);
  return (
    <form aria-label="Harness">
      <DrugEntryFields idPrefix="harness" state={state} />
      <output aria-label="Can save">{state.entry.problem === null ? 'yes' : 'no'}</output>
    </form>
  );
}

async function renderField(role: string, use: DrugUse = 'MEDICATION', search: Answer = TYLENOL_HITS) {
  const api = mockApi({ Me: me(role), DrugSearch: search });
  renderSignedIn(<Harness use={use} />);
  const field = await screen.findByRole('combobox', { name: 'Drug' });
  // The session answers first: the role decides who may classify.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { api, field };
}

const canSave = () => screen.getByRole('status', { name: 'Can save' }).textContent;

describe('the drug name type-ahead', () => {
  it('lists the vocabulary’s names with what they are, and takes one with the keyboard', async () => {
    const { api, field } = await renderField('COORDINATOR');
    expect(field.getAttribute('aria-expanded')).toBe('false');
    fireEvent.change(field, { target: { value: 'tylen' } });
    const list = await screen.findByRole('listbox', { name: /names in the vocabulary/ });
    expect(field.getAttribute('aria-expanded')).toBe('true');
    const options = within(list).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      'tylenol acetaminophen — Other',
      'Tylenol #3 acetaminophen + codeine — opioid',
    ]);
    // Asked once typing paused, not per letter.
    expect(api.callsOf('DrugSearch').map((call) => call.variables)).toEqual([{ query: 'tylen', first: 8 }]);

    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(field.getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    expect(options[1]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(field, { key: 'Enter' });
    expect((field as HTMLInputElement).value).toBe('Tylenol #3');
    expect(field.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByText('Tylenol #3: acetaminophen + codeine')).toBeTruthy();
    expect(screen.getByText('An opioid: LDN cannot start while it is taken.')).toBeTruthy();
    expect(screen.getByText('Classes from the vocabulary: Opioid.')).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(canSave()).toBe('yes');
  });

  it('closes the list with Escape, leaving what was typed', async () => {
    const { field } = await renderField('CLINICIAN');
    fireEvent.change(field, { target: { value: 'tylen' } });
    await screen.findByRole('listbox');
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(field.getAttribute('aria-expanded')).toBe('false');
    expect((field as HTMLInputElement).value).toBe('tylen');
  });

  it('reads a misspelt opioid as probable and offers the suggestion', async () => {
    const { field } = await renderField('CLINICIAN', 'MEDICATION', { data: { drugSearch: [] } });
    fireEvent.change(field, { target: { value: 'oxycodon 5 mg' } });
    expect(
      screen.getByText('Probable opioid: treated as an opioid until a clinician says otherwise.'),
    ).toBeTruthy();
    // A clinician may say what it really is; saving as it stands is allowed (it counts as an opioid).
    expect(screen.getByRole('group', { name: /Not oxycodone\? Classify it yourself/ })).toBeTruthy();
    expect(canSave()).toBe('yes');
    fireEvent.click(screen.getByRole('button', { name: 'Did you mean oxycodone?' }));
    expect((field as HTMLInputElement).value).toBe('oxycodone');
    expect(screen.getByText('Classes from the vocabulary: Opioid.')).toBeTruthy();
  });

  it('asks a clinician to classify an unrecognised medication, with a separate "not an opioid"', async () => {
    const { field } = await renderField('CLINICIAN', 'MEDICATION', { data: { drugSearch: [] } });
    fireEvent.change(field, { target: { value: 'Zorblex' } });
    const group = within(screen.getByRole('group', { name: 'Classify this drug (required)' }));
    expect(canSave()).toBe('no');
    fireEvent.click(group.getByRole('checkbox', { name: /^Other/ }));
    expect(group.getByText('Confirm that it is not an opioid, or give it the class OPIOID.')).toBeTruthy();
    expect(canSave()).toBe('no');
    fireEvent.click(group.getByRole('checkbox', { name: 'I confirm this is not an opioid' }));
    expect(canSave()).toBe('yes');
  });

  it('offers no "not an opioid" for a prior therapy', async () => {
    const { field } = await renderField('CLINICIAN', 'PRIOR_THERAPY', { data: { drugSearch: [] } });
    fireEvent.change(field, { target: { value: 'Zorblex' } });
    expect(screen.queryByRole('checkbox', { name: 'I confirm this is not an opioid' })).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: /^TCA/ }));
    expect(canSave()).toBe('yes');
  });

  it('tells a coordinator a clinician must classify an unrecognised name, and offers no classes', async () => {
    const { field } = await renderField('COORDINATOR', 'MEDICATION', { data: { drugSearch: [] } });
    fireEvent.change(field, { target: { value: 'Zorblex' } });
    expect(screen.getByText(/a clinician must state its classes before it can be recorded/)).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(canSave()).toBe('no');
  });
});

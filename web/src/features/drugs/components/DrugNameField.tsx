import { ingredientsLabel } from '@ldn/rules';
import { type KeyboardEvent, useId, useState } from 'react';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useDebounced } from '../../../lib/use-debounced.ts';
import { type DrugSearchHit, useDrugSearch } from '../api/drug-search.ts';
import { drugClassesLabel } from '../drug-class-labels.ts';

/** How long typing pauses before the vocabulary is asked. */
const SEARCH_DELAY_MS = 200;

/** What a name of the list is: "Tylenol #3 — acetaminophen + codeine — opioid". */
export function describeHit(hit: DrugSearchHit): string {
  const what = hit.isOpioid ? 'opioid' : drugClassesLabel(hit.classes);
  const contents = ingredientsLabel(hit.ingredients);
  // "Tylenol-Codeine — Tylenol with Codeine: acetaminophen + codeine"; a synonym of an ingredient
  // ("tylenol") needs only the ingredient.
  const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const name = sameName(hit.term, hit.name) || sameName(hit.name, contents) ? '' : `${hit.name}: `;
  return `${name}${contents} — ${what}`;
}

/**
 * A drug name with a type-ahead over the vocabulary (ARIA combobox with a listbox): up and down
 * move through the names, Enter takes one, Escape closes the list. Free text stays allowed: a
 * name the vocabulary does not know is classified by a clinician below the field.
 */
export function DrugNameField({
  id,
  label = 'Drug',
  value,
  onChange,
  error,
  hint,
}: {
  id: string;
  label?: string;
  value: string;
  onChange: (drug: string) => void;
  error?: string | undefined;
  hint?: string;
}) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDebounced(value.trim(), SEARCH_DELAY_MS);
  const [result] = useDrugSearch(query);
  const hits = open && query === value.trim() ? (result.data?.drugSearch ?? []) : [];
  const expanded = hits.length > 0;
  const optionId = (index: number) => `${listId}-option-${index}`;

  const choose = (hit: DrugSearchHit) => {
    onChange(hit.name);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => Math.min(Math.max(current + step, 0), Math.max(hits.length - 1, 0)));
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      const hit = hits[active];
      if (hit === undefined) return;
      event.preventDefault();
      choose(hit);
    } else if (event.key === 'Escape' && expanded) {
      // Closes the list only; a second Escape reaches the form (which closes).
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="combobox">
      <TextField
        id={id}
        label={label}
        required
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        value={value}
        onChange={(next) => {
          onChange(next);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        error={error}
        {...(hint !== undefined && { hint })}
      />
      <div id={listId} role="listbox" aria-label={`${label}: names in the vocabulary`} hidden={!expanded}>
        {hits.map((hit, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the combobox's (focus stays in the field)
          <div
            key={`${hit.term}-${hit.name}`}
            id={optionId(index)}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className={index === active ? 'combobox-option combobox-option-active' : 'combobox-option'}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(hit)}
          >
            <span className="combobox-term">{hit.term}</span>{' '}
            <span className={hit.isOpioid ? 'opioid-hint' : 'muted'}>{describeHit(hit)}</span>
          </div>
        ))}
      </div>
    </div>
  );
}

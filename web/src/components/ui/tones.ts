import type { BadgeTone } from './Badge.tsx';

/** How an order's state reads at a glance (the words carry it; the colour helps). */
export function orderStateTone(state: string): BadgeTone {
  if (state === 'REJECTED' || state === 'CANCELLED') return 'danger';
  if (state === 'ON_HOLD') return 'warning';
  if (state === 'DISPENSED') return 'success';
  if (state === 'DRAFT') return 'neutral';
  return 'info';
}

/** How a trial state reads at a glance. */
export function trialStateTone(state: string): BadgeTone {
  if (state === 'ON_HOLD') return 'warning';
  if (state === 'DISCONTINUED') return 'danger';
  if (state === 'CONTINUING' || state === 'AT_TARGET') return 'success';
  if (state === 'ASSESSMENT_DUE') return 'info';
  return 'neutral';
}

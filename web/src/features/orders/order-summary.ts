import { FORMULATIONS } from '@ldn/rules';
import { humanize } from '../../lib/format.ts';
import type { ClinicOrder } from './api/clinic-order.ts';

/** The filled parts joined with commas, or a dash when none is. */
export function joinFilled(parts: ReadonlyArray<string | null>): string {
  const filled = parts.filter((part): part is string => part !== null && part !== '');
  return filled.length === 0 ? '—' : filled.join(', ');
}

/** `Titration pack · Oral solution 1 mg/mL, glycerin`: what the pharmacy compounds. */
export function preparationOf(order: ClinicOrder): string {
  const formulation = FORMULATIONS[order.formulation].label;
  const liquid =
    order.liquidStrengthMgPerMl === null
      ? ''
      : ` ${order.liquidStrengthMgPerMl} mg/mL${order.vehicle === null ? '' : `, ${humanize(order.vehicle).toLowerCase()}`}`;
  return `${humanize(order.kind)} · ${formulation}${liquid}`;
}

/** Where the order goes: the address it ships to, or a pick-up. */
export function deliveryOf(order: ClinicOrder): string {
  return order.delivery === 'SHIP'
    ? `Ship to ${joinFilled([order.shipToLine1, order.shipToLine2, order.shipToCity, order.shipToRegion, order.shipToPostal])}`
    : 'Pick up at the pharmacy';
}

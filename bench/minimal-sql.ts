import type { Role } from '../prisma/src/index.ts';
import {
  deriveTrialStatus,
  type IsoDate,
  type TrialHistory,
  type TrialStatus,
  trialStatusInputOf,
} from '../shared/src/index.ts';

// What the minimal endpoint's two pages share: SQL fragments that shape values as the GraphQL API
// serialises them, and a trial's status from its history through the rules package (pure).

/** An instant as GraphQL's DateTime serialises it: `2026-06-30T09:00:00.000Z`. */
export const isoInstant = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The calendar date of an instant in UTC, as the API's `isoDateOf` gives it. */
export const utcDate = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;

/** The name of the person `column` names: '' for nobody known, null when the column is null (`nullable`). */
export const nameOf = (column: string, nullable = false): string => {
  const name = `COALESCE((SELECT u.name FROM "User" u WHERE u.id = ${column}), '')`;
  return nullable ? `CASE WHEN ${column} IS NULL THEN NULL ELSE ${name} END` : name;
};

/**
 * The trial `t`'s history as the rules package takes it (TrialHistory): its dose changes, holds and
 * assessments, those entered in error flagged, each list in date order.
 */
export const TRIAL_HISTORY = `json_build_object(
  'startDate', t."startDate",
  'doseChanges', COALESCE((SELECT json_agg(json_build_object('date', d."changedOn", 'doseMg', d."doseMg",
                                                             'enteredInError', d."enteredInErrorAt" IS NOT NULL)
                                           ORDER BY d."changedOn")
                           FROM "DoseChange" d WHERE d."trialId" = t.id), '[]'),
  'maintenanceDoseMg', t."maintenanceDoseMg",
  'maintenanceDeclaredOn', t."maintenanceDeclaredOn",
  'holds', COALESCE((SELECT json_agg(json_build_object('heldOn', h."heldOn", 'resumedOn', h."resumedOn") ORDER BY h."heldOn")
                     FROM "TrialHold" h WHERE h."trialId" = t.id), '[]'),
  'assessments', COALESCE((SELECT json_agg(json_build_object('assessedOn', a."assessedOn", 'decision', a.decision,
                                                             'enteredInError', a."enteredInErrorAt" IS NOT NULL)
                                           ORDER BY a."assessedOn")
                           FROM "Assessment" a WHERE a."trialId" = t.id), '[]'),
  'endedOn', t."endedOn",
  'enteredInError', t."enteredInErrorAt" IS NOT NULL)`;

/** The trial's status as of `asOf` (rules: deriveTrialStatus), as the API derives it. */
export const statusOf = (history: TrialHistory, asOf: IsoDate): TrialStatus =>
  deriveTrialStatus(trialStatusInputOf(history, asOf));

/** Sends one parameterised statement and gives its rows (the endpoint counts what it sends). */
export type Query = <Row>(sql: string, params: readonly unknown[]) => Promise<Row[]>;

/** Who asks, as the session says: the worklist is the clinic's, routed to the viewer's role. */
export interface Asker {
  userId: string;
  organisationId: string;
  role: Role;
}

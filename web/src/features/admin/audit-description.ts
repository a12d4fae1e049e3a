import type { AuditEntry } from './api/audit-log.ts';

/** The kinds of record the audit log names, in the clinic's words (singular, plural). */
export const RECORD_KINDS: Record<string, readonly [string, string]> = {
  Patient: ['patient', 'patients'],
  Trial: ['trial', 'trials'],
  Order: ['order', 'orders'],
  Medication: ['medication', 'medications'],
  PriorTherapy: ['prior therapy', 'prior therapies'],
  SymptomScore: ['pain score', 'pain scores'],
  Consent: ['consent', 'consents'],
  OpioidFreeAttestation: ['opioid-free attestation', 'opioid-free attestations'],
  DoseChange: ['dose change', 'dose changes'],
  AdverseEffect: ['adverse effect', 'adverse effects'],
  Assessment: ['assessment', 'assessments'],
  User: ['person', 'people'],
  Organisation: ['organisation', 'organisations'],
  Session: ['session', 'sessions'],
};

/** What an action did to a record, as a verb; an action not named here reads as its own words. */
const VERBS: Record<string, string> = {
  READ: 'opened',
  CREATE: 'created',
  UPDATE: 'changed',
  AMEND: 'amended',
  SUBMIT: 'signed and submitted',
  CANCEL: 'cancelled',
  HOLD: 'put on hold',
  RELEASE: 'released',
  RESUME: 'resumed',
  DISCONTINUE: 'discontinued',
  ASSESS: 'assessed',
  DOSE_CHANGE: 'changed the dose of',
  MAINTENANCE_DOSE: 'set the maintenance dose of',
  ADVERSE_EFFECT: 'recorded an adverse effect on',
  ENTERED_IN_ERROR: 'marked entered in error',
  ACKNOWLEDGE: 'acknowledged',
  DISPENSE: 'dispensed',
  REJECT: 'rejected',
  REVIEW: 'reviewed',
  DEACTIVATE: 'deactivated',
  REACTIVATE: 'reactivated',
  INVITE: 'invited',
};

/** Actions about the person themself: the sentence needs no record. */
const OWN_ACTIONS: Record<string, string> = {
  SIGN_IN: 'signed in',
  SIGN_IN_REFUSED: 'was refused sign-in',
  SIGN_OUT: 'signed out',
  PASSWORD_CHANGED: 'changed their password',
  PASSWORD_CHANGE_REFUSED: 'was refused a password change',
  OTHER_SESSIONS_ENDED: 'ended their other sessions',
  SESSION_ENDED: 'ended a session',
  SUBSCRIBE: 'subscribed to live updates',
};

const kindOf = (entity: string) =>
  RECORD_KINDS[entity] ?? [entity.replace(/\B([A-Z])/g, ' $1').toLowerCase(), entity];
const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
const wordsOf = (action: string) => action.toLowerCase().replaceAll('_', ' ');

/** One row of the page: an entry, or the LIST entries of one request, shown as one. */
export interface AuditRow {
  key: string;
  entries: readonly AuditEntry[];
}

/**
 * The page's rows: a request's LIST entries (the worklist lists patients, trials and orders) become
 * one row beside each other, so a screenful of lists reads "listed 25 patients", not 25 rows.
 */
export function rowsOf(entries: readonly AuditEntry[]): AuditRow[] {
  const rows: AuditRow[] = [];
  for (const entry of entries) {
    const previous = rows.at(-1);
    const first = previous?.entries[0];
    const sameList =
      entry.action === 'LIST' &&
      first?.action === 'LIST' &&
      entry.requestId !== null &&
      first.requestId === entry.requestId;
    if (previous !== undefined && sameList) previous.entries = [...previous.entries, entry];
    else rows.push({ key: entry.id, entries: [entry] });
  }
  return rows;
}

/**
 * A row in words, with only what the administrator may see: the person, what they did, the kind of
 * record — and the patient's MRN only when the administrator searched by it (the API never says it).
 */
export function describeRow(row: AuditRow, searchedMrn: string | null): string {
  const [entry] = row.entries;
  if (entry === undefined) return '';
  const who = entry.actorId === null ? 'The system' : (entry.actorName ?? 'Someone');
  if (entry.action === 'LIST') {
    const counts = row.entries.map((listed) => {
      const [one, many] = kindOf(listed.entity);
      return `${listed.entityIds.length} ${listed.entityIds.length === 1 ? one : many}`;
    });
    return `${who} listed ${counts.join(', ')}`;
  }
  const own = OWN_ACTIONS[entry.action];
  if (own !== undefined) return `${who} ${own}`;
  const verb = VERBS[entry.action] ?? wordsOf(entry.action);
  if (entry.action.startsWith('ROLE_CHANGE_'))
    return `${who} changed the role of a person (${wordsOf(entry.action.slice(12))})`;
  const [kind] = kindOf(entry.entity);
  if (entry.entity === 'Patient')
    return `${who} ${verb} ${searchedMrn === null ? 'a patient' : `patient ${searchedMrn}`}`;
  const record =
    entry.entityId === null
      ? `the ${kind}s`
      : searchedMrn === null
        ? withArticle(kind)
        : `the ${kind} of patient ${searchedMrn}`;
  return `${who} ${verb} ${record}`;
}

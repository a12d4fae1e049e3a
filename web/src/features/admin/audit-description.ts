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
  PatientLink: ['patient link', 'patient links'],
  PatientReport: ['patient report', 'patient reports'],
  ApiToken: ['API token', 'API tokens'],
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
  // The patient link (issue #19): a patient's own requests carry no person, only the link.
  ISSUE: 'issued',
  REVOKE: 'revoked',
  LOCK: 'locked',
  REPLACE: 'replaced',
  PATIENT_REPORT: 'received a home report through',
  DEVICE_CONFIRMED: 'confirmed a device for',
  BIRTH_DATE_REFUSED: 'refused a date of birth for',
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
  // A system reading through the FHIR API: the request's reads are the rows beside it.
  API_TOKEN_USE: 'read records with an API token',
};

/** What a patient did to their own link (issue #19), through it: the sentence needs no record. */
const PATIENT_LINK_ACTIONS: Record<string, string> = {
  READ: 'opened their report page',
  PATIENT_REPORT: 'sent an evening report',
  DEVICE_CONFIRMED: 'gave the right date of birth on a new device',
  BIRTH_DATE_REFUSED: 'gave a wrong date of birth',
  LOCK: 'locked their link with too many wrong dates of birth',
};

/**
 * Who acted: a staff member by name, a patient through their link (no person: the link's first
 * characters, its full id in the record column of its own rows), or the system (a command, a job).
 */
function whoOf(entry: AuditEntry): string {
  if (entry.patientLinkId != null) return `The patient (link ${entry.patientLinkId.slice(0, 8)})`;
  return entry.actorId === null ? 'The system' : (entry.actorName ?? 'Someone');
}

const kindOf = (entity: string) =>
  RECORD_KINDS[entity] ?? [entity.replace(/\B([A-Z])/g, ' $1').toLowerCase(), entity];
// "an API token": the article follows the sound, and an initialism's first letter is said as its name.
const withArticle = (noun: string) => `${/^([aeiou]|[AEFHILMNORSX][A-Z])/.test(noun) ? 'an' : 'a'} ${noun}`;
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
  const who = whoOf(entry);
  if (entry.action === 'LIST') {
    const counts = row.entries.map((listed) => {
      const [one, many] = kindOf(listed.entity);
      return `${listed.entityIds.length} ${listed.entityIds.length === 1 ? one : many}`;
    });
    return `${who} listed ${counts.join(', ')}`;
  }
  const own =
    entry.patientLinkId != null && entry.entity === 'PatientLink'
      ? PATIENT_LINK_ACTIONS[entry.action]
      : OWN_ACTIONS[entry.action];
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

/**
 * @ldn/rules — the clinical rules of an LDN trial (clinical-rules.md): pure functions and typed
 * constants, no runtime dependencies, the same in Node and in the browser.
 */
export * from './assessment.ts';
export * from './beyond-use-date.ts';
export * from './compounding.ts';
export * from './condition-codes.ts';
export * from './conditions.ts';
export * from './continuation.ts';
export * from './dates.ts';
export * from './dose.ts';
export * from './drugs/index.ts';
export * from './eligibility.ts';
export * from './errors.ts';
export * from './evidence.ts';
export * from './findings.ts';
export * from './greenwood.ts';
export * from './holds.ts';
export * from './label.ts';
export * from './npi.ts';
export * from './opioids.ts';
export * from './order-overlap.ts';
export * from './orders.ts';
export * from './outcomes.ts';
export * from './patient-identity.ts';
export * from './patient-report.ts';
export * from './policy.ts';
export * from './response.ts';
export * from './signature.ts';
export * from './symptom-scales.ts';
export * from './titration.ts';
export * from './trial-entered-in-error.ts';
export * from './trial-records.ts';
export * from './trial-start.ts';
export * from './trial-status.ts';
export * from './visit-scores.ts';
export * from './vocabulary.ts';

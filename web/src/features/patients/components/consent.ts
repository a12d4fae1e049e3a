import { CONSENT_POINT_CODES, type ConsentPoint, checkConsent } from '@ldn/rules';

/** How far a consent checklist goes: complete only when the rules find nothing missing (§7). */
export function consentStateOf(points: readonly ConsentPoint[], recordedOn: string) {
  // The rules check a consent against a start date; on its own day, only the points count.
  const findings = checkConsent({ recordedOn, points: [...points] }, recordedOn);
  return {
    complete: findings.length === 0,
    missing: CONSENT_POINT_CODES.filter((point) => !points.includes(point)),
  };
}

/**
 * What a clinician's electronic signature on an order means (21 CFR 11.50(a)(3): the meaning
 * associated with the signature). One wording, stored with every signature, shown before signing
 * and printed with the order, so what was signed and what it was said to mean cannot drift apart.
 */
export const ORDER_SIGNATURE_MEANING = 'Prescribed and authorised for compounding';

-- The pharmacist's search of the queue by patient name (issue #16) without the "Patient" policy's
-- look-up for every patient of the network. Under row-level security a name match (ILIKE, lower,
-- strpos: not leakproof) waits for the policy, so a pharmacy's search asked
-- "ldn_pharmacy_reaches_patient" of all 100,000 patients of the bench network before matching a
-- name: 1.1–2.2 s a search. This function matches the names first, as the tables' owner (so no
-- policy), then keeps only the patients an order sent to the request's pharmacy reaches: what the
-- policy would have shown, found the other way round.
--
-- The organisation is the one the policies read ("ldn_organisation"(), the request's setting), never
-- an argument, so no caller learns of a patient its organisation does not reach. A clinic or the
-- network finds no one through it: they search their patients through the policies, which give
-- them their own (server/src/patients/patient-search.ts).
--
-- The match is the queue's (server/src/orders/pharmacy-queue.ts), which is the clinic's search
-- without the MRN: every word within the given or the family name, in any case; a word's % or _ is
-- a character to find, escaped as the clinic's search escapes it. No index serves a match within a
-- name (a trigram index needs pg_trgm, which the embedded database does not load), so the names are
-- read once, in one pass of "Patient", without the policy.
--
-- PL/pgSQL, for two plans made with what they read known: the match has one condition per word
-- (one pass of the names, where a subquery over the words per patient costs twice as much), and
-- the reached patients are asked with the matched ones in hand, so the planner probes
-- "Order_patientId_idx" for a few names and reads the pharmacy's orders once when a word (a single
-- letter) names half the network. The statements' text is built from the words' positions only;
-- the words themselves are parameters.
CREATE FUNCTION "ldn_pharmacy_patients_named"(words text[]) RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  pharmacy uuid := "ldn_organisation"();
  patterns text[];
  every_word text;
  named uuid[];
BEGIN
  IF "ldn_organisation_kind"() IS DISTINCT FROM 'PHARMACY' OR COALESCE(cardinality(words), 0) = 0 THEN
    RETURN;
  END IF;
  patterns := ARRAY(SELECT '%' || replace(replace(replace(w, '\', '\\'), '%', '\%'), '_', '\_') || '%'
                    FROM unnest(words) w);
  every_word := (SELECT string_agg(format('(p."givenName" ILIKE $1[%1$s] OR p."familyName" ILIKE $1[%1$s])', n), ' AND ')
                 FROM generate_subscripts(patterns, 1) n);
  EXECUTE format('SELECT ARRAY(SELECT p."id" FROM "Patient" p WHERE %s)', every_word) INTO named USING patterns;
  RETURN QUERY EXECUTE
    'SELECT DISTINCT o."patientId" FROM "Order" o
      WHERE o."patientId" = ANY ($1) AND o."pharmacyId" = $2 AND o."state" <> ''DRAFT'''
    USING named, pharmacy;
END
$$;
REVOKE ALL ON FUNCTION "ldn_pharmacy_patients_named"(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "ldn_pharmacy_patients_named"(text[]) TO ldn_app;

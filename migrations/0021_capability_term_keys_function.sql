-- Every name a capability is found by (its labels, shipped synonyms and admins' synonyms), as
-- comparison keys: a stored column of these (next migration) lets a search find the capabilities
-- its text names without working out thousands of keys on every search.
CREATE OR REPLACE FUNCTION catalogue_capability_term_keys(labels jsonb, synonyms jsonb, added_synonyms jsonb)
RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT key), '{}')
  FROM (
    SELECT catalogue_term_key(term) AS key
    FROM (
      SELECT value AS term FROM jsonb_each_text(labels)
      UNION ALL SELECT jsonb_array_elements_text(value) FROM jsonb_each(synonyms)
      UNION ALL SELECT jsonb_array_elements_text(value) FROM jsonb_each(added_synonyms)
    ) terms
  ) keys
  WHERE length(key) >= 2
$$;

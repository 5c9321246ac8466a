-- Immutable wrappers the catalogue's generated search column and tag matching rely on.
-- unaccent() itself is only STABLE (its dictionary could change), so a generated column cannot
-- call it; naming the dictionary explicitly makes the result fixed, which is what we promise.
CREATE OR REPLACE FUNCTION catalogue_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
-- The key two terms are compared by: lower case, no accents, punctuation and spaces collapsed
-- ("Air-source  heat pump" = "air source heat pump"; "Réseau de chaleur" = "reseau de chaleur").
CREATE OR REPLACE FUNCTION catalogue_term_key(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT btrim(regexp_replace(lower(catalogue_unaccent($1)), '[^a-z0-9]+', ' ', 'g')) $$;

-- Counters change in the same statement as the report (docs/decisions/0012-deadline-rush-write-path.md).
--
-- renkei_counters_add(counters, delta) adds a signed delta (lib/aggregation clinicCountersDelta:
-- the new contribution of one report minus its old one) to stored ClinicCounters JSON, keeping the
-- canonical form of lib/aggregation/merge.ts: fixed-shape tallies stay dense (zeros kept); in the
-- open-ended maps (cells → kinds → statuses, functions, choices, counts, byCode, offered,
-- offeredWithPrimary) an entry that falls back to all zeros is dropped. A negative count means the
-- stored row had drifted from the data: it raises RK001 and the caller recounts the municipality
-- instead. Doing the addition in SQL lets the row lock be held for one statement only.
CREATE OR REPLACE FUNCTION renkei_counters_add(base jsonb, delta jsonb, container text DEFAULT '', parent text DEFAULT '')
RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  result jsonb := COALESCE(base, '{}'::jsonb);
  sparse boolean := container IN ('cells', 'functions', 'choices', 'counts', 'byCode', 'offered', 'offeredWithPrimary')
    OR parent = 'cells';
  k text;
  d jsonb;
  merged jsonb;
BEGIN
  FOR k, d IN SELECT key, value FROM jsonb_each(delta) LOOP
    IF jsonb_typeof(d) = 'object' THEN
      merged := renkei_counters_add(result -> k, d, k, container);
    ELSE
      merged := to_jsonb(COALESCE((result ->> k)::numeric, 0) + (d #>> '{}')::numeric);
      IF (merged #>> '{}')::numeric < 0 THEN
        RAISE EXCEPTION 'renkei counters: % would become negative', k USING ERRCODE = 'RK001';
      END IF;
    END IF;
    IF sparse AND NOT jsonb_path_exists(merged, 'lax $.** ? (@.type() == "number" && @ != 0)') THEN
      result := result - k;
    ELSE
      result := jsonb_set(result, ARRAY[k], merged);
    END IF;
  END LOOP;
  RETURN result;
END $$;

-- Raises RK002 when a report was written (written > 0) but its counter rows were not (missing, or
-- of another CLINIC_COUNTERS_FORMAT): the whole statement, report included, is then undone and
-- the caller writes it again in a transaction that recounts the municipality.
CREATE OR REPLACE FUNCTION renkei_assert_counted(written bigint, counted bigint)
RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
  IF written > 0 AND counted = 0 THEN
    RAISE EXCEPTION 'renkei counters: the counter rows of this change are missing or stale' USING ERRCODE = 'RK002';
  END IF;
  RETURN written;
END $$;

-- Analyst views over the typed tables. One statement per view.

-- Numbers as an analyst writes them: 12,500 / 2,500,000,000 / 0.5
CREATE MACRO fmt_num(x) AS CASE WHEN x = trunc(x) THEN format('{:,}', CAST(x AS HUGEINT)) ELSE CAST(x AS VARCHAR) END;

-- Events in date order, with how many sources report each and who reported it first.
CREATE VIEW timeline AS
SELECT e.event_date, e.date_precision, e.event_type, e.status, e.summary, e.story_id,
       count(DISTINCT m.source_id) AS source_count,
       arg_min(m.source_id, coalesce(s.published_date, DATE '9999-12-31')) AS earliest_source,
       min(s.published_date) AS first_reported,
       count(DISTINCT coalesce(CAST(m.event_date AS VARCHAR), '') || m.date_precision) > 1 AS dates_differ,
       a.name AS actor, p.name AS place, e.event_id
FROM events e
JOIN event_mentions m USING (event_id)
JOIN sources s USING (source_id)
LEFT JOIN entities a ON a.entity_id = e.actor_id
LEFT JOIN entities p ON p.entity_id = e.place_id
GROUP BY ALL
ORDER BY e.event_date NULLS LAST, e.event_type, e.event_id;

-- Where sources date the same happening differently: every mention of an event
-- that at least one source dates outside the event's date (a less precise date that
-- contains it agrees; an unknown date agrees with anything).
CREATE VIEW event_date_conflicts AS
WITH judged AS (
    SELECT e.event_id, e.event_type, e.event_date AS event_date, e.date_precision AS event_precision,
           m.source_id, m.event_date AS source_date, m.date_precision AS source_precision, m.date_text,
           m.char_start,
           m.date_precision = 'unknown' OR e.event_date IS NULL
             OR (m.date_precision = 'day' AND m.event_date = e.event_date)
             OR (m.date_precision = 'week' AND date_trunc('week', m.event_date) = date_trunc('week', e.event_date))
             OR (m.date_precision = 'month' AND date_trunc('month', m.event_date) = date_trunc('month', e.event_date))
             OR (m.date_precision = 'year' AND year(m.event_date) = year(e.event_date)) AS agrees
    FROM events e JOIN event_mentions m USING (event_id)
)
SELECT event_id, event_type, event_date, event_precision, source_id, source_date, source_precision,
       date_text, agrees
FROM judged
WHERE event_id IN (SELECT event_id FROM judged WHERE NOT agrees)
ORDER BY event_date NULLS LAST, event_id, source_id, char_start;

-- Measures reported with different values by different sources, values side by side.
CREATE VIEW figure_discrepancies AS
WITH by_value AS (
    SELECT f.story_id, f.measure, f.kind, f.unit, coalesce(f.per, '') AS per, f.value, f.value_high,
           string_agg(DISTINCT m.source_id, ', ' ORDER BY m.source_id) AS sources,
           count(DISTINCT m.source_id) AS n
    FROM figures f JOIN figure_mentions m USING (figure_id)
    GROUP BY ALL
)
SELECT story_id, measure, kind, unit, per,
       count(*) AS distinct_values,
       string_agg(CASE WHEN value_high IS NULL THEN fmt_num(value)
                       ELSE fmt_num(value) || '-' || fmt_num(value_high) END
                  || ' [' || sources || ']', ' / ' ORDER BY value, value_high) AS values_reported,
       min(value) AS min_value, max(coalesce(value_high, value)) AS max_value
FROM by_value
GROUP BY story_id, measure, kind, unit, per
HAVING count(*) > 1 AND count(DISTINCT sources) > 1
ORDER BY story_id, measure, unit, per;

-- Who said what: every quote with its speaker and how many sources carry it.
CREATE VIEW quotes_by_speaker AS
SELECT coalesce(en.name, '(unattributed)') AS speaker, en.entity_type AS speaker_type,
       q.speaker_role, q.text, q.is_partial,
       count(*) AS mentions, count(DISTINCT m.source_id) AS source_count,
       string_agg(DISTINCT m.source_id, ', ' ORDER BY m.source_id) AS sources, q.quote_id
FROM quotes q
JOIN quote_mentions m USING (quote_id)
LEFT JOIN entities en ON en.entity_id = q.speaker_id
GROUP BY ALL
ORDER BY speaker, source_count DESC, q.quote_id;

-- Every fact by how many independent sources (distinct outlets; an article with no
-- known outlet counts on its own) report it.
CREATE VIEW corroboration AS
-- each fact's sources counted before its label is made, so the work is one pass over
-- the mentions, not one label per mention
WITH said AS (
    SELECT DISTINCT 'event' AS fact_type, event_id AS fact_id, source_id FROM event_mentions
    UNION ALL
    SELECT DISTINCT 'figure', figure_id, source_id FROM figure_mentions
    UNION ALL
    SELECT DISTINCT 'quote', quote_id, source_id FROM quote_mentions
), counted AS (
    SELECT fact_type, fact_id,
           count(DISTINCT coalesce(s.outlet, s.source_id)) AS independent_sources,
           count(*) AS source_count,
           -- a sorted list joined: the same text as string_agg(... ORDER BY), in about
           -- two thirds of the time at 10,000 articles
           array_to_string(list_sort(list(source_id)), ', ') AS sources
    FROM said JOIN sources s USING (source_id)
    GROUP BY fact_type, fact_id
), facts AS (
    SELECT 'event' AS fact_type, event_id AS fact_id,
           event_type || ' ' || coalesce(CAST(event_date AS VARCHAR), 'undated') AS fact
    FROM events
    UNION ALL
    SELECT 'figure', figure_id,
           measure || ': ' || fmt_num(value) || coalesce('-' || fmt_num(value_high), '') || ' ' || unit
             || coalesce(' per ' || per, '')
    FROM figures
    UNION ALL
    SELECT 'quote', quote_id, left(text, 100) FROM quotes
)
SELECT fact_type, fact, independent_sources, source_count, sources, fact_id
FROM counted JOIN facts USING (fact_type, fact_id)
ORDER BY independent_sources DESC, source_count DESC, fact_type, fact_id;

-- Per source: what it is and what it contributes.
CREATE VIEW source_coverage AS
-- counts grouped once per table and joined, not one correlated count per source
WITH seg AS (
    SELECT source_id, count(*) FILTER (WHERE kind = 'body') AS body_lines,
           count(*) FILTER (WHERE kind <> 'body') AS other_lines
    FROM segments GROUP BY source_id
), fm AS (SELECT source_id, count(*) AS n FROM figure_mentions GROUP BY source_id
), qm AS (SELECT source_id, count(*) AS n FROM quote_mentions GROUP BY source_id
), em AS (SELECT source_id, count(*) AS n FROM event_mentions GROUP BY source_id
), en AS (SELECT source_id, count(DISTINCT entity_id) AS n FROM entity_mentions GROUP BY source_id)
SELECT s.source_id, s.outlet, s.published_date, s.date_basis, s.char_count,
       coalesce(seg.body_lines, 0) AS body_lines, coalesce(seg.other_lines, 0) AS other_lines,
       coalesce(fm.n, 0) AS figure_mentions, coalesce(qm.n, 0) AS quote_mentions,
       coalesce(em.n, 0) AS event_mentions, coalesce(en.n, 0) AS entities_named, s.repairs
FROM sources s
LEFT JOIN seg USING (source_id) LEFT JOIN fm USING (source_id) LEFT JOIN qm USING (source_id)
LEFT JOIN em USING (source_id) LEFT JOIN en USING (source_id)
ORDER BY s.source_id;

-- What the dashboards read, kept by the database as request_log rows are inserted, so every query reads a number of
-- rows bounded by the period and the number of subjects, never by the size of the log:
--   usage_daily      one row per dimension and calendar day in the hub's time zone (weeks, months, 30-day series)
--   session_usage    one row per coding session (the active-sessions list and count)
--   unpriced_models  one row per model requested without a price
-- The hub writes its time zone to system_settings.rollupZone at start and rebuilds usage_daily from usage_hourly
-- when the zone changed.

CREATE TABLE usage_daily (
    dim               TEXT            NOT NULL CHECK (dim IN ('user', 'key', 'provider', 'model')),
    day               DATE            NOT NULL,
    subject_id        BIGINT          NOT NULL DEFAULT 0,
    model             TEXT            NOT NULL DEFAULT '',
    requests          BIGINT          NOT NULL DEFAULT 0,
    errors            BIGINT          NOT NULL DEFAULT 0,
    input_tokens      BIGINT          NOT NULL DEFAULT 0,
    output_tokens     BIGINT          NOT NULL DEFAULT 0,
    cache_read_tokens BIGINT          NOT NULL DEFAULT 0,
    cache_write_tokens BIGINT         NOT NULL DEFAULT 0,
    cost_usd          NUMERIC(24, 15) NOT NULL DEFAULT 0,
    duration_ms_sum   BIGINT          NOT NULL DEFAULT 0,
    duration_count    BIGINT          NOT NULL DEFAULT 0,
    ttft_ms_sum       BIGINT          NOT NULL DEFAULT 0,
    ttft_count        BIGINT          NOT NULL DEFAULT 0,
    PRIMARY KEY (dim, day, subject_id, model)
);

CREATE TABLE session_usage (
    key_id        BIGINT          NOT NULL,
    session_id    TEXT            NOT NULL,
    user_id       BIGINT,
    provider_id   BIGINT,
    first_seen    TIMESTAMPTZ     NOT NULL,
    last_activity TIMESTAMPTZ     NOT NULL,
    requests      BIGINT          NOT NULL DEFAULT 0,
    tokens        BIGINT          NOT NULL DEFAULT 0,
    cost_usd      NUMERIC(24, 15) NOT NULL DEFAULT 0,
    PRIMARY KEY (key_id, session_id)
);
CREATE INDEX session_usage_activity ON session_usage (last_activity DESC);

CREATE TABLE unpriced_models (
    model     TEXT        PRIMARY KEY,
    requests  BIGINT      NOT NULL DEFAULT 0,
    last_seen TIMESTAMPTZ NOT NULL
);

INSERT INTO system_settings (key, value) VALUES ('rollupZone', '"UTC"') ON CONFLICT (key) DO NOTHING;

CREATE OR REPLACE FUNCTION request_log_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    zone TEXT := coalesce((SELECT value #>> '{}' FROM system_settings WHERE key = 'rollupZone'), 'UTC');
BEGIN
    -- fixed orders everywhere: writers on several nodes lock rollup rows in the same order and cannot deadlock
    INSERT INTO usage_hourly AS u (dim, hour, subject_id, model, requests, errors, input_tokens, output_tokens,
                                   cache_read_tokens, cache_write_tokens, cost_usd, duration_ms_sum, duration_count,
                                   ttft_ms_sum, ttft_count)
    SELECT d.dim, date_trunc('hour', r.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
           CASE d.dim WHEN 'user' THEN coalesce(r.user_id, 0) WHEN 'key' THEN coalesce(r.key_id, 0)
                      WHEN 'provider' THEN coalesce(r.provider_id, 0) ELSE 0 END,
           CASE d.dim WHEN 'model' THEN coalesce(r.billing_model, r.model, '') ELSE '' END,
           count(*), count(*) FILTER (WHERE r.error_kind IS NOT NULL OR r.status_code >= 400),
           sum(r.input_tokens), sum(r.output_tokens), sum(r.cache_read_tokens),
           sum(r.cache_write_5m_tokens + r.cache_write_1h_tokens), sum(r.cost_usd),
           coalesce(sum(r.duration_ms), 0), count(r.duration_ms), coalesce(sum(r.ttft_ms), 0), count(r.ttft_ms)
    FROM new_rows r CROSS JOIN (VALUES ('user'), ('key'), ('provider'), ('model')) AS d(dim)
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (dim, hour, subject_id, model) DO UPDATE SET
        requests = u.requests + EXCLUDED.requests, errors = u.errors + EXCLUDED.errors,
        input_tokens = u.input_tokens + EXCLUDED.input_tokens, output_tokens = u.output_tokens + EXCLUDED.output_tokens,
        cache_read_tokens = u.cache_read_tokens + EXCLUDED.cache_read_tokens,
        cache_write_tokens = u.cache_write_tokens + EXCLUDED.cache_write_tokens, cost_usd = u.cost_usd + EXCLUDED.cost_usd,
        duration_ms_sum = u.duration_ms_sum + EXCLUDED.duration_ms_sum, duration_count = u.duration_count + EXCLUDED.duration_count,
        ttft_ms_sum = u.ttft_ms_sum + EXCLUDED.ttft_ms_sum, ttft_count = u.ttft_count + EXCLUDED.ttft_count;

    INSERT INTO usage_daily AS u (dim, day, subject_id, model, requests, errors, input_tokens, output_tokens,
                                  cache_read_tokens, cache_write_tokens, cost_usd, duration_ms_sum, duration_count,
                                  ttft_ms_sum, ttft_count)
    SELECT d.dim, CAST(r.created_at AT TIME ZONE zone AS date),
           CASE d.dim WHEN 'user' THEN coalesce(r.user_id, 0) WHEN 'key' THEN coalesce(r.key_id, 0)
                      WHEN 'provider' THEN coalesce(r.provider_id, 0) ELSE 0 END,
           CASE d.dim WHEN 'model' THEN coalesce(r.billing_model, r.model, '') ELSE '' END,
           count(*), count(*) FILTER (WHERE r.error_kind IS NOT NULL OR r.status_code >= 400),
           sum(r.input_tokens), sum(r.output_tokens), sum(r.cache_read_tokens),
           sum(r.cache_write_5m_tokens + r.cache_write_1h_tokens), sum(r.cost_usd),
           coalesce(sum(r.duration_ms), 0), count(r.duration_ms), coalesce(sum(r.ttft_ms), 0), count(r.ttft_ms)
    FROM new_rows r CROSS JOIN (VALUES ('user'), ('key'), ('provider'), ('model')) AS d(dim)
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (dim, day, subject_id, model) DO UPDATE SET
        requests = u.requests + EXCLUDED.requests, errors = u.errors + EXCLUDED.errors,
        input_tokens = u.input_tokens + EXCLUDED.input_tokens, output_tokens = u.output_tokens + EXCLUDED.output_tokens,
        cache_read_tokens = u.cache_read_tokens + EXCLUDED.cache_read_tokens,
        cache_write_tokens = u.cache_write_tokens + EXCLUDED.cache_write_tokens, cost_usd = u.cost_usd + EXCLUDED.cost_usd,
        duration_ms_sum = u.duration_ms_sum + EXCLUDED.duration_ms_sum, duration_count = u.duration_count + EXCLUDED.duration_count,
        ttft_ms_sum = u.ttft_ms_sum + EXCLUDED.ttft_ms_sum, ttft_count = u.ttft_count + EXCLUDED.ttft_count;

    INSERT INTO session_usage AS s (key_id, session_id, user_id, provider_id, first_seen, last_activity, requests, tokens,
                                    cost_usd)
    SELECT r.key_id, r.session_id, min(r.user_id),
           (array_agg(r.provider_id ORDER BY r.created_at DESC) FILTER (WHERE r.provider_id IS NOT NULL))[1],
           min(r.created_at), max(r.created_at), count(*),
           sum(r.input_tokens + r.output_tokens + r.cache_read_tokens + r.cache_write_5m_tokens + r.cache_write_1h_tokens),
           sum(r.cost_usd)
    FROM new_rows r
    WHERE r.session_id IS NOT NULL AND r.key_id IS NOT NULL AND r.blocked_by IS NULL
    GROUP BY r.key_id, r.session_id ORDER BY r.key_id, r.session_id
    ON CONFLICT (key_id, session_id) DO UPDATE SET
        user_id = coalesce(s.user_id, EXCLUDED.user_id),
        provider_id = CASE WHEN EXCLUDED.last_activity >= s.last_activity
                           THEN coalesce(EXCLUDED.provider_id, s.provider_id) ELSE s.provider_id END,
        first_seen = least(s.first_seen, EXCLUDED.first_seen),
        last_activity = greatest(s.last_activity, EXCLUDED.last_activity),
        requests = s.requests + EXCLUDED.requests, tokens = s.tokens + EXCLUDED.tokens,
        cost_usd = s.cost_usd + EXCLUDED.cost_usd;

    INSERT INTO unpriced_models AS m (model, requests, last_seen)
    SELECT coalesce(r.billing_model, r.model), count(*), max(r.created_at)
    FROM new_rows r
    WHERE r.price_missing AND coalesce(r.billing_model, r.model) IS NOT NULL
    GROUP BY 1 ORDER BY 1
    ON CONFLICT (model) DO UPDATE SET requests = m.requests + EXCLUDED.requests,
        last_seen = greatest(m.last_seen, EXCLUDED.last_seen);
    RETURN NULL;
END;
$$;

-- rebuild from what is already there
INSERT INTO usage_daily (dim, day, subject_id, model, requests, errors, input_tokens, output_tokens, cache_read_tokens,
                         cache_write_tokens, cost_usd, duration_ms_sum, duration_count, ttft_ms_sum, ttft_count)
SELECT dim, CAST(hour AT TIME ZONE 'UTC' AS date), subject_id, model, sum(requests), sum(errors), sum(input_tokens),
       sum(output_tokens), sum(cache_read_tokens), sum(cache_write_tokens), sum(cost_usd), sum(duration_ms_sum),
       sum(duration_count), sum(ttft_ms_sum), sum(ttft_count)
FROM usage_hourly GROUP BY 1, 2, 3, 4;

INSERT INTO session_usage (key_id, session_id, user_id, provider_id, first_seen, last_activity, requests, tokens, cost_usd)
SELECT key_id, session_id, min(user_id),
       (array_agg(provider_id ORDER BY created_at DESC) FILTER (WHERE provider_id IS NOT NULL))[1],
       min(created_at), max(created_at), count(*),
       sum(input_tokens + output_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens), sum(cost_usd)
FROM request_log
WHERE session_id IS NOT NULL AND key_id IS NOT NULL AND blocked_by IS NULL
GROUP BY key_id, session_id;

INSERT INTO unpriced_models (model, requests, last_seen)
SELECT coalesce(billing_model, model), count(*), max(created_at) FROM request_log
WHERE price_missing AND coalesce(billing_model, model) IS NOT NULL GROUP BY 1;

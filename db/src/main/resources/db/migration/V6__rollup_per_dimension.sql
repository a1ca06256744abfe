-- One hourly rollup row per dimension (user, key, provider, model) instead of one per combination of all four.
-- The combined table grew almost as fast as the log when many keys used many models and providers; per dimension,
-- a month is at most 720 hours x (users + keys + providers + models) rows, so every dashboard query reads a bounded
-- number of rows however large the log grows.

DROP TRIGGER request_log_rollup ON request_log;
DROP FUNCTION request_log_rollup();
DROP TABLE usage_hourly;

CREATE TABLE usage_hourly (
    dim               TEXT            NOT NULL CHECK (dim IN ('user', 'key', 'provider', 'model')),
    hour              TIMESTAMPTZ     NOT NULL,
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
    PRIMARY KEY (dim, hour, subject_id, model)
);
-- one key's or one user's figures over a period (self-service, usage pages)
CREATE INDEX usage_hourly_subject ON usage_hourly (dim, subject_id, hour);

CREATE FUNCTION request_log_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
    GROUP BY 1, 2, 3, 4
    -- a fixed order: writers on several nodes lock rollup rows in the same order and cannot deadlock
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (dim, hour, subject_id, model) DO UPDATE SET
        requests = u.requests + EXCLUDED.requests,
        errors = u.errors + EXCLUDED.errors,
        input_tokens = u.input_tokens + EXCLUDED.input_tokens,
        output_tokens = u.output_tokens + EXCLUDED.output_tokens,
        cache_read_tokens = u.cache_read_tokens + EXCLUDED.cache_read_tokens,
        cache_write_tokens = u.cache_write_tokens + EXCLUDED.cache_write_tokens,
        cost_usd = u.cost_usd + EXCLUDED.cost_usd,
        duration_ms_sum = u.duration_ms_sum + EXCLUDED.duration_ms_sum,
        duration_count = u.duration_count + EXCLUDED.duration_count,
        ttft_ms_sum = u.ttft_ms_sum + EXCLUDED.ttft_ms_sum,
        ttft_count = u.ttft_count + EXCLUDED.ttft_count;
    RETURN NULL;
END;
$$;

CREATE TRIGGER request_log_rollup AFTER INSERT ON request_log
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION request_log_rollup();

-- rebuild from the log that is already there
INSERT INTO usage_hourly (dim, hour, subject_id, model, requests, errors, input_tokens, output_tokens,
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
FROM request_log r CROSS JOIN (VALUES ('user'), ('key'), ('provider'), ('model')) AS d(dim)
GROUP BY 1, 2, 3, 4;

-- the error filter of the log reads only failed requests, newest first
CREATE INDEX request_log_errors ON request_log (created_at DESC, id DESC) WHERE error_kind IS NOT NULL OR status_code >= 400;

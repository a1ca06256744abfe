-- Operations data: hourly rollups kept up to date by the database itself, content rules, notification targets,
-- and the indexes the request-log filters need.

-- One row per hour x user x key x provider x model. Dashboards read these, never the raw log, so they stay fast
-- however large the log grows. Rows appear as request_log rows are inserted (statement trigger below), so a
-- replayed (deduplicated) row is counted exactly once.
CREATE TABLE usage_hourly (
    hour              TIMESTAMPTZ     NOT NULL,
    user_id           BIGINT          NOT NULL DEFAULT 0,
    key_id            BIGINT          NOT NULL DEFAULT 0,
    provider_id       BIGINT          NOT NULL DEFAULT 0,
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
    PRIMARY KEY (hour, user_id, key_id, provider_id, model)
);
CREATE INDEX usage_hourly_user ON usage_hourly (user_id, hour);
CREATE INDEX usage_hourly_key ON usage_hourly (key_id, hour);
CREATE INDEX usage_hourly_provider ON usage_hourly (provider_id, hour);
CREATE INDEX usage_hourly_model ON usage_hourly (model, hour);

CREATE FUNCTION request_log_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO usage_hourly AS u (hour, user_id, key_id, provider_id, model, requests, errors, input_tokens,
                                   output_tokens, cache_read_tokens, cache_write_tokens, cost_usd, duration_ms_sum,
                                   duration_count, ttft_ms_sum, ttft_count)
    SELECT date_trunc('hour', created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', coalesce(user_id, 0), coalesce(key_id, 0), coalesce(provider_id, 0),
           coalesce(billing_model, model, ''), count(*),
           count(*) FILTER (WHERE error_kind IS NOT NULL OR status_code >= 400),
           sum(input_tokens), sum(output_tokens), sum(cache_read_tokens),
           sum(cache_write_5m_tokens + cache_write_1h_tokens), sum(cost_usd),
           coalesce(sum(duration_ms), 0), count(duration_ms), coalesce(sum(ttft_ms), 0), count(ttft_ms)
    FROM new_rows
    GROUP BY 1, 2, 3, 4, 5
    -- a fixed order: writers on several nodes lock rollup rows in the same order and cannot deadlock
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (hour, user_id, key_id, provider_id, model) DO UPDATE SET
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

-- request-log filters
CREATE INDEX request_log_model_time ON request_log (model, created_at DESC, id DESC);
CREATE INDEX request_log_status_time ON request_log (status_code, created_at DESC, id DESC);
CREATE INDEX request_log_price_missing ON request_log (billing_model, created_at DESC) WHERE price_missing;

CREATE TABLE sensitive_words (
    id           BIGSERIAL PRIMARY KEY,
    word         TEXT        NOT NULL,
    match_type   TEXT        NOT NULL DEFAULT 'contains' CHECK (match_type IN ('contains', 'exact', 'regex')),
    description  TEXT        NOT NULL DEFAULT '',
    enabled      BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX sensitive_words_word ON sensitive_words (match_type, word);

CREATE TABLE webhooks (
    id                BIGSERIAL PRIMARY KEY,
    name              TEXT           NOT NULL,
    kind              TEXT           NOT NULL CHECK (kind IN ('json', 'dingtalk', 'feishu', 'wecom', 'telegram')),
    url               TEXT,
    -- DingTalk signing secret or Telegram bot token, sealed with the master key
    secret_ciphertext BYTEA,
    chat_id           TEXT,
    events            JSONB          NOT NULL DEFAULT '[]',
    spend_threshold   NUMERIC(5, 4)  NOT NULL DEFAULT 0.8,
    daily_at          TEXT           NOT NULL DEFAULT '09:00',
    enabled           BOOLEAN        NOT NULL DEFAULT TRUE,
    last_sent_at      TIMESTAMPTZ,
    last_result       TEXT,
    created_at        TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ    NOT NULL DEFAULT now()
);

-- notifications already sent, so every node sends each one once (e.g. one spend alert per user, limit and window)
CREATE TABLE notifications_sent (
    dedup_key   TEXT PRIMARY KEY,
    sent_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- sessions an admin ended: they drop out of the active list until they are used again
CREATE TABLE terminated_sessions (
    key_id      BIGINT      NOT NULL,
    session_id  TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (key_id, session_id)
);

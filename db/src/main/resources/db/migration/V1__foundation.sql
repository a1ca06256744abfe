-- Foundation schema: who may call (users, api_keys), where calls go (providers, provider_groups),
-- what calls cost (model_prices), what happened (request_log, audit_log) and knobs (system_settings).
-- Money is numeric, never floating point. Soft deletes keep history joinable.

CREATE TABLE users (
    id                         BIGSERIAL PRIMARY KEY,
    name                       TEXT        NOT NULL,
    description                TEXT        NOT NULL DEFAULT '',
    role                       TEXT        NOT NULL DEFAULT 'user' CHECK (role IN ('admin', 'user')),
    provider_group             TEXT        NOT NULL DEFAULT 'default',
    tags                       JSONB       NOT NULL DEFAULT '[]',
    rpm_limit                  INTEGER CHECK (rpm_limit IS NULL OR rpm_limit >= 0),
    limit_5h_usd               NUMERIC(14, 4),
    limit_5h_reset_mode        TEXT        NOT NULL DEFAULT 'rolling' CHECK (limit_5h_reset_mode IN ('rolling', 'fixed')),
    limit_daily_usd            NUMERIC(14, 4),
    daily_reset_mode           TEXT        NOT NULL DEFAULT 'fixed' CHECK (daily_reset_mode IN ('rolling', 'fixed')),
    daily_reset_time           TEXT        NOT NULL DEFAULT '00:00',
    limit_weekly_usd           NUMERIC(14, 4),
    limit_monthly_usd          NUMERIC(14, 4),
    limit_total_usd            NUMERIC(14, 4),
    limit_concurrent_sessions  INTEGER CHECK (limit_concurrent_sessions IS NULL OR limit_concurrent_sessions >= 0),
    cost_reset_at              TIMESTAMPTZ,
    allowed_models             JSONB       NOT NULL DEFAULT '[]',
    allowed_clients            JSONB       NOT NULL DEFAULT '[]',
    blocked_clients            JSONB       NOT NULL DEFAULT '[]',
    enabled                    BOOLEAN     NOT NULL DEFAULT TRUE,
    expires_at                 TIMESTAMPTZ,
    created_at                 TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                 TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted_at                 TIMESTAMPTZ
);
CREATE UNIQUE INDEX users_name_live ON users (lower(name)) WHERE deleted_at IS NULL;

CREATE TABLE api_keys (
    id                         BIGSERIAL PRIMARY KEY,
    user_id                    BIGINT      NOT NULL REFERENCES users (id),
    name                       TEXT        NOT NULL,
    -- SHA-256 of the whole key, hex. The plain key is shown once at creation and never stored.
    key_hash                   CHAR(64)    NOT NULL UNIQUE,
    -- first characters of the key, enough to recognise it in a list
    key_prefix                 TEXT        NOT NULL,
    provider_group             TEXT,
    limit_5h_usd               NUMERIC(14, 4),
    limit_5h_reset_mode        TEXT        NOT NULL DEFAULT 'rolling' CHECK (limit_5h_reset_mode IN ('rolling', 'fixed')),
    limit_daily_usd            NUMERIC(14, 4),
    daily_reset_mode           TEXT        NOT NULL DEFAULT 'fixed' CHECK (daily_reset_mode IN ('rolling', 'fixed')),
    daily_reset_time           TEXT        NOT NULL DEFAULT '00:00',
    limit_weekly_usd           NUMERIC(14, 4),
    limit_monthly_usd          NUMERIC(14, 4),
    limit_total_usd            NUMERIC(14, 4),
    limit_concurrent_sessions  INTEGER CHECK (limit_concurrent_sessions IS NULL OR limit_concurrent_sessions >= 0),
    rpm_limit                  INTEGER CHECK (rpm_limit IS NULL OR rpm_limit >= 0),
    cost_reset_at              TIMESTAMPTZ,
    enabled                    BOOLEAN     NOT NULL DEFAULT TRUE,
    expires_at                 TIMESTAMPTZ,
    last_used_at               TIMESTAMPTZ,
    created_at                 TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                 TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted_at                 TIMESTAMPTZ
);
CREATE INDEX api_keys_user ON api_keys (user_id) WHERE deleted_at IS NULL;

CREATE TABLE provider_groups (
    id               BIGSERIAL PRIMARY KEY,
    name             TEXT           NOT NULL UNIQUE,
    cost_multiplier  NUMERIC(10, 4) NOT NULL DEFAULT 1.0 CHECK (cost_multiplier >= 0),
    description      TEXT           NOT NULL DEFAULT '',
    created_at       TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ    NOT NULL DEFAULT now()
);
INSERT INTO provider_groups (name, description) VALUES ('default', 'Providers without a group tag');

CREATE TABLE providers (
    id                          BIGSERIAL PRIMARY KEY,
    name                        TEXT           NOT NULL,
    description                 TEXT           NOT NULL DEFAULT '',
    type                        TEXT           NOT NULL CHECK (type IN ('claude', 'claude-auth', 'codex', 'openai-compatible', 'gemini', 'gemini-cli')),
    base_url                    TEXT           NOT NULL,
    -- AES-GCM under the master key: 12-byte nonce || ciphertext || tag
    secret_ciphertext           BYTEA          NOT NULL,
    secret_hint                 TEXT           NOT NULL DEFAULT '',
    enabled                     BOOLEAN        NOT NULL DEFAULT TRUE,
    weight                      INTEGER        NOT NULL DEFAULT 1 CHECK (weight BETWEEN 0 AND 100),
    priority                    INTEGER        NOT NULL DEFAULT 0,
    group_tags                  JSONB          NOT NULL DEFAULT '["default"]',
    group_priorities            JSONB          NOT NULL DEFAULT '{}',
    cost_multiplier             NUMERIC(10, 4) NOT NULL DEFAULT 1.0 CHECK (cost_multiplier >= 0),
    allowed_models              JSONB          NOT NULL DEFAULT '[]',
    model_redirects             JSONB          NOT NULL DEFAULT '[]',
    -- proxy URL may carry credentials, so it is encrypted like the secret
    proxy_url_ciphertext        BYTEA,
    proxy_fallback_to_direct    BOOLEAN        NOT NULL DEFAULT FALSE,
    custom_headers              JSONB          NOT NULL DEFAULT '{}',
    limit_5h_usd                NUMERIC(14, 4),
    limit_5h_reset_mode         TEXT           NOT NULL DEFAULT 'rolling' CHECK (limit_5h_reset_mode IN ('rolling', 'fixed')),
    limit_daily_usd             NUMERIC(14, 4),
    daily_reset_mode            TEXT           NOT NULL DEFAULT 'fixed' CHECK (daily_reset_mode IN ('rolling', 'fixed')),
    daily_reset_time            TEXT           NOT NULL DEFAULT '00:00',
    limit_weekly_usd            NUMERIC(14, 4),
    limit_monthly_usd           NUMERIC(14, 4),
    limit_total_usd             NUMERIC(14, 4),
    limit_concurrent_sessions   INTEGER CHECK (limit_concurrent_sessions IS NULL OR limit_concurrent_sessions >= 0),
    total_cost_reset_at         TIMESTAMPTZ,
    max_retry_attempts          INTEGER CHECK (max_retry_attempts IS NULL OR max_retry_attempts BETWEEN 1 AND 10),
    max_switches                INTEGER CHECK (max_switches IS NULL OR max_switches BETWEEN 0 AND 20),
    breaker_failure_threshold   INTEGER        NOT NULL DEFAULT 5,
    breaker_open_duration_ms    BIGINT         NOT NULL DEFAULT 1800000,
    breaker_half_open_successes INTEGER        NOT NULL DEFAULT 2,
    connect_timeout_ms          INTEGER        NOT NULL DEFAULT 30000,
    first_byte_timeout_ms       INTEGER        NOT NULL DEFAULT 0,
    streaming_idle_timeout_ms   INTEGER        NOT NULL DEFAULT 0,
    request_timeout_ms          INTEGER        NOT NULL DEFAULT 0,
    active_time_start           TEXT,
    active_time_end             TEXT,
    disable_session_reuse       BOOLEAN        NOT NULL DEFAULT FALSE,
    created_at                  TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at                  TIMESTAMPTZ    NOT NULL DEFAULT now(),
    deleted_at                  TIMESTAMPTZ
);
CREATE UNIQUE INDEX providers_name_live ON providers (lower(name)) WHERE deleted_at IS NULL;

-- Prices per token in USD. source: seed (shipped), sync (fetched), manual (never overwritten by a sync).
CREATE TABLE model_prices (
    id                            BIGSERIAL PRIMARY KEY,
    model                         TEXT           NOT NULL UNIQUE,
    vendor                        TEXT           NOT NULL DEFAULT '',
    source                        TEXT           NOT NULL DEFAULT 'manual' CHECK (source IN ('seed', 'sync', 'manual')),
    input_cost                    NUMERIC(24, 15) NOT NULL DEFAULT 0,
    output_cost                   NUMERIC(24, 15) NOT NULL DEFAULT 0,
    cache_write_5m_cost           NUMERIC(24, 15),
    cache_write_1h_cost           NUMERIC(24, 15),
    cache_read_cost               NUMERIC(24, 15),
    long_context_threshold        INTEGER,
    input_cost_long               NUMERIC(24, 15),
    output_cost_long              NUMERIC(24, 15),
    cache_write_5m_cost_long      NUMERIC(24, 15),
    cache_write_1h_cost_long      NUMERIC(24, 15),
    cache_read_cost_long          NUMERIC(24, 15),
    aliases                       JSONB          NOT NULL DEFAULT '[]',
    created_at                    TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at                    TIMESTAMPTZ    NOT NULL DEFAULT now()
);

-- One row per proxied request, written by a batched asynchronous writer.
CREATE TABLE request_log (
    id                     BIGSERIAL PRIMARY KEY,
    request_id             TEXT            NOT NULL UNIQUE,
    created_at             TIMESTAMPTZ     NOT NULL,
    finished_at            TIMESTAMPTZ,
    user_id                BIGINT,
    key_id                 BIGINT,
    provider_id            BIGINT,
    client_protocol        TEXT            NOT NULL,
    provider_type          TEXT,
    endpoint               TEXT            NOT NULL,
    model                  TEXT,
    upstream_model         TEXT,
    actual_model           TEXT,
    billing_model          TEXT,
    stream                 BOOLEAN         NOT NULL DEFAULT FALSE,
    status_code            INTEGER         NOT NULL,
    error_kind             TEXT,
    error_message          TEXT,
    blocked_by             TEXT,
    input_tokens           BIGINT          NOT NULL DEFAULT 0,
    output_tokens          BIGINT          NOT NULL DEFAULT 0,
    cache_read_tokens      BIGINT          NOT NULL DEFAULT 0,
    cache_write_5m_tokens  BIGINT          NOT NULL DEFAULT 0,
    cache_write_1h_tokens  BIGINT          NOT NULL DEFAULT 0,
    reasoning_tokens       BIGINT          NOT NULL DEFAULT 0,
    cost_usd               NUMERIC(24, 15) NOT NULL DEFAULT 0,
    cost_breakdown         JSONB,
    price_missing          BOOLEAN         NOT NULL DEFAULT FALSE,
    cost_multiplier        NUMERIC(10, 4)  NOT NULL DEFAULT 1,
    group_multiplier       NUMERIC(10, 4)  NOT NULL DEFAULT 1,
    ttfb_ms                INTEGER,
    ttft_ms                INTEGER,
    duration_ms            INTEGER,
    session_id             TEXT,
    attempts               INTEGER         NOT NULL DEFAULT 0,
    decision_chain         JSONB,
    client_ip              TEXT,
    user_agent             TEXT
);
CREATE INDEX request_log_time ON request_log (created_at DESC, id DESC);
CREATE INDEX request_log_user_time ON request_log (user_id, created_at DESC, id DESC);
CREATE INDEX request_log_key_time ON request_log (key_id, created_at DESC, id DESC);
CREATE INDEX request_log_provider_time ON request_log (provider_id, created_at DESC, id DESC);
CREATE INDEX request_log_session ON request_log (session_id, created_at DESC) WHERE session_id IS NOT NULL;

CREATE TABLE system_settings (
    key         TEXT        PRIMARY KEY,
    value       JSONB       NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
    id           BIGSERIAL PRIMARY KEY,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor        TEXT        NOT NULL,
    actor_ip     TEXT,
    action       TEXT        NOT NULL,
    target_type  TEXT        NOT NULL,
    target_id    TEXT,
    target_name  TEXT,
    before_value JSONB,
    after_value  JSONB,
    success      BOOLEAN     NOT NULL DEFAULT TRUE,
    error        TEXT
);
CREATE INDEX audit_log_time ON audit_log (created_at DESC, id DESC);

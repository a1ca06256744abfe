-- Error rules: upstream errors that are the request's fault. A match goes straight back to the client (no
-- failover, no breaker count), optionally with another status or body. Defaults are seeded; admins add their own.
CREATE TABLE error_rules (
    id               BIGSERIAL PRIMARY KEY,
    pattern          TEXT        NOT NULL,
    match_type       TEXT        NOT NULL DEFAULT 'contains' CHECK (match_type IN ('contains', 'exact', 'regex')),
    category         TEXT        NOT NULL DEFAULT 'custom',
    description      TEXT        NOT NULL DEFAULT '',
    override_status  INTEGER CHECK (override_status IS NULL OR override_status BETWEEN 400 AND 599),
    override_body    TEXT,
    enabled          BOOLEAN     NOT NULL DEFAULT TRUE,
    is_default       BOOLEAN     NOT NULL DEFAULT FALSE,
    priority         INTEGER     NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX error_rules_pattern ON error_rules (match_type, pattern);

INSERT INTO error_rules (pattern, match_type, category, description, is_default) VALUES
 ('prompt is too long',                                   'contains', 'context_limit',  'Anthropic: the prompt exceeds the context window', TRUE),
 ('input is too long',                                    'contains', 'context_limit',  'Bedrock/Vertex wording of the same', TRUE),
 ('context_length_exceeded',                              'contains', 'context_limit',  'OpenAI: context length exceeded', TRUE),
 ('maximum context length',                               'contains', 'context_limit',  'OpenAI-compatible wording', TRUE),
 ('exceeds the context window',                           'contains', 'context_limit',  'Generic context overflow', TRUE),
 ('CONTENT_LENGTH_EXCEEDS_THRESHOLD',                     'contains', 'context_limit',  'Relay wording of a context overflow', TRUE),
 ('content_policy_violation',                             'contains', 'content_policy', 'OpenAI content policy', TRUE),
 ('content management policy',                            'contains', 'content_policy', 'Azure content filter', TRUE),
 ('output blocked by content filtering policy',           'contains', 'content_policy', 'Anthropic content filter', TRUE),
 ('ids were found without `tool_result` blocks',          'contains', 'tool_mismatch',  'tool_use without a matching tool_result', TRUE),
 ('unexpected `tool_use_id` found in `tool_result`',      'contains', 'tool_mismatch',  'tool_result without a matching tool_use', TRUE),
 ('must define tools',                                    'contains', 'tool_mismatch',  'tool blocks without tool definitions', TRUE),
 ('tool names must be unique',                            'contains', 'tool_mismatch',  'duplicate tool names', TRUE),
 ('Expected `thinking` or `redacted_thinking`',           'contains', 'thinking',       'thinking block order', TRUE),
 ('Invalid `signature` in `thinking` block',              'contains', 'thinking',       'a thinking signature from another upstream', TRUE),
 ('text content blocks must be non-empty',                'contains', 'invalid_request','empty text block', TRUE),
 ('Input must be a list',                                 'contains', 'invalid_request','Codex relays: input must be a list', TRUE),
 ('Unsupported parameter',                                'contains', 'invalid_request','a parameter the model does not take', TRUE),
 ('blocks with cache_control',                            'contains', 'invalid_request','too many cache_control blocks', TRUE),
 ('Too much media',                                       'contains', 'media',          'too many images or documents', TRUE),
 ('image exceeds',                                        'contains', 'media',          'image too large', TRUE),
 ('maximum of [0-9]+ PDF pages',                          'regex',    'media',          'PDF page limit', TRUE),
 ('max_tokens: [0-9]+ > [0-9]+, which is the maximum',    'regex',    'invalid_request','max_tokens above the model maximum', TRUE);

-- Providers that never had a timeout set (all three were off, the old default) get the shipped defaults, so a
-- hanging upstream fails over instead of holding its client: 90 s to a stream's first content, 120 s between
-- stream reads, 600 s for a whole non-streaming call. A provider with any of them set keeps its choices.
UPDATE providers
SET first_byte_timeout_ms = 90000, streaming_idle_timeout_ms = 120000, request_timeout_ms = 600000
WHERE first_byte_timeout_ms = 0 AND streaming_idle_timeout_ms = 0 AND request_timeout_ms = 0;

ALTER TABLE providers ALTER COLUMN first_byte_timeout_ms SET DEFAULT 90000;
ALTER TABLE providers ALTER COLUMN streaming_idle_timeout_ms SET DEFAULT 120000;
ALTER TABLE providers ALTER COLUMN request_timeout_ms SET DEFAULT 600000;

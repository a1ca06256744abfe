-- Counts one failure against a provider's breaker and returns the state after it.
-- KEYS[1]: the breaker hash. ARGV: now, failure threshold, open duration (ms).
-- Returns {state, failures, half-open successes, open until, changed (1/0)}.
local key = KEYS[1]
local now, threshold, open_ms = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local st = redis.call('HMGET', key, 's', 'f', 'h', 'u')
local state = st[1] or 'closed'
local failures = (tonumber(st[2]) or 0) + 1
local until_ = tonumber(st[4]) or 0
if state == 'open' and now >= until_ then state = 'half_open' end
local changed = 0
if state == 'half_open' or (state == 'closed' and failures >= threshold) then
  state = 'open'
  until_ = now + open_ms
  changed = 1
end
redis.call('HSET', key, 's', state, 'f', failures, 'h', 0, 'u', until_)
redis.call('PEXPIRE', key, math.max(open_ms * 2, 86400000))
return {state, failures, 0, until_, changed}

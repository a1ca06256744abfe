-- Counts one failed authentication against each id (a presented credential, a client address) and returns when
-- each one's lock ends (0: not locked).
-- KEYS[i]: the id's hash {f = failures in the window, s = the window's first failure, u = locked until}.
-- ARGV: now, window (ms), lock (ms), then one threshold per key. Times are the caller's; each key lives for its
-- window or its lock, counted from the caller's now, so nothing depends on Redis' clock agreeing with the hub's.
local now, window, lock_ms = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local out = {}
for i, key in ipairs(KEYS) do
  local threshold = tonumber(ARGV[3 + i])
  local st = redis.call('HMGET', key, 'f', 's', 'u')
  local failures, first, until_ = tonumber(st[1]) or 0, tonumber(st[2]) or now, tonumber(st[3]) or 0
  if until_ <= now then
    -- failures while locked are not counted: the lock runs its time, then counting starts again
    if failures == 0 or now - first >= window then failures, first = 0, now end
    failures = failures + 1
    until_ = 0
    if failures >= threshold then failures, first, until_ = 0, now, now + lock_ms end
    redis.call('HSET', key, 'f', failures, 's', first, 'u', until_)
    redis.call('PEXPIRE', key, math.max(window, until_ - now))
  end
  out[i] = until_
end
return out

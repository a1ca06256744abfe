-- Admission of one request, atomically (one round trip).
-- KEYS: every key the admission may touch; all carry one hash tag, so Redis Cluster runs this on one node.
-- ARGV[1]: JSON built by RedisStateStore.admit; key references are indexes into KEYS.
-- Checks every limit first (nothing is counted when one is hit), then counts the request and its session, reads
-- the session's binding and reports each candidate provider's breaker, spend and session load.
local req = cjson.decode(ARGV[1])
local now = req.now
local RPM_WINDOW = 60000

local function num(v) return tonumber(v) or 0 end

-- running total of a rolling window: buckets in a hash, 't' = total, 'o' = oldest live bucket
local function rolling_total(key, len, bucket)
  local first_live = math.floor((now - len) / bucket) + 1
  local oldest = tonumber(redis.call('HGET', key, 'o'))
  if not oldest then return 0 end
  if first_live - oldest > len / bucket then
    redis.call('DEL', key)
    return 0
  end
  while oldest < first_live do
    local v = redis.call('HGET', key, tostring(oldest))
    if v then
      -- integer arithmetic in Redis, not in Lua doubles, so totals stay exact
      redis.call('HINCRBY', key, 't', '-' .. v)
      redis.call('HDEL', key, tostring(oldest))
    end
    oldest = oldest + 1
  end
  redis.call('HSET', key, 'o', oldest)
  return num(redis.call('HGET', key, 't'))
end

-- a window that starts with the first spend: hash with 'v' (amount) and 'e' (expiry, in the caller's clock)
local function from_first(key)
  local f = redis.call('HMGET', key, 'v', 'e')
  if not f[1] then return 0, nil end
  if num(f[2]) <= now then
    redis.call('DEL', key)
    return 0, nil
  end
  return num(f[1]), num(f[2])
end

local function current(w)
  local key = KEYS[w.k]
  if w.m == 'r' then return rolling_total(key, w.len, w.b) end
  if w.m == 'f' then
    local v = from_first(key)
    return v
  end
  return num(redis.call('GET', key))
end

local function reset_at(w)
  local key = KEYS[w.k]
  if w.m == 'c' then return w.reset end
  if w.m == 'f' then
    local _, expires = from_first(key)
    return expires or (now + w.len)
  end
  local oldest = tonumber(redis.call('HGET', key, 'o'))
  if not oldest then return now end
  return (oldest + 1) * w.b + w.len
end

local function pruned_sessions(key, ttl)
  if ttl > 0 then redis.call('ZREMRANGEBYSCORE', key, '-inf', now - ttl) end
  return key
end

-- which session this request counts as: a short request on a busy session gets a fresh one
local sess = req.session
local sid = nil
local ttl = 0
if sess ~= cjson.null and sess ~= nil then
  ttl = sess.ttl
  sid = sess.id
  if sess.short and num(redis.call('GET', KEYS[sess.inflight])) > 0 then
    sid = sess.altId
  end
end

local function check(kind, s)
  if kind == 'rpm' then
    local key = KEYS[s.rpmKey]
    redis.call('ZREMRANGEBYSCORE', key, '-inf', now - RPM_WINDOW)
    if s.rpm and s.rpm > 0 then
      local n = redis.call('ZCARD', key)
      if n >= s.rpm then
        local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
        return {limit = s.rpm, current = n, reset = tonumber(oldest[2]) + RPM_WINDOW}
      end
    end
    return nil
  end
  if kind == 'concurrent_sessions' then
    if not sid or not s.sessLimit or s.sessLimit <= 0 then return nil end
    local key = pruned_sessions(KEYS[s.sessKey], ttl)
    if redis.call('ZSCORE', key, sid) then return nil end
    local n = redis.call('ZCARD', key)
    if n >= s.sessLimit then
      local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
      return {limit = s.sessLimit, current = n, reset = tonumber(oldest[2]) + ttl}
    end
    return nil
  end
  for _, w in ipairs(s.windows) do
    if w.kind == kind and w.limit > 0 then
      local cur = current(w)
      if cur >= w.limit then return {limit = w.limit, current = cur, reset = reset_at(w)} end
    end
  end
  return nil
end

for _, kind in ipairs(req.order) do
  for i, s in ipairs(req.subjects) do
    local r = check(kind, s)
    if r then
      return cjson.encode({rej = {s = i, kind = kind, limit = string.format('%d', r.limit), current = string.format('%d', r.current),
        reset = string.format('%d', r.reset)}, sid = sid or cjson.null})
    end
  end
end

-- admitted: count it
for _, s in ipairs(req.subjects) do
  local rk = KEYS[s.rpmKey]
  redis.call('ZADD', rk, now, req.id)
  redis.call('PEXPIRE', rk, RPM_WINDOW + 1000)
  if sid then
    local sk = KEYS[s.sessKey]
    redis.call('ZADD', sk, now, sid)
    redis.call('PEXPIRE', sk, math.max(ttl * 2, 3600000))
  end
end

local bound = cjson.null
if sid then
  local inflight = (sid == sess.id) and KEYS[sess.inflight] or KEYS[sess.altInflight]
  redis.call('INCR', inflight)
  redis.call('PEXPIRE', inflight, 600000)
  if sid == sess.id then
    -- a binding is "provider:expires" (expiry in the caller's clock; Redis' own TTL only collects garbage)
    local b = redis.call('GET', KEYS[sess.bind])
    if b then
      local pid, exp = string.match(b, '^(%d+):(%d+)$')
      if pid and tonumber(exp) > now then bound = tonumber(pid) end
    end
  end
end

-- candidate providers: breaker (an open breaker past its time reads as half-open), spend and session load
local providers = {}
for _, p in ipairs(req.providers) do
  local bk = KEYS[p.brk]
  local st = redis.call('HMGET', bk, 's', 'f', 'h', 'u')
  local state = st[1] or 'closed'
  local failures, hos, until_ = num(st[2]), num(st[3]), num(st[4])
  local changed = false
  if state == 'open' and now >= until_ then
    state = 'half_open'
    hos = 0
    changed = true
    redis.call('HSET', bk, 's', state, 'h', 0)
  end
  local reason = cjson.null
  for _, w in ipairs(p.windows) do
    if w.limit > 0 and current(w) >= w.limit then
      reason = 'spend limit ' .. w.kind .. ' reached'
      break
    end
  end
  if reason == cjson.null and p.sessLimit and p.sessLimit > 0 then
    local key = pruned_sessions(KEYS[p.sessKey], ttl)
    local member = sid and redis.call('ZSCORE', key, sid)
    if not member and redis.call('ZCARD', key) >= p.sessLimit then
      reason = 'concurrent session limit reached'
    end
  end
  providers[tostring(p.id)] = {state, failures, hos, string.format('%d', until_), changed, reason}
end

return cjson.encode({sid = sid or cjson.null, bound = bound, p = providers})

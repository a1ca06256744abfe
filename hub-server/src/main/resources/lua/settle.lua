-- The end of one request, atomically: spend into every window, session activity, binding, breaker success.
-- KEYS: every key touched (one hash tag). ARGV[1]: JSON built by RedisStateStore.settle.
local req = cjson.decode(ARGV[1])
local now = req.now
-- the cost is a decimal string of nano-dollars, handed to Redis' integer commands untouched (exact)
local cost = req.cost

local function num(v) return tonumber(v) or 0 end

local function add(w)
  local key = KEYS[w.k]
  if w.m == 'c' then
    redis.call('INCRBY', key, cost)
    -- a lifetime relative to the caller's own now, never an instant in Redis' clock: nodes and Redis may disagree
    if w.exp > now then redis.call('PEXPIRE', key, w.exp - now) end
  elseif w.m == 'f' then
    local exp = tonumber(redis.call('HGET', key, 'e'))
    if not exp or exp <= now then
      redis.call('DEL', key)
      redis.call('HSET', key, 'v', cost, 'e', string.format('%d', now + w.len))
    else
      redis.call('HINCRBY', key, 'v', cost)
    end
    redis.call('PEXPIRE', key, w.len * 2)
  else
    local idx = math.floor(now / w.b)
    local first_live = math.floor((now - w.len) / w.b) + 1
    local oldest = tonumber(redis.call('HGET', key, 'o'))
    if not oldest or first_live - oldest > w.len / w.b then
      redis.call('DEL', key)
      oldest = idx
    end
    redis.call('HINCRBY', key, tostring(idx), cost)
    redis.call('HINCRBY', key, 't', cost)
    redis.call('HSET', key, 'o', math.min(oldest, idx))
    redis.call('PEXPIRE', key, w.len + w.b)
  end
end

if tonumber(cost) > 0 then
  for _, s in ipairs(req.subjects) do
    for _, w in ipairs(s.windows) do add(w) end
  end
end

if req.session ~= cjson.null and req.session ~= nil then
  local sid = req.session
  local inflight = KEYS[req.inflight]
  if num(redis.call('DECR', inflight)) <= 0 then redis.call('DEL', inflight) end
  for _, s in ipairs(req.subjects) do
    if s.sessKey and redis.call('ZSCORE', KEYS[s.sessKey], sid) then
      redis.call('ZADD', KEYS[s.sessKey], now, sid)
    end
  end
  if req.holder then
    redis.call('ZADD', KEYS[req.holder], now, sid)
    redis.call('PEXPIRE', KEYS[req.holder], math.max(req.ttl * 2, 3600000))
  end
end

local b = req.binding
if b ~= cjson.null and b ~= nil then
  local key = KEYS[b.k]
  local cur = redis.call('GET', key)
  local curn = nil
  if cur then
    local pid, exp = string.match(cur, '^(%d+):(%d+)$')
    if pid and tonumber(exp) > now then curn = tonumber(pid) end
  end
  if not curn or b.force or curn == b.expected or curn == b.provider then
    redis.call('SET', key, string.format('%d:%d', b.provider, now + b.ttl), 'PX', b.ttl * 2)
  end
end

local ok = req.success
if ok ~= cjson.null and ok ~= nil then
  local bk = KEYS[ok.k]
  local st = redis.call('HMGET', bk, 's', 'f', 'h', 'u')
  local state = st[1] or 'closed'
  if state == 'open' and now >= num(st[4]) then state = 'half_open' end
  if state == 'half_open' then
    local hos = num(st[3]) + 1
    if hos >= ok.needed then
      redis.call('DEL', bk)
    else
      redis.call('HSET', bk, 's', 'half_open', 'h', hos)
    end
  elseif state == 'closed' and num(st[2]) > 0 then
    redis.call('DEL', bk)
  end
end
return "ok"

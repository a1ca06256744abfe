-- Current usage of one subject for gauges: each window's total and reset time, RPM, active sessions.
-- KEYS: rpm key, sessions key, then one key per window. ARGV[1]: JSON {now, ttl, windows:[{k,m,len,b,reset}]}.
local req = cjson.decode(ARGV[1])
local now = req.now
local function num(v) return tonumber(v) or 0 end
local out = {}
for i, w in ipairs(req.windows) do
  local key = KEYS[w.k]
  local value, reset
  if w.m == 'r' then
    local first_live = math.floor((now - w.len) / w.b) + 1
    local h = redis.call('HGETALL', key)
    value = 0
    local oldest = nil
    for j = 1, #h, 2 do
      local f = h[j]
      if f ~= 't' and f ~= 'o' then
        local idx = tonumber(f)
        if idx >= first_live then
          value = value + tonumber(h[j + 1])
          if not oldest or idx < oldest then oldest = idx end
        end
      end
    end
    reset = oldest and ((oldest + 1) * w.b + w.len) or now
  elseif w.m == 'f' then
    local f = redis.call('HMGET', key, 'v', 'e')
    if f[1] and num(f[2]) > now then
      value = num(f[1])
      reset = num(f[2])
    else
      value = 0
      reset = now
    end
  else
    value = num(redis.call('GET', key))
    reset = w.reset
  end
  -- decimal strings: cjson would print large integers in exponent form
  out[i] = {string.format('%d', value), string.format('%d', reset)}
end
local rpm = redis.call('ZCOUNT', KEYS[1], now - 60000 + 1, '+inf')
local sessions = redis.call('ZCOUNT', KEYS[2], now - req.ttl + 1, '+inf')
return cjson.encode({w = out, rpm = rpm, sessions = sessions})

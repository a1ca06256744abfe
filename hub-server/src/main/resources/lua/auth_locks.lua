-- When the lock of each id ends (0: not locked now). KEYS[i]: the id's hash (see auth_failure.lua). ARGV[1]: now.
local now = tonumber(ARGV[1])
local out = {}
for i, key in ipairs(KEYS) do
  local until_ = tonumber(redis.call('HGET', key, 'u')) or 0
  out[i] = until_ > now and until_ or 0
end
return out

-- Forgets a channel's outcomes and bans for every model.
-- KEYS[1] the channel's set of models, KEYS[2] the bans hash (fields "<channel>:<model>").
-- ARGV: the key prefix, the channel id.
local prefix, channel = ARGV[1], ARGV[2]
for _, model in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  redis.call('DEL', prefix .. 'stats:{' .. model .. '}:' .. channel)
  redis.call('SREM', prefix .. 'channels:{' .. model .. '}', channel)
end
redis.call('DEL', KEYS[1])
local fields = redis.call('HKEYS', KEYS[2])
for _, field in ipairs(fields) do
  if string.sub(field, 1, #channel + 1) == channel .. ':' then
    redis.call('HDEL', KEYS[2], field)
  end
end
return 1

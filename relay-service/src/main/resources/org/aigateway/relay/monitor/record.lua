-- Counts outcomes of a (model, channel) and answers its window totals {requests, errors}.
-- KEYS[1] the pair's stats hash (fields "<slice>:r" and "<slice>:e"), KEYS[2] the model's set of
-- channels, KEYS[3] the channel's set of models (so that clearing a channel finds its stats).
-- ARGV: slice number, outcomes, errors among them, slices per window, key TTL in ms, channel id, model.
local slice = tonumber(ARGV[1])
local slices = tonumber(ARGV[4])
redis.call('HINCRBY', KEYS[1], slice .. ':r', ARGV[2])
if ARGV[3] ~= '0' then
  redis.call('HINCRBY', KEYS[1], slice .. ':e', ARGV[3])
end
local requests, errors = 0, 0
local fields = redis.call('HGETALL', KEYS[1])
for i = 1, #fields, 2 do
  local field = fields[i]
  local at = tonumber(string.sub(field, 1, -3))
  if at <= slice - slices then
    redis.call('HDEL', KEYS[1], field)
  elseif string.sub(field, -1) == 'r' then
    requests = requests + tonumber(fields[i + 1])
  else
    errors = errors + tonumber(fields[i + 1])
  end
end
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('SADD', KEYS[2], ARGV[6])
redis.call('PEXPIRE', KEYS[2], ARGV[5])
redis.call('SADD', KEYS[3], ARGV[7])
redis.call('PEXPIRE', KEYS[3], ARGV[5])
return {requests, errors}

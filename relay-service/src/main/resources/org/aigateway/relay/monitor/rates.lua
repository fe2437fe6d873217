-- The window totals of every channel of a model: a flat list {channel, requests, errors, ...}.
-- KEYS[1] the model's set of channels. ARGV: the prefix of the pairs' stats keys (the channel id
-- follows it), the current slice number, slices per window.
local slice = tonumber(ARGV[2])
local slices = tonumber(ARGV[3])
local out = {}
for _, channel in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local requests, errors = 0, 0
  local fields = redis.call('HGETALL', ARGV[1] .. channel)
  for i = 1, #fields, 2 do
    local field = fields[i]
    if tonumber(string.sub(field, 1, -3)) > slice - slices then
      if string.sub(field, -1) == 'r' then
        requests = requests + tonumber(fields[i + 1])
      else
        errors = errors + tonumber(fields[i + 1])
      end
    end
  end
  if requests > 0 then
    table.insert(out, channel)
    table.insert(out, requests)
    table.insert(out, errors)
  else
    redis.call('SREM', KEYS[1], channel)
  end
end
return out

-- Atomic check-and-increment of a request window and a token window (60 s of 1-second buckets).
-- Mirrors KeyWindows.admit in Java; keep the two in step.
-- KEYS[1] requests hash, KEYS[2] tokens hash: field = epoch second, value = what that second counted.
-- ARGV: now_ms, window_s, request_limit, token_limit, estimated_tokens. A limit of 0 skips its window.
-- Returns {allowed, rejected_by (0 none, 1 requests, 2 tokens),
--          requests_used, requests_reset_ms, tokens_used, tokens_reset_ms, second}.
local now_ms = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limits = {tonumber(ARGV[3]), tonumber(ARGV[4])}
local costs = {1, tonumber(ARGV[5])}
local second = math.floor(now_ms / 1000)

-- Sums the buckets still in the window (a replica whose clock runs ahead may have written the next
-- second: it counts too), oldest first, and deletes the ones that left it.
local function live_buckets(key)
  local flat = redis.call('HGETALL', key)
  local live, stale, used = {}, {}, 0
  for i = 1, #flat, 2 do
    local s, n = tonumber(flat[i]), tonumber(flat[i + 1])
    if s > second - window then
      used = used + n
      live[#live + 1] = {s, n}
    else
      stale[#stale + 1] = flat[i]
    end
  end
  if #stale > 0 then
    redis.call('HDEL', key, unpack(stale))
  end
  table.sort(live, function(a, b) return a[1] < b[1] end)
  return used, live
end

-- Milliseconds until `need` units have left the window; the whole window if they never do.
local function ms_until_freed(live, need)
  local freed = 0
  for _, bucket in ipairs(live) do
    freed = freed + bucket[2]
    if freed >= need then
      return (bucket[1] + window) * 1000 - now_ms
    end
  end
  return window * 1000
end

local function fits(d, used)
  return limits[d] == 0 or (used < limits[d] and used + costs[d] <= limits[d])
end

local used, lives, rejected_by = {0, 0}, {{}, {}}, 0
for d = 1, 2 do
  if limits[d] > 0 then
    used[d], lives[d] = live_buckets(KEYS[d])
  end
  if rejected_by == 0 and not fits(d, used[d]) then
    rejected_by = d
  end
end

local result = {rejected_by == 0 and 1 or 0, rejected_by, 0, 0, 0, 0, second}
for d = 1, 2 do
  if limits[d] > 0 then
    if rejected_by == 0 and costs[d] > 0 then
      redis.call('HINCRBY', KEYS[d], second, costs[d])
      redis.call('PEXPIRE', KEYS[d], (window + 1) * 1000)
      lives[d][#lives[d] + 1] = {second, costs[d]}
      used[d] = used[d] + costs[d]
    end
    local reset = 0
    if rejected_by == d then
      reset = ms_until_freed(lives[d], used[d] + math.max(costs[d], 1) - limits[d])
    elseif used[d] > 0 then
      reset = ms_until_freed(lives[d], 1)
    end
    result[1 + 2 * d] = used[d]
    result[2 + 2 * d] = reset
  end
end
return result

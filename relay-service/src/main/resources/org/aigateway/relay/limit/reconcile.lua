-- Corrects one bucket of a window by a delta: real less estimated tokens, or minus what an admission
-- counted when its answer came after the caller's timeout.
-- KEYS[1] requests or tokens hash; ARGV: second, delta, ttl_ms.
redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1

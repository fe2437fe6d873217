-- Corrects one bucket of a token window by the difference between real and estimated usage.
-- KEYS[1] tokens hash; ARGV: second, delta, ttl_ms.
redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1

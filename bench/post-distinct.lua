-- wrk script: POSTs the original load test's body with a context that differs on every request
-- (a counter per connection thread) and one of 1000 callers (local mode takes the principal from
-- context.user_id), so no decision memo can answer, every request is decided, and rate-limit
-- buckets are spread as real traffic spreads them.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local counter = 0

request = function()
  counter = counter + 1
  local body = string.format(
    '{"intent": "call_reasoning", "context": {"user_id": "user-%d", "request_seq": %d, "tier": "%s"}}',
    counter % 1000, counter, (counter % 2 == 0) and "paid" or "free")
  return wrk.format(nil, nil, nil, body)
end

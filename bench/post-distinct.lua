-- wrk script: POSTs the original load test's body with a context that differs on every request
-- (a counter per connection thread), so no decision memo can answer and every request is decided.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local counter = 0

request = function()
  counter = counter + 1
  local body = string.format(
    '{"intent": "call_reasoning", "context": {"user_id": "test", "request_seq": %d, "tier": "%s"}}',
    counter, (counter % 2 == 0) and "paid" or "free")
  return wrk.format(nil, nil, nil, body)
end

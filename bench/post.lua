-- wrk script: POSTs the original load test's body to the URL given on the command line.
wrk.method = "POST"
wrk.body = '{"intent": "call_reasoning", "context": {"user_id": "test"}}'
wrk.headers["Content-Type"] = "application/json"

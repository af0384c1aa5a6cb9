-- wrk: like summary.lua, but looks at every answer: counts those that are not 2xx and the 503s among them
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  non2xx, s503 = 0, 0
end

response = function(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if status == 503 then s503 = s503 + 1 end
  end
end

done = function(summary, latency, requests)
  local bad, unavailable = 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
    unavailable = unavailable + thread:get("s503")
  end
  io.write(string.format("RESULT p50=%.2f p99=%.2f rps=%.1f requests=%d errors=%d non2xx=%d s503=%d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1000000), summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    bad, unavailable))
end

-- wrk: one line with the figures of bench/gateway/run.sh's table (non2xx: wrk counts answers with status ≥ 400)
done = function(summary, latency, requests)
  io.write(string.format("RESULT p50=%.2f p99=%.2f rps=%.1f requests=%d errors=%d non2xx=%d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1000000), summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end

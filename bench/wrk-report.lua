-- wrk script for bench/rest-load.sh. Paces each wrk thread to WRK_THREAD_RATE requests per second
-- on a fixed schedule (a late request is sent at once, so a stall is caught up, not forgotten),
-- and prints the percentiles that wrk's own summary leaves out.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } crossbook_timespec;
  int clock_gettime(int clock, crossbook_timespec *now);
]]
local now_buffer = ffi.new("crossbook_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, now_buffer) -- CLOCK_MONOTONIC
  return tonumber(now_buffer.tv_sec) * 1000 + tonumber(now_buffer.tv_nsec) / 1e6
end

local rate = tonumber(os.getenv("WRK_THREAD_RATE") or "0")
local started, sent = nil, 0

function delay()
  if rate <= 0 then
    return 0
  end
  local now = now_ms()
  started = started or now
  sent = sent + 1
  return math.max(0, started + sent * 1000 / rate - now)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("requests %d in %.1f s = %.0f req/s; errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.requests, seconds, summary.requests / seconds, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout))
  io.write(string.format("latency ms: p50 %.2f  p90 %.2f  p95 %.2f  p99 %.2f  p99.9 %.2f  max %.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000))
end

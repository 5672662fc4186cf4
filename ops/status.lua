-- wrk script: counts answers by status and prints them at the end ("status 200: n"), then how many
-- 503s came without Retry-After (a busy 503 always carries it) and, one line per second of the run,
-- how many answers were 200 and how many were not ("second <epoch> 200 <n> other <m>").
-- Optional TOKEN in the environment adds a bearer token (for API reads).
local threads = {}
local token = os.getenv("TOKEN")

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counts = {}
  ok_by_second = {}
  other_by_second = {}
  no_retry_after = 0
  if token and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  local second = os.time()
  if status == 200 then
    ok_by_second[second] = (ok_by_second[second] or 0) + 1
  else
    other_by_second[second] = (other_by_second[second] or 0) + 1
  end
  if status == 503 and not (headers["Retry-After"] or headers["retry-after"]) then
    no_retry_after = no_retry_after + 1
  end
end

function done(summary, latency, requests)
  local total, ok, other, seconds, missing = {}, {}, {}, {}, 0
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts")) do
      total[status] = (total[status] or 0) + n
    end
    for s, n in pairs(thread:get("ok_by_second")) do ok[s] = (ok[s] or 0) + n; seconds[s] = true end
    for s, n in pairs(thread:get("other_by_second")) do other[s] = (other[s] or 0) + n; seconds[s] = true end
    missing = missing + thread:get("no_retry_after")
  end
  for status, n in pairs(total) do
    io.write(string.format("status %d: %d\n", status, n))
  end
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("max latency: %.0f ms\n", latency.max / 1000))
  io.write(string.format("503 without Retry-After: %d\n", missing))
  local list = {}
  for s in pairs(seconds) do table.insert(list, s) end
  table.sort(list)
  for _, s in ipairs(list) do
    io.write(string.format("second %d 200 %d other %d\n", s, ok[s] or 0, other[s] or 0))
  end
end

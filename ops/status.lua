-- wrk script: counts answers by status and prints them at the end ("status 200: n").
-- Optional TOKEN in the environment adds a bearer token (for API reads).
local threads = {}
local token = os.getenv("TOKEN")

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counts = {}
  if token and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for status, n in pairs(c) do
      total[status] = (total[status] or 0) + n
    end
  end
  for status, n in pairs(total) do
    io.write(string.format("status %d: %d\n", status, n))
  end
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("max latency: %.0f ms\n", latency.max / 1000))
end

-- wrk script: PUT /api/evidence/{id}/vote, a random item of a published claim, a random strength,
-- a random reviewer among several (so votes are upserts by many reviewers, as in real use).
-- Needs in the environment: TOKENS (a file, one reviewer bearer token a line) and IDS (a file, one evidence id a line).
local function lines(path)
  local out = {}
  for line in io.lines(path) do if line ~= "" then out[#out + 1] = line end end
  return out
end
local tokens = lines(os.getenv("TOKENS"))
local ids = lines(os.getenv("IDS"))
local strengths = {"HIGH", "MODERATE", "LOW", "VERY_LOW"}

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed or os.time())
end

request = function()
  local id = ids[math.random(1, #ids)]
  local body = '{"strength":"' .. strengths[math.random(1, 4)] .. '"}'
  return wrk.format("PUT", "/api/evidence/" .. id .. "/vote",
    {["Authorization"] = "Bearer " .. tokens[math.random(1, #tokens)], ["Content-Type"] = "application/json"}, body)
end

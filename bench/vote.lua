-- wrk script: PUT /api/evidence/{id}/vote with a random evidence id and strength.
-- Needs TOKEN (a reviewer's bearer token) and MAX_EVIDENCE in the environment.
local token = os.getenv("TOKEN")
local max = tonumber(os.getenv("MAX_EVIDENCE") or "1000")
local strengths = {"HIGH", "MODERATE", "LOW", "VERY_LOW"}
math.randomseed(os.time())

request = function()
  local id = math.random(1, max)
  local body = '{"strength":"' .. strengths[math.random(1, 4)] .. '"}'
  return wrk.format("PUT", "/api/evidence/" .. id .. "/vote",
    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end

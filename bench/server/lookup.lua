-- wrk script: beneficiary lookup by codice fiscale over the bulk-seeded BENCH01 vouchers.
-- BENCH_CFS: file with one CF per line; BENCH_TOKEN: access token; BENCH_PATH: fixed path instead
-- (the /healthz comparison runs the same script so both sides pay the same Lua cost).
local cfs = {}
local path = os.getenv("BENCH_PATH")
if path == "" then path = nil end
if not path then
  for line in io.lines(os.getenv("BENCH_CFS")) do cfs[#cfs + 1] = line end
end
local headers = { ["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "") }
local i = 0

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
  if #cfs > 0 then i = math.random(#cfs) end
end

request = function()
  if path then
    return wrk.format("GET", path, headers)
  end
  i = i % #cfs + 1
  return wrk.format("GET", "/api/v1/structures/BENCH01/beneficiaries?codiceFiscale=" .. cfs[i], headers)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'JSON {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50Ms":%.3f,"p99Ms":%.3f,"non2xx":%d,"socketErrors":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.status,
    e.connect + e.read + e.write + e.timeout))
end

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

// A bounded load generator for a running Strata.Web: a fixed number of workers, each sending one request at a time
// (closed loop), for a fixed duration. Usage: Strata.LoadTest BASE_URL [WORKERS] [SECONDS] [CASES_DIR]
// It reports evaluations per second and latency percentiles, then saves, reads back and deletes cases concurrently and
// counts any that were lost. A non-success answer or a lost case makes the exit code 1.
var baseUrl = args.Length > 0 ? args[0].TrimEnd('/') : "http://127.0.0.1:5080";
var workers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
var casesDir = args.Length > 3 ? args[3] : "examples";
var cases = Directory.GetFiles(casesDir, "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
if (cases.Length == 0)
{
    Console.Error.WriteLine($"error: no *.yaml case in {casesDir}");
    return 2;
}

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    Timeout = TimeSpan.FromSeconds(30),
};

// Warm-up: the first requests pay for JIT compilation.
for (var i = 0; i < 50; i++)
{
    using var warm = await http.PostAsync($"{baseUrl}/api/v1/evaluate", new StringContent(cases[i % cases.Length], Encoding.UTF8, "application/yaml"));
}

var latencies = new ConcurrentBag<double>();
var failures = 0;
var stop = Stopwatch.StartNew();
var deadline = TimeSpan.FromSeconds(seconds);
await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
{
    var n = w;
    while (stop.Elapsed < deadline)
    {
        var t = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync($"{baseUrl}/api/v1/evaluate", new StringContent(cases[n++ % cases.Length], Encoding.UTF8, "application/yaml"));
        await response.Content.ReadAsByteArrayAsync();
        latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Interlocked.Increment(ref failures);
        }
    }
}));
var elapsed = stop.Elapsed.TotalSeconds;
var sorted = latencies.Order().ToArray();
double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
var inv = CultureInfo.InvariantCulture;
Console.WriteLine(string.Format(inv, "evaluate: {0:N0} requests in {1:N1} s with {2} workers = {3:N0} evaluations/s; latency p50 {4:N1} ms, p95 {5:N1} ms, p99 {6:N1} ms, max {7:N1} ms; {8} non-200 answers",
    sorted.Length, elapsed, workers, sorted.Length / elapsed, P(0.50), P(0.95), P(0.99), sorted[^1], failures));

// Saved cases under concurrent use: every save must be readable, then deletable; none may be lost or mixed up.
var saved = new ConcurrentBag<(string Url, string Text)>();
var saveFailures = 0;
var saveCount = 0;
await Parallel.ForEachAsync(Enumerable.Range(0, 400), new ParallelOptions { MaxDegreeOfParallelism = workers }, async (i, cancel) =>
{
    var text = cases[i % cases.Length];
    using var response = await http.PostAsync($"{baseUrl}/api/v1/cases", new StringContent(text, Encoding.UTF8, "application/yaml"), cancel);
    Interlocked.Increment(ref saveCount);
    if (response.StatusCode == HttpStatusCode.Created && response.Headers.Location is { } location)
    {
        saved.Add((new Uri(new Uri(baseUrl), location).ToString(), text));
    }
    else
    {
        Interlocked.Increment(ref saveFailures);
    }
});
var lost = 0;
await Parallel.ForEachAsync(saved, new ParallelOptions { MaxDegreeOfParallelism = workers }, async (s, cancel) =>
{
    using var read = await http.GetAsync(s.Url, cancel);
    if (read.StatusCode != HttpStatusCode.OK || (await read.Content.ReadAsStringAsync(cancel)).Length == 0)
    {
        Interlocked.Increment(ref lost);
    }

    using var delete = await http.DeleteAsync(s.Url, cancel);
    using var after = await http.GetAsync(s.Url, cancel);
    if (delete.StatusCode != HttpStatusCode.NoContent || after.StatusCode != HttpStatusCode.NotFound)
    {
        Interlocked.Increment(ref lost);
    }
});
Console.WriteLine(string.Format(inv, "saved cases: {0} saves with {1} workers, {2} failed, {3} lost or not deleted", saveCount, workers, saveFailures, lost));
return failures == 0 && saveFailures == 0 && lost == 0 ? 0 : 1;

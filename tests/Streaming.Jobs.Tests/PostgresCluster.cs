using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Streaming.Jobs.Tests;

/// <summary>
/// A throw-away PostgreSQL cluster (initdb + pg_ctl in a temporary folder, trust auth, loopback on a free
/// port), started on first use and removed at the end. PostgreSQL refuses to run as root, so as root it runs
/// as the <c>postgres</c> user. scripts/setup-tests.sh installs the server package.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private readonly Lazy<string> _connectionString;
    private string? _folder;
    private string? _binaries;

    public PostgresCluster() => _connectionString = new Lazy<string>(Start);

    /// <summary>Connection string of a fresh database in the cluster.</summary>
    public string CreateDatabase()
    {
        var name = "jobs_" + Guid.NewGuid().ToString("N")[..12];
        var server = _connectionString.Value;
        using (var connection = new Npgsql.NpgsqlConnection(server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }

        return server.Replace("Database=postgres", $"Database={name}", StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (_folder is null)
        {
            return;
        }

        Run("pg_ctl", "-D", Path.Combine(_folder, "data"), "-m", "immediate", "stop");
        Directory.Delete(_folder, recursive: true);
    }

    private string Start()
    {
        _binaries = FindBinaries();
        _folder = Directory.CreateTempSubdirectory("streaming-pg-").FullName;
        var data = Path.Combine(_folder, "data");
        if (IsRoot)
        {
            Run("/usr/bin/chown", "postgres", _folder);
        }

        Run("initdb", "-D", data, "-U", "postgres", "-A", "trust", "--no-sync");
        var port = FreePort();
        Run("pg_ctl", "-D", data, "-l", Path.Combine(_folder, "log"), "-w", "-t", "60", "-o", $"-p {port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true";
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Order().ToArray() : [];
        var bin = versions.Select(v => Path.Combine(v, "bin")).LastOrDefault(b => File.Exists(Path.Combine(b, "initdb")));
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin; run scripts/setup-tests.sh.");
    }

    private void Run(string tool, params string[] arguments)
    {
        var path = tool.StartsWith('/') ? tool : Path.Combine(_binaries!, tool);
        var start = IsRoot && !tool.StartsWith('/') ? new ProcessStartInfo("/usr/sbin/runuser", ["-u", "postgres", "--", path, .. arguments]) : new ProcessStartInfo(path, arguments);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {errors}{output.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

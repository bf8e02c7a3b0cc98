using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Streaming.Jobs;

/// <summary>
/// The single-server job store: one SQLite file, zero set-up. SQLite runs one writer at a time, so the
/// claim's UPDATE … RETURNING is atomic by itself; WAL mode lets readers run beside it.
/// </summary>
public sealed class SqliteJobStore : SqlJobStore
{
    private readonly string _connectionString;

    /// <summary>Uses (and creates) the database file at <paramref name="databasePath"/>.</summary>
    public SqliteJobStore(string databasePath, TimeProvider? clock = null)
        : base(clock)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <inheritdoc />
    protected override string ClaimRowLock => "";

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragma = connection.CreateCommand();

            // busy_timeout makes concurrent writers wait for each other instead of failing with SQLITE_BUSY.
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}

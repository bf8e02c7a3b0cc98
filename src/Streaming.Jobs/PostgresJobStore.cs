using System.Data.Common;
using Npgsql;

namespace Streaming.Jobs;

/// <summary>
/// The shared job store for several servers: PostgreSQL, where the claim locks its row with
/// <c>FOR UPDATE SKIP LOCKED</c> so concurrent workers each take a different file without waiting.
/// </summary>
public sealed class PostgresJobStore : SqlJobStore, IAsyncDisposable
{
    // Any fixed key: serialises schema creation when several servers start together.
    private const long SchemaLockKey = 0x5354524d4a4f4253;

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Connects with <paramref name="connectionString"/>.</summary>
    public PostgresJobStore(string connectionString, TimeProvider? clock = null)
        : base(clock) => _dataSource = NpgsqlDataSource.Create(connectionString);

    /// <inheritdoc />
    protected override string ClaimRowLock => "FOR UPDATE SKIP LOCKED";

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override async Task BeforeSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({SchemaLockKey})";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}

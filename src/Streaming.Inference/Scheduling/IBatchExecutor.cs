namespace Streaming.Inference.Scheduling;

/// <summary>Runs a batch of requests from different streams as one backend call.</summary>
/// <typeparam name="TRequest">One stream's input.</typeparam>
/// <typeparam name="TResult">That stream's output.</typeparam>
public interface IBatchExecutor<in TRequest, TResult>
{
    /// <summary>Runs <paramref name="batch"/>; returns one result per request, in order.</summary>
    ValueTask<TResult[]> ExecuteAsync(IReadOnlyList<TRequest> batch, CancellationToken cancellationToken);
}

using Streaming.Pipeline;

namespace Streaming.Jobs;

/// <summary>
/// Where the batch workers get their speech engine. A host that loads its engine in the background (the
/// server) registers one that completes when loading has, so jobs share the live sessions' models instead
/// of loading a second copy; otherwise it is the registered (or configured) <see cref="SpeechEngine"/>.
/// </summary>
/// <param name="get">Gives the engine once it is loaded; throws when it could not be.</param>
public sealed class SpeechEngineSource(Func<CancellationToken, Task<SpeechEngine>> get)
{
    /// <summary>Waits for the engine.</summary>
    public Task<SpeechEngine> GetAsync(CancellationToken cancellationToken) => get(cancellationToken);
}

namespace Streaming.Pipeline;

/// <summary>
/// A session's endpoint overrides (the protocol's <c>endpoint</c> object); null values keep the server's.
/// </summary>
/// <param name="MaxTrailingSilenceMs">Silence after speech that ends an utterance.</param>
/// <param name="MaxUtteranceMs">Length at which an utterance is cut into a final even without a pause.</param>
public sealed record EndpointSettings(int? MaxTrailingSilenceMs = null, int? MaxUtteranceMs = null);

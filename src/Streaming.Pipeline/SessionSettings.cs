using Streaming.Text;

namespace Streaming.Pipeline;

/// <summary>Per-session choices made by the client when it opens a session.</summary>
/// <param name="Format">Codec and rate of the audio it will send.</param>
/// <param name="Itn">Whether finals carry a written form.</param>
/// <param name="ItnOptions">ITN class toggles and digit options; null for the defaults.</param>
/// <param name="Hotwords">
/// Phrases to favour in this session, one per entry (<c>phrase</c> or <c>phrase :BOOST</c>), added to the
/// global list; null or empty for the global list alone.
/// </param>
/// <param name="Endpoint">Endpoint overrides; null keeps the server's <see cref="PipelineOptions.Endpoint"/>.</param>
/// <param name="ItnStyle">Written style of Chinese finals; null keeps the server's (<see cref="SpeechEngineOptions.ItnStyle"/>).</param>
/// <param name="Keywords">
/// Keywords to spot and report in this session, one per entry (<c>phrase</c>, <c>phrase :BOOST #THRESHOLD</c>, or an
/// explicit token spelling <c>tokens @phrase</c>), added to the global list; null or empty for the global list alone.
/// </param>
public sealed record SessionSettings(AudioInputFormat Format, bool Itn = true, ItnOptions? ItnOptions = null, IReadOnlyList<string>? Hotwords = null, EndpointSettings? Endpoint = null, ItnStyle? ItnStyle = null, IReadOnlyList<string>? Keywords = null);

using System.ComponentModel.DataAnnotations;

namespace Streaming.Server.Hosting;

/// <summary>Listening address, limits and static files. Bound from section <c>Server</c>, validated at start-up.</summary>
public sealed class ServerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Server";

    /// <summary>
    /// Interface to listen on for plain HTTP (default 0.0.0.0): shorthand for <c>urls</c>, which, like
    /// <c>Kestrel:Endpoints</c>, takes precedence over it (see <see cref="ListenAddresses"/>).
    /// </summary>
    public string? Host { get; set; }

    /// <summary>HTTP port (default 7860); 0 picks a free one. Shorthand, as <see cref="Host"/>.</summary>
    [Range(0, 65535)]
    public int? Port { get; set; }

    /// <summary>Sessions that may run at once; more are refused, not queued.</summary>
    [Range(1, 100_000)]
    public int MaxConcurrentSessions { get; set; } = 64;

    /// <summary>Seconds without audio after which a session ends with an <c>idle_timeout</c> error.</summary>
    [Range(1, 3600)]
    public int IdleTimeoutSeconds { get; set; } = 30;

    /// <summary>Largest audio message (one SignalR stream item or WebSocket message) in bytes.</summary>
    [Range(320, 16 * 1024 * 1024)]
    public int MaxAudioMessageBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// How long (ms) a session's audio may wait for room in a full pipeline before the session is ended as
    /// overloaded; 0 ends it at once. The wait holds back clients that send faster than real time.
    /// </summary>
    [Range(0, 60_000)]
    public int OverloadWaitMs { get; set; } = 2000;

    /// <summary>
    /// How far a result may trail the arrival of the audio it ends on before the session is ended with
    /// <c>overloaded</c>: the server has fallen behind real time, and saying so beats captions that drift
    /// seconds late. 0 disables the rule (the bounded channels still refuse what does not fit).
    /// </summary>
    [Range(0, 600_000)]
    public int MaxResultLagMs { get; set; } = 10_000;

    /// <summary>Events a viewer may have waiting; beyond it the oldest partials are dropped.</summary>
    [Range(4, 100_000)]
    public int SubscriberQueueCapacity { get; set; } = 64;

    /// <summary>Longest wait, at shutdown, for open sessions to flush their finals.</summary>
    [Range(0, 300)]
    public int ShutdownFlushSeconds { get; set; } = 10;

    /// <summary>Most hotwords a session may give.</summary>
    [Range(0, 10_000)]
    public int MaxHotwords { get; set; } = 100;

    /// <summary>Longest hotword, in characters.</summary>
    [Range(1, 1000)]
    public int MaxHotwordLength { get; set; } = 64;

    /// <summary>Most keywords one session may send (added to the global list).</summary>
    [Range(0, 1000)]
    public int MaxKeywords { get; set; } = 100;

    /// <summary>Longest keyword entry in characters, options and any explicit token spelling included.</summary>
    [Range(1, 1000)]
    public int MaxKeywordLength { get; set; } = 200;

    /// <summary>
    /// Most glibc malloc arenas the process creates (<c>mallopt(M_ARENA_MAX)</c>, Linux only); 0 (the default) is one
    /// per core, where glibc's own default is eight per core. Native code (ONNX Runtime, libpinyin) allocates from the
    /// calling thread's arena and glibc adds an arena whenever the existing ones are busy, so with glibc's default a
    /// busy server's resident memory rose in steps of several MiB at random moments long after warm-up.
    /// </summary>
    [Range(0, 1024)]
    public int MallocArenas { get; set; }

    /// <summary><see cref="MallocArenas"/> with 0 resolved to the processor count.</summary>
    public int EffectiveMallocArenas => MallocArenas == 0 ? Environment.ProcessorCount : MallocArenas;

    /// <summary>Folder of the web pages served at <c>/</c>; relative paths are looked up from the content root and its parents.</summary>
    public string WebRoot { get; set; } = "clients/web";

    /// <summary>Origins allowed to call the server from a browser; <c>*</c> allows any.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>
    /// Largest SignalR message: an audio item as base64 (JSON protocol) plus framing, so an oversize item
    /// still arrives and gets a specific error instead of a dropped connection.
    /// </summary>
    public long MaxHubMessageBytes => (MaxAudioMessageBytes * 4L / 3) + 8192L;
}

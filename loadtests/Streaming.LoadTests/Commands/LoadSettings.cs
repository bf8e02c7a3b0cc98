using System.ComponentModel;
using System.Globalization;
using Spectre.Console.Cli;
using Streaming.LoadTests.Reporting;
using Streaming.LoadTests.Sessions;

namespace Streaming.LoadTests.Commands;

/// <summary>Options every load command shares: where the server is, what audio to send, where reports go.</summary>
public class LoadSettings : CommandSettings
{
    /// <summary>Server base address.</summary>
    [CommandOption("--server <URL>")]
    [Description("Server base address (default http://127.0.0.1:7860)")]
    public string Server { get; init; } = "http://127.0.0.1:7860";

    /// <summary>Ingress protocol.</summary>
    [CommandOption("--protocol <NAME>")]
    [Description("signalr (default) or funasr")]
    public string Protocol { get; init; } = "signalr";

    /// <summary>WAV files the sessions stream, in turn.</summary>
    [CommandOption("--audio <FILE>")]
    [Description("WAV file or folder of WAVs to stream; repeat for several, used in turn (default samples/jfk.wav; with --language zh the zh-eval set). A trans.tsv beside them gives references for CER/WER")]
    public string[] Audio { get; init; } = [];

    /// <summary>Packet length.</summary>
    [CommandOption("--packet-ms <MS>")]
    [Description("Audio per message, 20-100 ms, sent at real time (default 100)")]
    public int PacketMs { get; init; } = 100;

    /// <summary>Session language.</summary>
    [CommandOption("--language|--lang <LANG>")]
    [Description("Session language: en (default), zh or auto")]
    public string Language { get; init; } = "en";

    /// <summary>Recogniser by name.</summary>
    [CommandOption("--model <NAME>")]
    [Description("Recogniser by name, as GET /api/models lists them (default: the server's model for the language)")]
    public string? Model { get; init; }

    /// <summary>Bearer token.</summary>
    [CommandOption("--token <JWT>")]
    [Description("JWT bearer token (default: $STREAMING_TOKEN; none when the server runs with Auth:Enabled=false)")]
    public string? Token { get; init; }

    /// <summary>Wait for finals.</summary>
    [CommandOption("--final-timeout <SECONDS>")]
    [Description("Seconds to wait for finals after the last packet (default 30)")]
    public int FinalTimeoutSeconds { get; init; } = 30;

    /// <summary>Report folder.</summary>
    [CommandOption("--out <DIR>")]
    [Description("Folder for report.md, report.html, summary.json and the SVG plot (default load-report)")]
    public string Out { get; init; } = "load-report";

    /// <summary>Free text about the machine.</summary>
    [CommandOption("--machine-note <TEXT>")]
    [Description("Printed with the machine description, e.g. 'shared with 6 developers building'")]
    public string? MachineNote { get; init; }

    /// <summary>The parsed protocol.</summary>
    public SessionProtocol ParsedProtocol => Protocol.ToLowerInvariant() switch
    {
        "signalr" => SessionProtocol.SignalR,
        "funasr" => SessionProtocol.FunAsr,
        _ => throw new ArgumentException($"--protocol must be signalr or funasr (got '{Protocol}')."),
    };

    /// <summary>The session options these settings describe.</summary>
    public SessionOptions ToSessionOptions() => new(
        Uri.TryCreate(Server, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException($"--server '{Server}' is not an address."),
        PacketMs,
        Language,
        Token ?? Environment.GetEnvironmentVariable("STREAMING_TOKEN"),
        TimeSpan.FromSeconds(FinalTimeoutSeconds),
        Model);

    /// <summary>
    /// The session step of a run over <paramref name="clips"/>, once <see cref="ServerPreflight"/> has found the
    /// server reachable, ready and willing to serve one short session.
    /// </summary>
    public async Task<Func<Framework.ScenarioContext, Task<Framework.SessionOutcome>>> CheckedSessionAsync(
        IReadOnlyList<SpeechClip> clips, CancellationToken cancellationToken)
    {
        var options = ToSessionOptions();
        var session = SessionFactory.Create(ParsedProtocol, clips, options);
        var trial = SessionFactory.Create(ParsedProtocol, [clips[0].Take(ServerPreflight.TrialLength)], options);
        await ServerPreflight.CheckAsync(options.Server, trial, cancellationToken);
        return session;
    }

    /// <summary>
    /// Memory per idle and per active session (<see cref="Memory.SessionMemoryProbe"/>), <paramref name="sessions"/>
    /// per state for <paramref name="hold"/> each; null when <paramref name="sessions"/> is 0.
    /// </summary>
    public async Task<Memory.SessionMemory?> MeasureMemoryAsync(
        Framework.LoadRunner runner, IReadOnlyList<SpeechClip> clips, int sessions, TimeSpan hold, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (sessions <= 0)
        {
            return null;
        }

        var options = ToSessionOptions();
        // An idle session lasts no longer than the hold, so a short hold ends on time.
        var silence = SpeechClip.Silence(TimeSpan.FromSeconds(Math.Min(10, hold.TotalSeconds)), clips[0].SampleRate);
        using var http = new HttpClient();
        var probe = new Memory.SessionMemoryProbe(
            runner, new Soak.ServerProbe(http, new Uri(options.Server, "/metrics")), hold, TimeSpan.FromSeconds(1));
        return await probe.RunAsync(
            SessionFactory.Create(ParsedProtocol, [silence], options), SessionFactory.Create(ParsedProtocol, clips, options), sessions, progress, cancellationToken);
    }

    /// <summary>Loads the audio files (the bundled sample, or the Mandarin dev set for zh, when none is given).</summary>
    public IReadOnlyList<SpeechClip> LoadClips() =>
        (Audio.Length > 0 ? Audio : [DefaultAudio()]).SelectMany(SpeechClip.LoadAll).ToArray();

    /// <summary>Settings as report rows, for reproduction.</summary>
    public Dictionary<string, string> Describe(IReadOnlyList<SpeechClip> clips) => new()
    {
        ["server"] = Server,
        ["protocol"] = ParsedProtocol.ToString(),
        ["audio"] = clips.Count <= 4
            ? string.Join(", ", clips.Select(c => $"{Path.GetFileName(c.Path)} ({c.Seconds.ToString("F1", CultureInfo.InvariantCulture)} s, {c.SampleRate} Hz)"))
            : $"{clips.Count} clips from {string.Join(", ", clips.Select(c => Path.GetDirectoryName(c.Path)).Distinct())} ({clips.Sum(c => c.Seconds).ToString("F1", CultureInfo.InvariantCulture)} s)",
        ["references"] = $"{clips.Count(c => c.Reference is not null)} of {clips.Count} clips (scored as {TranscriptScorer.MetricFor(Language)})",
        ["packet"] = $"{PacketMs} ms, paced at real time",
        ["language"] = Language,
        ["model"] = Model ?? "(server default)",
    };

    /// <summary>The machine the run measures.</summary>
    public MachineInfo Machine() => MachineInfo.Current(MachineNote);

    private string DefaultAudio()
    {
        // The team's test data sits beside the repository (../shared), so a folder above the runner holds it.
        var zh = string.Equals(Language, "zh", StringComparison.OrdinalIgnoreCase);
        var relative = zh ? Path.Combine("shared", "testdata", "audio", "zh-eval") : Path.Combine("samples", "jfk.wav");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (zh ? Directory.Exists(candidate) : File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"No --audio given and {relative} was not found above the runner.");
    }
}

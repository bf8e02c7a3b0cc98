using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Streaming.Asr;
using Streaming.Asr.Vad;

namespace Streaming.Cli.Commands;

/// <summary><c>streaming vad FILE.wav [--json]</c>: prints the speech segments Silero VAD finds.</summary>
public sealed class VadCommand : Command<VadCommand.Settings>
{
    /// <summary>Arguments of <c>vad</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The WAV file.</summary>
        [CommandArgument(0, "<FILE>")]
        [Description("WAV file (PCM16/24/32 or float32, any common rate, mono or multi-channel)")]
        public string File { get; init; } = "";

        /// <summary>Emit JSON instead of text.</summary>
        [CommandOption("--json")]
        [Description("Print a JSON array of {start, end} in seconds")]
        public bool Json { get; init; }

        /// <summary>Channel to analyse instead of the downmix.</summary>
        [CommandOption("--channel <N>")]
        [Description("Analyse this 0-based channel instead of the downmix of all channels")]
        public int? Channel { get; init; }

        /// <summary>Models folder.</summary>
        [CommandOption("--models <DIR>")]
        [Description("Models folder (default: the nearest models/ with a manifest.json)")]
        public string? Models { get; init; }

        /// <summary>Speech probability threshold.</summary>
        [CommandOption("--threshold <P>")]
        [Description("Speech probability threshold (default 0.5)")]
        public float Threshold { get; init; } = 0.5f;

        /// <summary>Minimum silence that ends a segment.</summary>
        [CommandOption("--min-silence-ms <MS>")]
        [Description("Silence that ends a segment (default 300)")]
        public int MinSilenceMs { get; init; } = 300;

        /// <summary>Minimum speech length.</summary>
        [CommandOption("--min-speech-ms <MS>")]
        [Description("Shorter speech is dropped (default 250)")]
        public int MinSpeechMs { get; init; } = 250;
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new VadOptions
        {
            Threshold = settings.Threshold,
            MinSilenceMs = settings.MinSilenceMs,
            MinSpeechMs = settings.MinSpeechMs,
        };
        var audio = VadAudio.Load(settings.File, settings.Channel);

        using var model = new SileroVadModel(SileroVadModel.BundledPath(ModelDirectory.Locate(settings.Models)));
        using var detector = new VoiceActivityDetector(model, options, audio.SampleRate);
        var segments = new SpeechSegmentCollector(audio.SampleRate);
        ConsoleProgress.Run("VAD", audio.Samples.Length, report =>
        {
            const int block = 8000;
            for (var i = 0; i < audio.Samples.Length; i += block)
            {
                cancellationToken.ThrowIfCancellationRequested();
                detector.Accept(audio.Samples.AsSpan(i, Math.Min(block, audio.Samples.Length - i)), segments);
                report(i);
            }

            detector.Flush(segments);
        });

        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(segments.Segments.Select(s => new { start = Math.Round(s.Start, 3), end = Math.Round(s.End, 3) })));
        }
        else
        {
            foreach (var s in segments.Segments)
            {
                Console.WriteLine($"{s.Start,9:F3} {s.End,9:F3}");
            }
        }

        return 0;
    }
}

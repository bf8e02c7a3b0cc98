using System.ComponentModel;
using System.Globalization;
using Spectre.Console.Cli;
using Streaming.Audio;

namespace Streaming.Cli.Commands;

/// <summary><c>streaming info FILE.wav</c>: prints the file's format.</summary>
public sealed class InfoCommand : Command<InfoCommand.Settings>
{
    /// <summary>Arguments of <c>info</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The WAV file.</summary>
        [CommandArgument(0, "<FILE>")]
        [Description("WAV file")]
        public string File { get; init; } = "";
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // Checked here so a missing directory reads as "not found" too, not as a bare IOException.
        if (!System.IO.File.Exists(settings.File))
        {
            throw new FileNotFoundException($"file not found: {settings.File}", settings.File);
        }

        WavFormat format;
        try
        {
            using WavReader reader = WavReader.Open(settings.File);
            format = reader.Format;
        }
        catch (WavFormatException ex)
        {
            // WavFormatException cannot derive from the sealed InvalidDataException, so map it to the CLI's error type.
            throw new CliException($"{settings.File}: {ex.Message}");
        }

        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine($"file:        {settings.File}");
        Console.WriteLine($"encoding:    {(format.Encoding == WavEncoding.Pcm ? "PCM (signed integer)" : "IEEE float")}");
        Console.WriteLine(string.Create(invariant, $"sample rate: {format.SampleRate} Hz"));
        Console.WriteLine(string.Create(invariant, $"channels:    {format.Channels}"));
        Console.WriteLine(string.Create(invariant, $"bits:        {format.BitsPerSample}"));
        Console.WriteLine(string.Create(invariant, $"duration:    {format.Duration:hh\\:mm\\:ss\\.fff} ({format.Duration.TotalSeconds:F3} s, {format.FrameCount} frames)"));
        Console.WriteLine(string.Create(invariant, $"data bytes:  {format.DataBytes}"));
        return 0;
    }
}

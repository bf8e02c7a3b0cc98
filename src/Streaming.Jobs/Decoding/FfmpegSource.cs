using System.Diagnostics;
using System.Globalization;
using Streaming.Audio;

namespace Streaming.Jobs.Decoding;

/// <summary>
/// A compressed file (MP3, M4A, FLAC, OGG, …) decoded by an ffmpeg child process to 16 kHz mono s16le on its
/// stdout, read incrementally: only one pipe buffer of audio is ever in memory.
/// </summary>
internal sealed class FfmpegSource : IAudioSource
{
    private const int MaxErrorChars = 2000;

    private readonly Process _process;
    private readonly Stream _stdout;
    private readonly Task<string> _stderr;
    private readonly string _name;
    private byte[] _bytes = [];
    private int _carry;
    private bool _ended;

    public FfmpegSource(string path, FfmpegLocator locator)
    {
        var ffmpeg = locator.Ffmpeg ?? throw new AudioDecodeException(
            "The file is not WAV, and decoding MP3/M4A/FLAC/OGG needs ffmpeg, which is not installed on this server.");
        _name = Path.GetFileName(path);
        Duration = locator.Ffprobe is { } ffprobe ? Probe(ffprobe, path) : null;
        var start = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-nostdin", "-hide_banner", "-loglevel", "error", "-i", path, "-vn", "-ac", "1", "-ar", "16000", "-f", "s16le", "-" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new AudioDecodeException("ffmpeg could not be started.");
        _stdout = _process.StandardOutput.BaseStream;
        _stderr = ReadCappedAsync(_process.StandardError);
    }

    public double? Duration { get; }

    public int Read(Span<float> destination)
    {
        if (_ended || destination.IsEmpty)
        {
            return 0;
        }

        var want = destination.Length * 2;
        if (_bytes.Length < want)
        {
            Array.Resize(ref _bytes, want);
        }

        // Block until at least one whole sample is there; a short read is fine otherwise.
        var have = _carry;
        while (have < 2)
        {
            var got = _stdout.Read(_bytes, have, want - have);
            if (got == 0)
            {
                Finish();
                return 0;
            }

            have += got;
        }

        var samples = have / 2;
        Pcm16.ToFloat(_bytes.AsSpan(0, samples * 2), destination[..samples]);
        _carry = have - (samples * 2);
        if (_carry > 0)
        {
            _bytes[0] = _bytes[samples * 2];
        }

        return samples;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the kill.
            }
        }

        _process.WaitForExit();
        _process.Dispose();
    }

    private static double? Probe(string ffprobe, string path)
    {
        var start = new ProcessStartInfo(ffprobe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-v", "error", "-show_entries", "format=duration", "-of", "default=noprint_wrappers=1:nokey=1", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var probe = Process.Start(start) ?? throw new AudioDecodeException("ffprobe could not be started.");
        var stderr = ReadCappedAsync(probe.StandardError);
        var output = probe.StandardOutput.ReadToEnd();
        probe.WaitForExit();
        if (probe.ExitCode != 0)
        {
            throw new AudioDecodeException($"The file is not decodable audio: {FirstLine(stderr.Result)}");
        }

        return double.TryParse(output.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
    }

    private static async Task<string> ReadCappedAsync(StreamReader reader)
    {
        var buffer = new char[1024];
        var text = new System.Text.StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            // Keep draining so the child never blocks on a full stderr pipe, but keep only the start.
            text.Append(buffer, 0, Math.Min(read, Math.Max(0, MaxErrorChars - text.Length)));
        }

        return text.ToString();
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? "the decoder reported no reason" : line;
    }

    private void Finish()
    {
        _ended = true;
        _process.WaitForExit();
        if (_process.ExitCode != 0)
        {
            throw new AudioDecodeException($"ffmpeg could not decode '{_name}': {FirstLine(_stderr.Result)}");
        }
    }
}

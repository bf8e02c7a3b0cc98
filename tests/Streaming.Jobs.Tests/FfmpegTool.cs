using System.Diagnostics;

namespace Streaming.Jobs.Tests;

/// <summary>Runs the ffmpeg that scripts/setup-tests.sh installs, to make compressed test files.</summary>
public static class FfmpegTool
{
    public static void Convert(string input, string output)
    {
        using var process = Process.Start(new ProcessStartInfo("ffmpeg", ["-nostdin", "-loglevel", "error", "-y", "-i", input, output]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("ffmpeg could not be started; run scripts/setup-tests.sh.");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ffmpeg failed: {errors}");
    }
}

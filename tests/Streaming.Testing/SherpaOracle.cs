using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Streaming.Testing;

/// <summary>What sherpa-onnx decoded for one file.</summary>
/// <param name="File">The wav file.</param>
/// <param name="Tokens">Token symbols of the best hypothesis.</param>
/// <param name="Timestamps">Start time of each token in seconds (encoder frame × 40 ms).</param>
/// <param name="Text">The tokens joined as sherpa-onnx joins them.</param>
public sealed record OracleDecoding(string File, string[] Tokens, double[] Timestamps, string Text);

/// <summary>A keyword sherpa-onnx's keyword spotter reported.</summary>
/// <param name="Keyword">The phrase after <c>@</c> in the keywords file.</param>
/// <param name="StartTime">Seconds from the file start at which the spotter's stream was last reset.</param>
/// <param name="Timestamps">Start time of each of the keyword's tokens, in seconds from <paramref name="StartTime"/>.</param>
/// <param name="Tokens">The keyword's token symbols.</param>
public sealed record OracleKeywordHit(string Keyword, double StartTime, double[] Timestamps, string[] Tokens)
{
    /// <summary>Start of the keyword's first token from the file start.</summary>
    public double Start => StartTime + Timestamps[0];

    /// <summary>Start of the keyword's last token from the file start.</summary>
    public double LastTokenStart => StartTime + Timestamps[^1];
}

/// <summary>What sherpa-onnx's keyword spotter found in one file.</summary>
public sealed record OracleSpotting(string File, OracleKeywordHit[] Hits);

/// <summary>
/// sherpa-onnx's streaming recogniser (native, through npm <c>sherpa-onnx-node@1.13.8</c>, installed into
/// <c>tests/oracle/node_modules</c> by <c>scripts/setup-tests.sh</c>) run by <c>tests/oracle/decode.js</c>: the
/// reference the transducer parity tests compare with. One thread, 80-bin features at 16 kHz, endpointing off.
/// </summary>
public static class SherpaOracle
{
    /// <summary>The harness folder.</summary>
    public static string Folder => TestPaths.InRepo("tests", "oracle");

    /// <summary>
    /// Decodes <paramref name="wavs"/> with the transducer in <paramref name="modelDirectory"/>: each file whole,
    /// then <paramref name="tailPaddingSamples"/> zero samples, then end of input.
    /// </summary>
    /// <param name="modelDirectory">A sherpa-onnx transducer folder (encoder, decoder, joiner, tokens.txt).</param>
    /// <param name="wavs">16 kHz wav files.</param>
    /// <param name="method"><c>greedy_search</c> or <c>modified_beam_search</c>.</param>
    /// <param name="activePaths">Beam size of modified beam search.</param>
    /// <param name="tailPaddingSamples">Silence appended to each file.</param>
    public static IReadOnlyList<OracleDecoding> Decode(string modelDirectory, IReadOnlyList<string> wavs, string method, int activePaths, int tailPaddingSamples)
    {
        string output = RunNode(
            ["--model", modelDirectory, "--method", method, "--paths", activePaths.ToString(CultureInfo.InvariantCulture), "--tail-padding", tailPaddingSamples.ToString(CultureInfo.InvariantCulture), .. wavs]);
        return ParseLines<OracleDecoding>(output, wavs.Count);
    }

    /// <summary>
    /// Spots the keywords of <paramref name="keywordsFile"/> (sherpa-onnx's <c>keywords.txt</c> form) in each of
    /// <paramref name="wavs"/> with sherpa-onnx's <c>KeywordSpotter</c> (4 active paths, 1 trailing blank,
    /// <paramref name="threshold"/>, boost 1), feeding each file whole, then <paramref name="tailPaddingSamples"/> zeros.
    /// </summary>
    public static IReadOnlyList<OracleSpotting> Spot(string modelDirectory, string keywordsFile, IReadOnlyList<string> wavs, int tailPaddingSamples, float threshold = 0.25f)
    {
        string output = RunNode(
            ["--model", modelDirectory, "--keywords", keywordsFile, "--keywords-threshold", threshold.ToString(CultureInfo.InvariantCulture),
                "--tail-padding", tailPaddingSamples.ToString(CultureInfo.InvariantCulture), .. wavs]);
        return ParseLines<OracleSpotting>(output, wavs.Count);
    }

    private static List<T> ParseLines<T>(string output, int expected)
    {
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonSerializer.Deserialize<T>(line, options)
                ?? throw new InvalidDataException($"sherpa-onnx harness printed '{line}'."))
            .ToList();
        return results.Count == expected
            ? results
            : throw new InvalidDataException($"sherpa-onnx harness answered for {results.Count} of {expected} files:\n{output}");
    }

    private static string RunNode(IReadOnlyList<string> arguments)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "sherpa-onnx-node")))
        {
            throw new InvalidOperationException(
                $"sherpa-onnx-node is not installed in {Folder}; run scripts/setup-tests.sh (npm ci there).");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("decode.js");
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("sherpa-onnx harness ran past 5 minutes.");
        }

        return process.ExitCode == 0
            ? stdout
            : throw new InvalidOperationException($"sherpa-onnx harness exited with {process.ExitCode}: {stderr.Result}");
    }
}

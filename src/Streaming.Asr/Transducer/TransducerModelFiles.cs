using System.Diagnostics.CodeAnalysis;

namespace Streaming.Asr.Transducer;

/// <summary>
/// The four files of a sherpa-onnx transducer directory. Where a release ships both float and int8
/// variants of a network, the int8 file is chosen (faster on CPU).
/// </summary>
/// <param name="Encoder">Streaming encoder (<c>encoder*.onnx</c>).</param>
/// <param name="Decoder">Prediction network (<c>decoder*.onnx</c>).</param>
/// <param name="Joiner">Joint network (<c>joiner*.onnx</c>).</param>
/// <param name="Tokens">Token table (<c>tokens.txt</c>).</param>
public sealed record TransducerModelFiles(string Encoder, string Decoder, string Joiner, string Tokens)
{
    /// <summary>Finds the files in <paramref name="directory"/>, or says what is missing or ambiguous.</summary>
    public static bool TryFind(string directory, [NotNullWhen(true)] out TransducerModelFiles? files, out string? problem)
    {
        files = null;
        var problems = new List<string>();
        string? encoder = Pick(directory, "encoder", problems);
        string? decoder = Pick(directory, "decoder", problems);
        string? joiner = Pick(directory, "joiner", problems);
        string tokens = Path.Combine(directory, "tokens.txt");
        if (!File.Exists(tokens))
        {
            problems.Add("tokens.txt is missing.");
        }

        problem = problems.Count == 0 ? null : string.Join(" ", problems);
        if (encoder is null || decoder is null || joiner is null || problem is not null)
        {
            return false;
        }

        files = new TransducerModelFiles(encoder, decoder, joiner, tokens);
        return true;
    }

    private static string? Pick(string directory, string stem, List<string> problems)
    {
        string[] candidates = Directory.GetFiles(directory, stem + "*.onnx");
        if (candidates.Length > 1)
        {
            candidates = [.. candidates.Where(c => c.EndsWith(".int8.onnx", StringComparison.Ordinal))];
        }

        if (candidates.Length == 1)
        {
            return candidates[0];
        }

        problems.Add(candidates.Length == 0 ? $"No {stem}*.onnx." : $"Several {stem}*.int8.onnx files; keep one.");
        return null;
    }
}

namespace Streaming.Cli.Evaluation;

/// <summary>
/// The Mandarin sets of the team's test audio folder: <c>zh-eval</c> (dev, to develop on) and
/// <c>zh-eval-test</c> (held out, to report on), each a folder of wavs with a <c>trans.tsv</c>
/// (<c>file</c>, <c>reference</c>, <c>kind</c>, <c>source</c>). Any other folder laid out the same way (a model's
/// <c>test_wavs</c>, say) can be named by its path instead.
/// </summary>
internal static class MandarinTestSets
{
    public static readonly string[] Names = ["zh-eval", "zh-eval-test"];

    public static IEnumerable<EvalItem> Load(string audioDirectory, string set)
    {
        var named = Names.Contains(set);
        if (!named && !Directory.Exists(set))
        {
            throw new CliException($"Unknown Mandarin test set '{set}'; use one of {string.Join(", ", Names)} or a folder of wavs with a trans.tsv.");
        }

        var folder = named ? Path.Combine(audioDirectory, set) : set;
        return Read(Path.Combine(folder, "trans.tsv"), set);
    }

    /// <summary>The utterances of a set's <c>trans.tsv</c> (wavs beside it), named <paramref name="set"/>.</summary>
    public static IEnumerable<EvalItem> Read(string path, string set)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"Test set file '{path}' does not exist.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return File.ReadLines(path).Select(l => l.Split('\t')).Where(c => c.Length >= 2 && c[0].EndsWith(".wav", StringComparison.Ordinal))
            .Select(c => new EvalItem(set, Path.Combine(folder, c[0]), c[1]));
    }
}

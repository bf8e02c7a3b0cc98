using System.Text.Json;

namespace Streaming.Cli.Evaluation;

/// <summary>
/// An evaluation set in NeMo manifest form: one JSON object a line with <c>audio_filepath</c> (relative to
/// the manifest's folder, or absolute) and the reference <c>text</c>.
/// </summary>
internal static class SpeechManifest
{
    public static List<(string Audio, string Text)> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"Manifest '{path}' does not exist.");
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var entries = new List<(string, string)>();
        int number = 0;
        foreach (string line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                string audio = root.GetProperty("audio_filepath").GetString() ?? throw new CliException($"{path}:{number}: audio_filepath is null.");
                string text = root.GetProperty("text").GetString() ?? throw new CliException($"{path}:{number}: text is null.");
                entries.Add((Path.Combine(folder, audio), text));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new CliException($"{path}:{number}: expected a JSON object with audio_filepath and text ({ex.Message}).");
            }
        }

        return entries;
    }
}

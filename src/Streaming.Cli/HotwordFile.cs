namespace Streaming.Cli;

/// <summary>Reads a hotword list file given on the command line, as lines for a session's settings.</summary>
internal static class HotwordFile
{
    public static string[] ReadLines(string path) => File.Exists(path)
        ? File.ReadAllLines(path)
        : throw new CliException($"Hotword file '{path}' does not exist.");
}

using Spectre.Console.Cli;

namespace Streaming.CommandLine;

/// <summary>
/// Runs a program's <see cref="CommandCatalog"/>: strict parsing (unknown commands and options are errors,
/// with a suggestion), and user errors printed as one <c>error: ...</c> line on stderr with exit code 2.
/// </summary>
public static class CommandLineProgram
{
    /// <summary>Exit code of a usage or input error.</summary>
    public const int UsageError = 2;

    /// <summary>
    /// Parses and runs <paramref name="args"/>. <paramref name="isUserError"/> says which exceptions are the
    /// user's to fix (a missing file, a bad value): those print their message; any other escapes as a crash.
    /// </summary>
    public static async Task<int> RunAsync(CommandCatalog catalog, string[] args, Func<Exception, bool> isUserError)
    {
        if (ArgumentCheck.Find(catalog, args) is { } problem)
        {
            await Console.Error.WriteLineAsync($"error: {problem}");
            return UsageError;
        }

        var app = new CommandApp();
        app.Configure(config =>
        {
            catalog.Configure(config);
            config.PropagateExceptions();
            config.UseStrictParsing();
        });

        try
        {
            return await app.RunAsync(args);
        }
        catch (Exception ex) when (ex is CommandAppException || isUserError(ex))
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return UsageError;
        }
    }
}

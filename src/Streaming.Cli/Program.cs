using Spectre.Console.Cli;
using Streaming.Cli;
using Streaming.Cli.Commands;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("streaming");
    config.PropagateExceptions();
    config.AddCommand<InfoCommand>("info").WithDescription("Print the format of a WAV file.");
});

try
{
    return await app.RunAsync(args);
}
catch (Exception ex) when (ex is CliException or InvalidDataException or FileNotFoundException or CommandAppException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}

using Streaming.CommandLine;
using Streaming.LoadTests;
using Streaming.LoadTests.Sessions;

return await CommandLineProgram.RunAsync(
    LoadCommands.Catalog,
    args,
    ex => ex is ServerUnavailableException or ArgumentException or IOException or InvalidDataException or InvalidOperationException or HttpRequestException);

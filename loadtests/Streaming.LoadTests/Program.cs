using Streaming.CommandLine;
using Streaming.LoadTests;

return await CommandLineProgram.RunAsync(
    LoadCommands.Catalog,
    args,
    ex => ex is ArgumentException or IOException or InvalidDataException or InvalidOperationException or HttpRequestException);

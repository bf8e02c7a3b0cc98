using Streaming.Cli;
using Streaming.CommandLine;

return await CommandLineProgram.RunAsync(
    StreamingCommands.Catalog,
    args,
    ex => ex is CliException or InvalidDataException or IOException or ArgumentException);

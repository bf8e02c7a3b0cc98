using Spectre.Console.Cli;
using Streaming.Cli;
using Streaming.Cli.Commands;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("streaming");
    config.PropagateExceptions();
    config.AddCommand<InfoCommand>("info").WithDescription("Print the format of a WAV file.");
    config.AddCommand<VadCommand>("vad").WithDescription("Print the speech segments of a WAV file.");
    config.AddCommand<TranscribeCommand>("transcribe").WithDescription("Transcribe a WAV file through the streaming pipeline.");
    config.AddCommand<ServeCommand>("serve").WithDescription("Run the server (SignalR hub, FunASR socket, web pages) on port 7860.");
    config.AddCommand<TokenCommand>("token").WithDescription("Print a dev JWT for the server.");
    config.AddCommand<StreamCommand>("stream").WithDescription("Stream a WAV file to a running server and print its captions.");
    config.AddCommand<ItnCommand>("itn").WithDescription("Inverse text normalisation: spoken sentences on stdin, written forms on stdout.");
    config.AddBranch("bench", bench =>
    {
        bench.SetDescription("Measure speed and allocations.");
        bench.AddCommand<BenchVadCommand>("vad").WithDescription("VAD real-time factor and allocations.");
        bench.AddCommand<BenchAsrCommand>("asr").WithDescription("Concurrent streams: RTF, streams per core, partial and final latency.");
        bench.AddCommand<BenchBackendCommand>("backend").WithDescription("Silero VAD streams on each backend (CPU, Ascend) and pool size, without and with cross-stream batching.");
        bench.AddCommand<BenchBatchCommand>("batch").WithDescription("Batch mode: hours of audio per wall hour, peak memory, share skipped by VAD.");
        bench.AddCommand<BenchItnCommand>("itn").WithDescription("Time inverse text normalisation of typical segments.");
        bench.AddCommand<BenchHotwordsCommand>("hotwords").WithDescription("Decode time with 0 vs 1,000 hotwords (Moonshine beam search).");
    });
    config.AddBranch("models", models =>
    {
        models.SetDescription("The bundled models: list and verify against models/manifest.json.");
        models.AddCommand<ModelsListCommand>("list").WithDescription("Models with kind, languages, licence, source and whether their files match the manifest.");
        models.AddCommand<ModelsVerifyCommand>("verify").WithDescription("Check every file of every model against the manifest's sha256.");
    });
    config.AddBranch("eval", eval =>
    {
        eval.SetDescription("Measure recognition accuracy.");
        eval.AddCommand<EvalWerCommand>("wer").WithDescription("Word error rate of the English test sets through the full pipeline.");
        eval.AddCommand<EvalCerCommand>("cer").WithDescription("Character error rate of the Mandarin test sets (punctuation and spaces ignored).");
        eval.AddCommand<EvalHotwordsCommand>("hotwords").WithDescription("Hotword recall and WER with and without biasing.");
    });
});

try
{
    return await app.RunAsync(args);
}
catch (Exception ex) when (ex is CliException or InvalidDataException or IOException or ArgumentException or CommandAppException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}

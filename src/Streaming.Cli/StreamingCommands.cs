using Streaming.Cli.Commands;
using Streaming.CommandLine;

namespace Streaming.Cli;

/// <summary>The commands of <c>streaming</c>.</summary>
public static class StreamingCommands
{
    /// <summary>Every command and branch, as the program configures them.</summary>
    public static CommandCatalog Catalog { get; } = new CommandCatalog("streaming")
        .Add<InfoCommand>("info", "Print the format of a WAV file.")
        .Add<VadCommand>("vad", "Print the speech segments of a WAV file.")
        .Add<TranscribeCommand>("transcribe", "Transcribe a WAV file through the streaming pipeline.")
        .Add<ServeCommand>("serve", "Run the server (SignalR hub, FunASR socket, web pages) on port 7860.")
        .Add<TokenCommand>("token", "Print a dev JWT for the server.")
        .Add<StreamCommand>("stream", "Stream a WAV file to a running server and print its captions.")
        .Add<ItnCommand>("itn", "Inverse text normalisation: spoken sentences on stdin, written forms on stdout.")
        .AddBranch("bench", "Measure speed and allocations.", bench => bench
            .Add<BenchVadCommand>("vad", "VAD real-time factor and allocations.")
            .Add<BenchAsrCommand>("asr", "Concurrent streams: RTF, streams per core, partial and final latency.")
            .Add<BenchBackendCommand>("backend", "Silero VAD streams on each backend (CPU, Ascend) and pool size, without and with cross-stream batching.")
            .Add<BenchBatchCommand>("batch", "Batch mode: hours of audio per wall hour, peak memory, share skipped by VAD.")
            .Add<BenchPinyinCommand>("pinyin", "Cost of pinyin → 汉字 conversion in streamed Mandarin sessions: per partial, per final, share of CPU.")
            .Add<BenchItnCommand>("itn", "Time inverse text normalisation of typical segments.")
            .Add<BenchHotwordsCommand>("hotwords", "Decode time with 0 vs 1,000 hotwords (Moonshine beam search).")
            .Add<BenchKwsCommand>("kws", "Cost of keyword spotting per stream with 0, 100 and 1,000 keywords: RTF and partial latency."))
        .AddBranch("models", "The bundled models: list and verify against models/manifest.json.", models => models
            .Add<ModelsListCommand>("list", "Models with kind, languages, licence, source and whether their files match the manifest.")
            .Add<ModelsVerifyCommand>("verify", "Check every file of every model against the manifest's sha256."))
        .AddBranch("eval", "Measure recognition accuracy.", eval => eval
            .Add<EvalWerCommand>("wer", "Word error rate of the English test sets through the full pipeline.")
            .Add<EvalCerCommand>("cer", "Character error rate of the Mandarin test sets (punctuation and spaces ignored).")
            .Add<EvalHotwordsCommand>("hotwords", "Hotword recall and WER with and without biasing.")
            .Add<EvalKwsCommand>("kws", "Keyword hits, false alarms and misses over the Mandarin test sets."));
}

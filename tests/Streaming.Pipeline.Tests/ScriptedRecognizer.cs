using Streaming.Asr;

namespace Streaming.Pipeline.Tests;

/// <summary>
/// A recogniser that behaves like a streaming transducer with real token times: once
/// <paramref name="wordEnd"/> seconds of an utterance have arrived it has decoded one word (<paramref name="word"/>)
/// ending there, and everything after is blank. With a null word end it never decodes anything (noise).
/// </summary>
internal sealed class ScriptedRecognizer(double? wordEnd, string word = "word") : IRecognizerModel
{
    public string Name => "scripted";

    public IRecognitionStream CreateStream() => new Stream(wordEnd, word);

    public void Dispose()
    {
    }

    private sealed class Stream(double? wordEnd, string word) : IRecognitionStream
    {
        private long _samples;

        public void AcceptAudio(ReadOnlySpan<float> samples16k) => _samples += samples16k.Length;

        public RecognitionResult GetPartial() =>
            wordEnd is { } end && _samples / 16000.0 >= end
                ? new RecognitionResult(word, [new RecognizedToken(" " + word, Math.Max(0, end - 0.3), end, 0.9f)]) { StableTokenCount = 1 }
                : RecognitionResult.Empty;

        public RecognitionResult Finish()
        {
            var result = GetPartial();
            _samples = 0;
            return result with { StableTokenCount = result.Tokens.Count };
        }

        public void Dispose()
        {
        }
    }
}

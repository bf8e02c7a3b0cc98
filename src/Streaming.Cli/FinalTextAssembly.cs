using Streaming.Asr;
using Streaming.Asr.Text;
using Streaming.Asr.Transducer;

namespace Streaming.Cli;

/// <summary>
/// A transducer final's text built again from its tokens by the model's own text assembler, as the stream's
/// <c>Finish</c> did: benches time the text step alone this way (pinyin → 汉字 for a pinyin vocabulary).
/// </summary>
internal static class FinalTextAssembly
{
    /// <summary>Whether <paramref name="recognizer"/> assembles its text as a step of its own (a transducer).</summary>
    public static bool Applies(IRecognizerModel recognizer) => recognizer is TransducerModel;

    /// <summary>The text of <paramref name="final"/>'s tokens; the recogniser must be one <see cref="Applies"/> to.</summary>
    public static string Reassemble(IRecognizerModel recognizer, RecognitionResult final)
    {
        var transducer = (TransducerModel)recognizer;
        TokenSpan[] spans = [.. final.Tokens.Select((t, i) => new TokenSpan(t.Text, i, 1))];
        return transducer.TextAssembler.Assemble(spans, final: true);
    }
}

using Streaming.Asr.Evaluation;
using Streaming.Asr.Transducer;
using Streaming.Testing;
using Xunit.Abstractions;

namespace Streaming.Asr.Tests.Transducer;

/// <summary>
/// The bundled Mandarin streaming Zipformer decoded by our transducer path and by sherpa-onnx (the reference,
/// see <see cref="SherpaOracle"/>). Both see the same samples: the wav (int16 / 32768), then
/// <see cref="TransducerModel.TailPaddingSamples"/> of zeros, then end of input; ours receives the wav in 100 ms
/// packets and its <see cref="IRecognitionStream.Finish"/> appends the padding, sherpa-onnx gets the wav whole and
/// the padding from the harness. Every file must give sherpa-onnx's tokens at sherpa-onnx's times: this int8 model
/// turns a last-bit difference in one feature into a moved token or another tone (docs/transducer-parity.md).
/// </summary>
public sealed class SherpaParityTests(ITestOutputHelper output)
{
    private const int BeamSize = 4;

    public static TheoryData<string, string> Sets => new()
    {
        { "test_wavs", RecognizerOptions.GreedySearch },
        { "test_wavs", RecognizerOptions.ModifiedBeamSearch },
        { "zh-eval", RecognizerOptions.GreedySearch },
        { "zh-eval", RecognizerOptions.ModifiedBeamSearch },
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_file_decodes_to_the_tokens_sherpa_onnx_gives(string set, string method)
    {
        string modelDirectory = TestPaths.InRepo("models", "zipformer-wenetspeech-zh");
        string folder = set == "zh-eval"
            ? TestPaths.SharedTestData("audio", "zh-eval")
            : Path.Combine(modelDirectory, "test_wavs");
        string[] wavs = [.. Directory.GetFiles(folder, "*.wav").Order(StringComparer.Ordinal)];
        Assert.NotEmpty(wavs);
        Assert.True(TransducerModelFiles.TryFind(modelDirectory, out var files, out string? problem), problem);
        using var model = TransducerModel.Load(files, new RecognizerOptions { DecodingMethod = method, BeamSize = BeamSize });
        var expected = SherpaOracle.Decode(modelDirectory, wavs, method, BeamSize, model.TailPaddingSamples);

        var differences = new List<string>();
        int identical = 0;
        int tokenErrors = 0;
        int referenceTokens = 0;
        int retimed = 0;
        for (int i = 0; i < wavs.Length; i++)
        {
            var result = Decode(model, wavs[i]);
            string[] tokens = [.. result.Tokens.Select(t => t.Text)];
            string name = Path.GetFileName(wavs[i]);
            referenceTokens += expected[i].Tokens.Length;
            if (tokens.SequenceEqual(expected[i].Tokens))
            {
                identical++;
                double[] starts = [.. result.Tokens.Select(t => Math.Round(t.Start, 2))];
                if (!starts.SequenceEqual(expected[i].Timestamps.Select(t => Math.Round(t, 2))))
                {
                    retimed++;
                    differences.Add($"{name}: same tokens, times differ\n  ours:   {string.Join(' ', starts)}\n  sherpa: {string.Join(' ', expected[i].Timestamps)}");
                }

                continue;
            }

            tokenErrors += WordErrorRate.Errors(expected[i].Tokens, tokens);
            differences.Add($"{name}\n  ours:   {string.Join(' ', tokens)}\n  sherpa: {string.Join(' ', expected[i].Tokens)}");
        }

        double tokenErrorRate = (double)tokenErrors / referenceTokens;
        output.WriteLine(
            $"{set} {method}: {identical} of {wavs.Length} files with sherpa-onnx's tokens ({retimed} of them with a token time "
            + $"moved by a frame); token edit distance {tokenErrors} of {referenceTokens} ({tokenErrorRate:P2})");
        differences.ForEach(output.WriteLine);
        Assert.True(identical == wavs.Length && retimed == 0,
            $"{identical} of {wavs.Length} identical ({retimed} retimed), token edit distance {tokenErrorRate:P2}:\n{string.Join('\n', differences)}");
    }

    private static RecognitionResult Decode(TransducerModel model, string wav)
    {
        var clip = SpeechClip.Read(wav);
        Assert.Equal(16000, clip.SampleRate);
        using var stream = model.CreateStream();
        for (int offset = 0; offset < clip.Samples.Length; offset += 1600)
        {
            stream.AcceptAudio(clip.Samples.AsSpan(offset, Math.Min(1600, clip.Samples.Length - offset)));
        }

        return stream.Finish();
    }
}

using Streaming.Asr.Transducer;
using Streaming.Testing;
using Xunit.Abstractions;

namespace Streaming.Asr.Tests.Transducer;

/// <summary>
/// The bundled Mandarin streaming Zipformer decoded by our transducer path and by sherpa-onnx (the reference,
/// see <see cref="SherpaOracle"/>) must give the same tokens and token times for every file. Both see the same
/// samples: the wav (int16 / 32768), then <see cref="TransducerModel.TailPaddingSamples"/> of zeros, then end of
/// input; ours receives the wav in 100 ms packets and its <see cref="IRecognitionStream.Finish"/> appends the
/// padding, sherpa-onnx gets the wav whole and the padding from the harness.
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

        var mismatches = new List<string>();
        for (int i = 0; i < wavs.Length; i++)
        {
            var result = Decode(model, wavs[i]);
            string[] tokens = [.. result.Tokens.Select(t => t.Text)];
            double[] starts = [.. result.Tokens.Select(t => Math.Round(t.Start, 2))];
            double[] reference = [.. expected[i].Timestamps.Select(t => Math.Round(t, 2))];
            string name = Path.GetFileName(wavs[i]);
            if (!tokens.SequenceEqual(expected[i].Tokens))
            {
                mismatches.Add($"{name}: tokens\n  ours:   {string.Join(' ', tokens)}\n  sherpa: {string.Join(' ', expected[i].Tokens)}");
            }
            else if (!starts.SequenceEqual(reference))
            {
                mismatches.Add($"{name}: times\n  ours:   {string.Join(' ', starts)}\n  sherpa: {string.Join(' ', reference)}");
            }
        }

        output.WriteLine($"{set} {method}: {wavs.Length - mismatches.Count} of {wavs.Length} files identical to sherpa-onnx");
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
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

using Streaming.Asr.Hotwords;
using Streaming.Asr.Transducer;
using Streaming.Testing;

namespace Streaming.Asr.Tests.Hotwords;

/// <summary>
/// Hotwords on the bundled Mandarin Zipformer (pinyin tokens): the search is biased towards every reading of each
/// phrase and the converter writes it as given. Without hotwords the model hears 闻声特卡所 (3.wav: w én sh ēng …)
/// and libpinyin writes 主力南 for the zh ū l ì n án it hears in 6.wav.
/// </summary>
public sealed class MandarinHotwordTests : IDisposable
{
    private static readonly Hotword[] Names = [new("文森特卡索"), new("朱丽楠")];
    private readonly TransducerModel _model;

    public MandarinHotwordTests()
    {
        string directory = TestPaths.InRepo("models", "zipformer-wenetspeech-zh");
        Assert.True(TransducerModelFiles.TryFind(directory, out var files, out string? problem), problem);
        _model = TransducerModel.Load(files, new RecognizerOptions { DecodingMethod = RecognizerOptions.ModifiedBeamSearch });
    }

    public void Dispose() => _model.Dispose();

    private string Final(string wav, IReadOnlyList<Hotword> hotwords)
    {
        var samples = SpeechClip.Read(TestPaths.InRepo("models", "zipformer-wenetspeech-zh", "test_wavs", wav)).Samples;
        using var stream = _model.CreateStream(hotwords);
        stream.AcceptAudio(samples);
        return stream.Finish().Text;
    }

    [Theory]
    [InlineData("3.wav", "文森特卡索")]
    [InlineData("6.wav", "朱丽楠")]
    public void Finals_write_the_hotword_as_given_where_the_audio_says_it(string wav, string name)
    {
        Assert.DoesNotContain(name, Final(wav, []));
        Assert.Contains(name, Final(wav, Names));
    }

    [Fact]
    public void Audio_without_the_hotwords_decodes_as_without_a_list()
    {
        foreach (string wav in (string[])["0.wav", "1.wav", "2.wav"])
        {
            Assert.Equal(Final(wav, []), Final(wav, Names));
        }
    }

    [Fact]
    public void A_stream_with_hotwords_passes_its_phrases_to_partials_too()
    {
        var samples = SpeechClip.Read(TestPaths.InRepo("models", "zipformer-wenetspeech-zh", "test_wavs", "6.wav")).Samples;
        using var stream = _model.CreateStream(Names);

        stream.AcceptAudio(samples);

        Assert.StartsWith("朱丽楠", stream.GetPartial().Text);
    }
}

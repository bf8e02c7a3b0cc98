using System.Text;
using Streaming.Server.FunAsr;
using Streaming.Server.Sessions;

namespace Streaming.Server.Tests;

public sealed class FunAsrStartMessageTests
{
    private static FunAsrStartMessage Parse(string json) => FunAsrStartMessage.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void The_FunAsr_client_start_message_is_understood()
    {
        var start = Parse("""{"mode":"online","chunk_size":[5,10,5],"chunk_interval":10,"wav_name":"mic","is_speaking":true,"hotwords":"{\"阿里巴巴\":20,\"达摩院\":30}","itn":false,"audio_fs":8000}""");

        Assert.Equal(("online", "mic", 8000, false), (start.Mode, start.WavName, start.SampleRate, start.Itn));
        Assert.Equal(["阿里巴巴", "达摩院"], start.Hotwords);
        var request = start.ToSessionRequest();
        Assert.Equal(8000, request.SampleRate);
        Assert.False(request.Itn);
    }

    [Theory]
    [InlineData("""{"itn_style":"wetext"}""", "wetext")]
    [InlineData("""{"itnStyle":"caption"}""", "caption")]
    [InlineData("""{}""", null)]
    public void The_itn_style_is_passed_on_to_the_session_request(string json, string? style) =>
        Assert.Equal(style, Parse(json).ToSessionRequest().ItnStyle);

    [Fact]
    public void Missing_fields_take_FunAsr_defaults_and_plain_hotwords_split_on_spaces()
    {
        var start = Parse("""{"hotwords":"alpha beta"}""");

        Assert.Equal("2pass", start.Mode);
        Assert.Equal(16000, start.SampleRate);
        Assert.True(start.Itn);
        Assert.Equal(["alpha", "beta"], start.Hotwords);
    }

    [Fact]
    public void A_start_message_may_name_a_language_and_model_and_a_stock_one_asks_for_auto()
    {
        var request = Parse("""{"mode":"2pass","language":"zh","model":"zipformer-wenetspeech-zh"}""").ToSessionRequest();
        var stock = Parse("""{"mode":"2pass"}""").ToSessionRequest();

        Assert.Equal(("zh", "zipformer-wenetspeech-zh"), (request.Language, request.Model));
        Assert.Equal(("auto", null), (stock.Language, stock.Model));
    }

    [Fact]
    public void Hotwords_joined_with_commas_as_the_current_FunAsr_client_sends_them_are_split()
    {
        var start = Parse("""{"hotwords":"阿里巴巴,达摩院, alpha"}""");

        Assert.Equal(["阿里巴巴", "达摩院", "alpha"], start.Hotwords);
    }

    [Theory]
    [InlineData("""{"keywords":["refund","本次通话将被录音 #0.5"]}""")]
    [InlineData("""{"keywords":"refund\n本次通话将被录音 #0.5\n"}""")]
    public void Keywords_come_as_an_array_or_one_entry_a_line_and_reach_the_session_request(string json)
    {
        var start = Parse(json);

        Assert.Equal(["refund", "本次通话将被录音 #0.5"], start.ToSessionRequest().Keywords!);
    }

    [Theory]
    [InlineData("""{"mode":"fast"}""", "mode 'fast' is not supported")]
    [InlineData("""{"wav_format":"mp3"}""", "wav_format 'mp3' is not supported")]
    [InlineData("""not json""", "must be the JSON start message")]
    [InlineData("""[1]""", "must be a JSON object")]
    [InlineData("""{"hotwords":"{bad"}""", "hotwords is not a valid JSON object")]
    [InlineData("""{"keywords":[1]}""", "keywords must be an array of strings")]
    public void A_bad_start_message_is_refused_saying_what_is_wrong(string json, string message)
    {
        var error = Assert.Throws<SessionRefusedException>(() => Parse(json));

        Assert.Contains(message, error.Message);
    }
}

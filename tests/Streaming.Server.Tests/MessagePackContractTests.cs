using MessagePack;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.SignalR;
using Streaming.Protocol;

namespace Streaming.Server.Tests;

public sealed class MessagePackContractTests
{
    [Fact]
    public void MessagePack_payloads_use_the_same_camelCase_keys_as_json()
    {
        var options = new MessagePackHubProtocolOptions().SerializerOptions;
        var result = new TranscriptResult { SessionId = "s1", SegmentId = 3, Kind = ResultKinds.Final, Text = "hi", Tokens = [new TranscriptToken { Text = "hi" }] };

        var json = MessagePackSerializer.ConvertToJson(MessagePackSerializer.Serialize(result, options));

        Assert.Contains("\"sessionId\":\"s1\"", json);
        Assert.Contains("\"segmentId\":3", json);
        Assert.Contains("\"hotwordsHit\":[]", json);
        Assert.DoesNotContain("SessionId", json);
    }

    [Fact]
    public void Segment_events_carry_the_keys_of_their_base_class()
    {
        var options = new MessagePackHubProtocolOptions().SerializerOptions;

        var json = MessagePackSerializer.ConvertToJson(MessagePackSerializer.Serialize(new SpeechEnded { SessionId = "s1", SegmentId = 2, Start = 1, End = 2.5 }, options));

        Assert.Contains("\"sessionId\":\"s1\"", json);
        Assert.Contains("\"segmentId\":2", json);
        Assert.Contains("\"end\":2.5", json);
    }

    [Fact]
    public void A_session_request_written_by_a_MessagePack_client_reads_back()
    {
        var options = new MessagePackHubProtocolOptions().SerializerOptions;
        var bytes = MessagePackSerializer.Serialize(new SessionRequest { Language = "auto", SampleRate = 8000, Hotwords = ["x"] }, ContractlessStandardResolver.Options);

        var request = MessagePackSerializer.Deserialize<SessionRequest>(bytes, options);

        Assert.Equal(("auto", 8000, "x"), (request.Language, request.SampleRate, request.Hotwords![0]));
    }
}

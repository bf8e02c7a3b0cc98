using System.Runtime.Serialization;

namespace Streaming.Protocol;

/// <summary>What a client asks for when it opens a session (<c>StartSession</c>).</summary>
/// <remarks>
/// Data-member names give the same camelCase keys under the MessagePack protocol as under JSON.
/// </remarks>
[DataContract]
public sealed class SessionRequest
{
    /// <summary>"zh", "en" or "auto" (the server's default language, or the named model's).</summary>
    [DataMember(Name = "language")]
    public string Language { get; set; } = "auto";

    /// <summary>Recogniser by name, one <c>GET /api/models</c> lists for the language; null for the server's default for it.</summary>
    [DataMember(Name = "model")]
    public string? Model { get; set; }

    /// <summary>Sample rate of the audio the client sends, in Hz.</summary>
    [DataMember(Name = "sampleRate")]
    public int SampleRate { get; set; } = 16000;

    /// <summary>"pcm16" (little-endian mono) or "opus" (one packet per message).</summary>
    [DataMember(Name = "codec")]
    public string Codec { get; set; } = AudioCodecNames.Pcm16;

    /// <summary>Words or phrases the recogniser should favour; null for none.</summary>
    [DataMember(Name = "hotwords")]
    public string[]? Hotwords { get; set; }

    /// <summary>
    /// Keywords to spot and report as <c>keywordSpotted</c> events, added to the server's list: one per entry, as
    /// people write them (<c>refund</c>, <c>本次通话将被录音</c>), optionally with <c> :BOOST</c> and
    /// <c> #THRESHOLD</c>, or spelt in the model's tokens (<c>w én s ēn … @文森特卡索</c>); null for the server's list
    /// alone. See docs/keyword-delivery.md.
    /// </summary>
    [DataMember(Name = "keywords")]
    public string[]? Keywords { get; set; }

    /// <summary>
    /// Who speaks in this session (<c>agent</c>, <c>customer</c>; letters, digits, <c>-</c> and <c>_</c>, at most
    /// 32), carried by its <c>keywordSpotted</c> events; null for none.
    /// </summary>
    [DataMember(Name = "role")]
    public string? Role { get; set; }

    /// <summary>Whether finals carry a written form (inverse text normalisation).</summary>
    [DataMember(Name = "itn")]
    public bool Itn { get; set; } = true;

    /// <summary>
    /// Written style of Chinese finals: "caption" (2025年3月5日, 上午10:30, 350元) or "wetext" (2025/03/05,
    /// 10:30a.m., ¥350); null for the server's default. See docs/itn-zh.md.
    /// </summary>
    [DataMember(Name = "itnStyle")]
    public string? ItnStyle { get; set; }

    /// <summary>Endpointing overrides; null for the server's defaults.</summary>
    [DataMember(Name = "endpoint")]
    public EndpointSettings? Endpoint { get; set; }

    /// <summary>
    /// Inference device to run on (<c>cpu</c>, <c>cuda:0</c>, <c>npu:0</c>), one of those <c>GET /api/devices</c>
    /// lists; null for the server's default.
    /// </summary>
    [DataMember(Name = "device")]
    public string? Device { get; set; }
}

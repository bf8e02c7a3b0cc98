using System.Runtime.Serialization;

namespace Streaming.Protocol;

/// <summary>One recognised token of a <see cref="TranscriptResult"/>.</summary>
[DataContract]
public sealed class TranscriptToken
{
    /// <summary>Token text; a leading space starts a word.</summary>
    [DataMember(Name = "text")]
    public string Text { get; set; } = "";

    /// <summary>Start, seconds of stream time.</summary>
    [DataMember(Name = "start")]
    public double Start { get; set; }

    /// <summary>End, seconds of stream time.</summary>
    [DataMember(Name = "end")]
    public double End { get; set; }

    /// <summary>Probability of the token, in [0, 1].</summary>
    [DataMember(Name = "confidence")]
    public float Confidence { get; set; }
}

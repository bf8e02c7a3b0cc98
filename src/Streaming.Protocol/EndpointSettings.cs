using System.Runtime.Serialization;

namespace Streaming.Protocol;

/// <summary>When the server should close a segment; unset fields keep the server's defaults.</summary>
[DataContract]
public sealed class EndpointSettings
{
    /// <summary>Silence after speech (ms) that ends a segment.</summary>
    [DataMember(Name = "maxTrailingSilenceMs")]
    public int? MaxTrailingSilenceMs { get; set; }

    /// <summary>Longest segment (ms) before it is cut.</summary>
    [DataMember(Name = "maxUtteranceMs")]
    public int? MaxUtteranceMs { get; set; }
}

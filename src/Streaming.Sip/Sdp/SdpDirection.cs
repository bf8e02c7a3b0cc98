namespace Streaming.Sip.Sdp;

/// <summary>Media direction attribute (RFC 3264 §5.1), from the point of view of the side that wrote it.</summary>
public enum SdpDirection
{
    /// <summary>a=sendrecv (the default).</summary>
    SendRecv,

    /// <summary>a=sendonly.</summary>
    SendOnly,

    /// <summary>a=recvonly.</summary>
    RecvOnly,

    /// <summary>a=inactive.</summary>
    Inactive,
}

namespace Streaming.Sip.Rtp;

/// <summary>Turns RTP payloads of one codec into interleaved float samples at 16 kHz, and conceals lost packets.</summary>
internal interface IPayloadDecoder : IDisposable
{
    /// <summary>Output sample rate: always 16 kHz, so a re-INVITE that changes codec keeps the session's format.</summary>
    const int OutputRate = 16000;

    /// <summary>Interleaved channels produced.</summary>
    int Channels { get; }

    /// <summary>Decodes one payload; returns samples per channel written to <paramref name="output"/>.</summary>
    /// <exception cref="InvalidDataException">The payload cannot be decoded.</exception>
    int Decode(ReadOnlySpan<byte> payload, Span<float> output);

    /// <summary>Fills <paramref name="samplesPerChannel"/> samples for a lost packet; returns samples per channel written.</summary>
    int Conceal(int samplesPerChannel, Span<float> output);
}

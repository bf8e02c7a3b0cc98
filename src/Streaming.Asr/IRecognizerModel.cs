namespace Streaming.Asr;

/// <summary>A loaded recognition model shared by all sessions (thread-safe); creates per-segment streams.</summary>
public interface IRecognizerModel : IDisposable
{
    /// <summary>Human-readable model name (kind and directory), for logs and the CLI.</summary>
    string Name { get; }

    /// <summary>Creates an independent decoding stream; one per session.</summary>
    IRecognitionStream CreateStream();
}

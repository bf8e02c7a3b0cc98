namespace Streaming.Audio;

/// <summary>
/// A WAV file is malformed or uses a format this reader does not support.
/// The message names the problem specifically (which chunk, which field, which value).
/// </summary>
/// <remarks>
/// Derives from <see cref="IOException"/> because <see cref="InvalidDataException"/> is sealed;
/// catch <see cref="WavFormatException"/> itself to handle bad files.
/// </remarks>
public sealed class WavFormatException : IOException
{
    /// <summary>Creates the exception with a message that describes the problem.</summary>
    public WavFormatException(string message)
        : base(message)
    {
    }
}

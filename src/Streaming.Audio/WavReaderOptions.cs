namespace Streaming.Audio;

/// <summary>How <see cref="WavReader"/> turns multi-channel audio into mono.</summary>
public sealed class WavReaderOptions
{
    private readonly int? _channel;

    /// <summary>
    /// The 0-based channel to keep, or null to average all channels.
    /// A channel the file does not have is reported by the reader as a <see cref="WavFormatException"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? Channel
    {
        get => _channel;
        init
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(Channel), value, "The channel index must be 0 or more.");
            }

            _channel = value;
        }
    }
}

using Streaming.Audio;

namespace Streaming.Audio.Tests;

public class OpusTests
{
    [Theory]
    [InlineData(48000, 1)]
    [InlineData(16000, 1)]
    [InlineData(48000, 2)]
    public void Encoded_tone_decodes_to_the_same_tone(int sampleRate, int channels)
    {
        int frameSize = sampleRate / 50;
        float[] tone = Signal.Sine(440, sampleRate, sampleRate);
        using var encoder = new OpusEncoder(sampleRate, channels);
        using var decoder = new OpusDecoder(sampleRate, channels);
        var packet = new byte[OpusEncoder.MaxPacketLength];
        var frame = new float[frameSize * channels];
        var decodedLeft = new List<float>();

        for (int start = 0; start + frameSize <= tone.Length; start += frameSize)
        {
            for (int i = 0; i < frameSize; i++)
            {
                frame.AsSpan(i * channels, channels).Fill(tone[start + i]);
            }

            int length = encoder.Encode(frame, frameSize, packet);
            int decoded = decoder.Decode(packet.AsSpan(0, length), frame);

            Assert.Equal(frameSize, decoded);
            for (int i = 0; i < decoded; i++)
            {
                decodedLeft.Add(frame[i * channels]);
            }
        }

        // Skip the codec's start-up; analyse a whole number of 440 Hz periods (0.5 s).
        ReadOnlySpan<float> steady = decodedLeft.ToArray().AsSpan(sampleRate / 5, sampleRate / 2);
        double toneAmplitude = Signal.Amplitude(steady, 440, sampleRate);
        double toneShareOfPower = toneAmplitude * toneAmplitude / 2 / (Signal.Rms(steady) * Signal.Rms(steady));
        Assert.InRange(Signal.Db(toneAmplitude / 0.5), -3, 1);
        Assert.True(toneShareOfPower > 0.95, $"440 Hz carries only {toneShareOfPower:P1} of the power");
    }

    [Fact]
    public void Lost_packet_is_concealed_with_the_requested_frame_size()
    {
        using var decoder = new OpusDecoder(16000, 1);
        var pcm = new float[320];
        pcm.AsSpan().Fill(float.NaN);

        int written = decoder.DecodeLost(pcm, 320);

        Assert.Equal(320, written);
        Assert.All(pcm, s => Assert.True(float.IsFinite(s)));
    }

    [Theory]
    [InlineData(new byte[] { 0x03, 0x00 })]
    [InlineData(new byte[] { 0x01, 0x00 })]
    public void Garbage_packet_raises_OpusException_naming_the_error(byte[] packet)
    {
        using var decoder = new OpusDecoder(48000, 1);

        var error = Assert.Throws<OpusException>(() => decoder.Decode(packet, new float[5760]));

        Assert.Equal("OPUS_INVALID_PACKET", error.ErrorName);
        Assert.Contains("opus_decode_float failed: OPUS_INVALID_PACKET", error.Message);
    }

    [Fact]
    public void Output_too_small_for_the_packet_raises_buffer_too_small()
    {
        using var encoder = new OpusEncoder(48000, 1);
        using var decoder = new OpusDecoder(48000, 1);
        var packet = new byte[OpusEncoder.MaxPacketLength];
        int length = encoder.Encode(new float[960], 960, packet);

        var error = Assert.Throws<OpusException>(() => decoder.Decode(packet.AsSpan(0, length), new float[480]));

        Assert.Equal(-2, error.ErrorCode);
    }

    [Fact]
    public void Invalid_frame_size_is_reported_as_bad_argument()
    {
        using var encoder = new OpusEncoder(48000, 1);

        var error = Assert.Throws<OpusException>(() => encoder.Encode(new float[1000], 1000, new byte[1275]));

        Assert.Equal("OPUS_BAD_ARG", error.ErrorName);
    }

    [Fact]
    public void Pcm_shorter_than_the_frame_is_rejected_before_reaching_libopus()
    {
        using var encoder = new OpusEncoder(16000, 2);

        Assert.Throws<ArgumentException>(() => encoder.Encode(new float[320], 320, new byte[1275]));
    }

    [Fact]
    public void Empty_packet_is_rejected()
    {
        using var decoder = new OpusDecoder(16000, 1);

        Assert.Throws<ArgumentException>(() => decoder.Decode([], new float[320]));
    }

    [Fact]
    public void Use_after_dispose_throws_ObjectDisposedException()
    {
        var encoder = new OpusEncoder(16000, 1);
        var decoder = new OpusDecoder(16000, 1);
        encoder.Dispose();
        decoder.Dispose();

        Assert.Throws<ObjectDisposedException>(() => encoder.Encode(new float[320], 320, new byte[1275]));
        Assert.Throws<ObjectDisposedException>(() => decoder.Decode([0xF8, 0xFF, 0xFE], new float[320]));
        Assert.Throws<ObjectDisposedException>(() => decoder.DecodeLost(new float[320], 320));
    }

    [Theory]
    [InlineData(44100, 1)]
    [InlineData(16000, 3)]
    public void Unsupported_rate_or_channels_are_rejected(int sampleRate, int channels)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpusDecoder(sampleRate, channels));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpusEncoder(sampleRate, channels));
    }

    [Fact]
    public void Missing_library_is_reported_with_installation_advice()
    {
        var error = Assert.Throws<OpusUnavailableException>(() => OpusNative.Load(["libopus-that-does-not-exist.so.9"]));

        Assert.StartsWith("libopus not found: install the Debian package libopus0", error.Message);
    }
}

using Microsoft.AspNetCore.SignalR;
using Streaming.Client;
using Streaming.LoadTests.Framework;
using Streaming.Protocol;

namespace Streaming.LoadTests.Sessions;

/// <summary>
/// One live-caption client on the SignalR hub through the client SDK: its own connection, a session, then the
/// clip streamed at real time while partials, finals and errors are timed as they arrive.
/// </summary>
public static class SignalRSession
{
    // Finals are sent before SendAudio completes, but their handlers may run just after it.
    private static readonly TimeSpan HandlerGrace = TimeSpan.FromSeconds(2);

    /// <summary>Streams <paramref name="clip"/> once and returns what was measured.</summary>
    public static async Task<SessionOutcome> RunAsync(SpeechClip clip, SessionOptions options, CancellationToken cancellationToken)
    {
        await using var client = new TranscriptionClient(options.Server, options.Token);
        var clock = new AudioClock();
        var measurements = new SessionMeasurements(clock);
        client.SpeechStarted += e => measurements.SpeechStarted(e.SegmentId);
        client.SpeechEnded += e => measurements.SpeechEnded(e.SegmentId);
        client.Partial += r => measurements.Partial(r.SegmentId, r.Start, r.End);
        client.Final += r => measurements.Final(r.SegmentId, r.End, r.Text);
        client.Error += e => measurements.Error(e.Code, e.Message);
        try
        {
            await client.ConnectAsync(cancellationToken);
            var request = new SessionRequest { Language = options.Language, Model = options.Model, SampleRate = clip.SampleRate, Codec = AudioCodecNames.Pcm16 };
            var sessionId = await client.StartSessionAsync(request, cancellationToken);
            await client.SendAudioAsync(sessionId, PacedAudio.PacketsAsync(clip, options.PacketMs, clock, cancellationToken), cancellationToken)
                .WaitAsync(TimeSpan.FromSeconds(clip.Seconds) + options.FinalTimeout, cancellationToken);
            await measurements.SettleAsync(HandlerGrace, cancellationToken);
            return measurements.ToOutcome();
        }
        catch (Exception ex) when (ex is HubException or HttpRequestException or TimeoutException or IOException or InvalidOperationException)
        {
            return measurements.ToOutcome($"{ex.GetType().Name}: {ex.Message}");
        }
    }
}

using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Streaming.LoadTests.Framework;
using Streaming.Protocol;

namespace Streaming.LoadTests.Sessions;

/// <summary>
/// One live-caption client on the SignalR hub: its own connection, <c>StartSession</c>, then the clip streamed
/// through <c>SendAudio</c> at real time while partials, finals and errors are timed as they arrive.
/// </summary>
public static class SignalRSession
{
    /// <summary>Streams <paramref name="clip"/> once and returns what was measured.</summary>
    public static async Task<SessionOutcome> RunAsync(SpeechClip clip, SessionOptions options, CancellationToken cancellationToken)
    {
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(options.Server, HubEvents.HubPath), http =>
            {
                if (options.Token is { } token)
                {
                    http.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();

        // Results cannot arrive before audio; the clock restarts with the first packet.
        var clock = new AudioClock();
        var measurements = new SessionMeasurements(clock);
        connection.On<SpeechStarted>(HubEvents.SpeechStarted, e => measurements.SpeechStarted(e.SegmentId));
        connection.On<SpeechEnded>(HubEvents.SpeechEnded, e => measurements.SpeechEnded(e.SegmentId));
        connection.On<TranscriptResult>(HubEvents.Partial, r => measurements.Partial(r.SegmentId, r.Start, r.End));
        connection.On<TranscriptResult>(HubEvents.Final, r => measurements.Final(r.SegmentId, r.End));
        connection.On<SessionError>(HubEvents.Error, e => measurements.Error(e.Code, e.Message));

        try
        {
            await connection.StartAsync(cancellationToken);
            var request = new SessionRequest { Language = options.Language, SampleRate = clip.SampleRate, Codec = AudioCodecNames.Pcm16 };
            var started = await connection.InvokeAsync<SessionStarted>("StartSession", request, cancellationToken);
            var audio = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
            clock.Start();
            var sending = connection.InvokeAsync("SendAudio", started.SessionId, audio.Reader, cancellationToken);
            await PacedSender.SendAsync(clip, options.PacketMs, clock, (packet, ct) => audio.Writer.WriteAsync(packet.ToArray(), ct), sending, cancellationToken);
            audio.Writer.Complete();
            await sending.WaitAsync(TimeSpan.FromSeconds(clip.Seconds) + options.FinalTimeout, cancellationToken);
            return measurements.ToOutcome();
        }
        catch (Exception ex) when (ex is HubException or HttpRequestException or TimeoutException or IOException or InvalidOperationException)
        {
            return measurements.ToOutcome($"{ex.GetType().Name}: {ex.Message}");
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Streaming.Server.Sessions;
using Streaming.WebRtc;

namespace Streaming.Server.WebRtc;

/// <summary>
/// Runs the WHIP ingress with the server when <see cref="WebRtcOptions.Enabled"/> and keeps each publication
/// beside its session: when the session ends (DELETE, error, shutdown) its publication is closed.
/// </summary>
public sealed class WebRtcHost(IOptions<WebRtcOptions> options, WebRtcMetrics metrics, ILogger<WebRtcHost> logger) : IHostedService, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, IWhipPublication> _publications = new();
    private WebRtcIngress? _ingress;

    /// <summary>The running ingress; null when WebRTC is disabled.</summary>
    public IWhipIngress? Ingress => _ingress;

    /// <summary>The publication of session <paramref name="sessionId"/>, if it is a WHIP session.</summary>
    public IWhipPublication? Find(string sessionId) => _publications.GetValueOrDefault(sessionId);

    /// <summary>Remembers <paramref name="publication"/> until <paramref name="session"/> completes, then closes it.</summary>
    public void Track(LiveSession session, IWhipPublication publication)
    {
        _publications[session.Id] = publication;
        _ = session.Completion.ContinueWith(
            _ => CloseAsync(session.Id),
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default).Unwrap();
        // The session stops taking audio before its finals are out; the media socket can go at once.
        session.Ended.Register(() => _ = publication.DisposeAsync().AsTask());
    }

    /// <summary>
    /// Forgets and closes the publication of session <paramref name="sessionId"/> (nothing if there is none). The
    /// session's completion does it too, but in a continuation: a DELETE calls it so that its answer means the
    /// publication is gone.
    /// </summary>
    public async Task CloseAsync(string sessionId)
    {
        if (_publications.TryRemove(sessionId, out var publication))
        {
            await publication.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            _ingress = new WebRtcIngress(options.Value, logger, metrics);
            logger.LogInformation(
                "WHIP ingress on {Address} UDP {Min}..{Max}, DTLS fingerprint sha-256 {Fingerprint}",
                options.Value.BindAddress, options.Value.UdpPortMin, options.Value.UdpPortMax, _ingress.Fingerprint);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_ingress is not null)
        {
            await _ingress.DisposeAsync().ConfigureAwait(false);
        }
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Streaming.Sip;

namespace Streaming.Server.Sip;

/// <summary>
/// Runs the SIP ingress with the server when <see cref="SipHostOptions.Enabled"/>; the ingress sits behind
/// <see cref="ICallIngress"/> so a SIP library could take its place.
/// </summary>
public sealed class SipHost(
    IOptions<SipHostOptions> options, IOptions<SipIngressOptions> ingressOptions, ServerCallSessionFactory sessions, ILogger<SipHost> logger)
    : IHostedService, IAsyncDisposable
{
    private SipIngress? _ingress;

    /// <summary>The running ingress; null when SIP is disabled.</summary>
    public ICallIngress? Ingress => _ingress;

    /// <summary>The bound UDP endpoint, once started.</summary>
    public System.Net.IPEndPoint? UdpEndPoint => _ingress?.UdpEndPoint;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        options.Value.Validate();
        _ingress = new SipIngress(ingressOptions.Value, sessions);
        _ingress.SessionStarted += (_, e) => logger.LogInformation(
            "Call {CallId} ({Role}) from {From} is session {Session}", e.Info.CallId, e.Info.Role, e.Info.From, e.Info.SessionId);
        _ingress.SessionEnded += (_, e) => logger.LogInformation("Session {Session} of call {CallId} ended: {Reason}", e.Info.SessionId, e.Info.CallId, e.Reason);
        await _ingress.StartAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("SIP listening on UDP {Udp} and TCP {Tcp}", _ingress.UdpEndPoint, _ingress.TcpEndPoint);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => _ingress?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_ingress is not null)
        {
            await _ingress.DisposeAsync().ConfigureAwait(false);
        }
    }
}

using System.Net;
using Streaming.Sip.Calls;
using Streaming.Sip.Message;
using Streaming.Sip.Transport;

namespace Streaming.Sip;

/// <summary>
/// SIP trunk ingress (hosted-service shaped: <see cref="StartAsync"/>/<see cref="StopAsync"/>): a user agent
/// server on UDP and TCP that answers INVITEs from allowed peers and turns each call channel into a session
/// from the given <see cref="ICallSessionFactory"/>.
/// </summary>
public sealed class SipIngress : ICallIngress, IAsyncDisposable
{
    private readonly SipIngressOptions _options;
    private readonly SipUserAgent _agent;
    private SipTransportHost? _transport;

    /// <summary>Validates <paramref name="options"/> (throws <see cref="ArgumentException"/>) and prepares the stack.</summary>
    public SipIngress(SipIngressOptions options, ICallSessionFactory sessions)
    {
        options.Validate();
        _options = options;
        Metrics = new SipMetrics();
        _agent = new SipUserAgent(options, sessions, Metrics);
        _agent.SessionStarted += (info, session) => SessionStarted?.Invoke(this, new CallSessionEventArgs(info, session));
        _agent.SessionEnded += (info, reason) => SessionEnded?.Invoke(this, new CallSessionEndedEventArgs(info, reason));
    }

    /// <inheritdoc />
    public event EventHandler<CallSessionEventArgs>? SessionStarted;

    /// <inheritdoc />
    public event EventHandler<CallSessionEndedEventArgs>? SessionEnded;

    /// <summary>The ingress's counters (meter <see cref="SipMetrics.MeterName"/>).</summary>
    public SipMetrics Metrics { get; }

    /// <summary>Bound UDP endpoint, once started.</summary>
    public IPEndPoint? UdpEndPoint => _transport?.UdpEndPoint;

    /// <summary>Bound TCP endpoint, once started.</summary>
    public IPEndPoint? TcpEndPoint => _transport?.TcpEndPoint;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_transport is not null)
        {
            throw new InvalidOperationException("The SIP ingress is already started.");
        }

        _transport = new SipTransportHost(_options, _agent, Metrics);
        _agent.Responses.UdpPort = _transport.UdpEndPoint.Port;
        _agent.Responses.TcpPort = _transport.TcpEndPoint.Port;
        _transport.Start();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _agent.EndAllAsync().ConfigureAwait(false);
        if (_transport is not null)
        {
            await _transport.DisposeAsync().ConfigureAwait(false);
            _transport = null;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<CallSessionInfo> FindSessions(string key) =>
        [.. _agent.Sessions.Where(s => s.CallId == key || s.Correlation == key || HeaderValue.Uri(s.From) == key || HeaderValue.Uri(s.To) == key)];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        Metrics.Dispose();
    }
}

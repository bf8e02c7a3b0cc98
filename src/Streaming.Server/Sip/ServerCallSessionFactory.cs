using Microsoft.Extensions.Options;
using Streaming.Asr.Keywords;
using Streaming.Protocol;
using Streaming.Server.Hosting;
using Streaming.Server.Sessions;
using Streaming.Sip.Calls;

namespace Streaming.Server.Sip;

/// <summary>
/// Opens each call channel as a session of the <see cref="SessionRegistry"/> under the id the SIP stack
/// announced, so the session limit, metrics and subscribers apply to calls as to SignalR sessions. Each channel's
/// session carries the channel's role and spots that role's keywords. A refusal (limit reached, models not loaded)
/// makes the stack answer 503; keywords the model cannot spell, 488 with the reason in a Warning.
/// </summary>
public sealed class ServerCallSessionFactory(SessionRegistry registry, IOptions<SipHostOptions> sip, IOptions<ServerOptions> server) : ICallSessionFactory
{
    /// <inheritdoc />
    public ValueTask<ICallSession> OpenAsync(CallSessionInfo info, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(info);
        var request = new SessionRequest
        {
            Language = sip.Value.Language,
            Model = sip.Value.Model,
            SampleRate = PipelineCallSessionFactory.Format.SampleRate,
            Codec = AudioCodecNames.Pcm16,
            Itn = true,
            Role = info.Role,
            Keywords = sip.Value.Keywords.TryGetValue(info.Role, out var keywords) ? [.. keywords] : null,
        };
        LiveSession session;
        try
        {
            session = registry.Start(sip.Value.Owner, request, info.SessionId);
        }
        catch (SessionRefusedException ex) when (request.Keywords is not null && ex.InnerException is KeywordException or NotSupportedException)
        {
            throw new CallRefusedException(488, "Keywords Not Usable", ex.Message);
        }

        return ValueTask.FromResult<ICallSession>(new LiveCallSession(session, TimeSpan.FromSeconds(server.Value.ShutdownFlushSeconds)));
    }
}

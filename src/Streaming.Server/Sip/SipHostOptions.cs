namespace Streaming.Server.Sip;

/// <summary>
/// How the server hosts SIP trunk ingress (section <c>Sip</c>, beside the stack's own
/// <see cref="Streaming.Sip.SipIngressOptions"/>).
/// </summary>
public sealed class SipHostOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Sip";

    /// <summary>Whether the SIP user agent listens; off by default so a plain start binds no SIP ports.</summary>
    public bool Enabled { get; set; }

    /// <summary>Owner of call sessions: viewers need this subject or a viewer claim for the session.</summary>
    public string Owner { get; set; } = "sip";

    /// <summary>Recognition language of calls: zh, en or auto (<c>Engine:DefaultLanguage</c>).</summary>
    public string Language { get; set; } = "auto";

    /// <summary>Recogniser of calls by name (<c>GET /api/models</c>); null for the language's default model.</summary>
    public string? Model { get; set; }

    /// <summary>
    /// Keywords to spot per call-centre role (<c>Sip:Keywords:agent:0</c> = <c>本次通话将被录音</c>), besides the
    /// server's list: a channel's session spots its role's list, and its <c>keywordSpotted</c> events carry the role.
    /// </summary>
    public Dictionary<string, List<string>> Keywords { get; set; } = [];

    /// <summary>Throws <see cref="ArgumentException"/> naming the role and entry of a malformed keyword list.</summary>
    public void Validate()
    {
        foreach (var (role, entries) in Keywords)
        {
            try
            {
                Streaming.Asr.Keywords.KeywordList.Parse(entries, $"Sip:Keywords:{role}");
            }
            catch (Streaming.Asr.Keywords.KeywordException ex)
            {
                throw new ArgumentException($"Invalid SIP options: {ex.Message}", ex);
            }
        }
    }
}

using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Streaming.Server.FunAsr;

/// <summary>
/// Where FunASR clients connect and who may connect without a token. Bound from section <c>FunAsr</c>,
/// validated at start-up.
/// </summary>
public sealed class FunAsrOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "FunAsr";

    /// <summary>The path the socket is always served on.</summary>
    public const string DefaultPath = "/ws/funasr";

    /// <summary>
    /// A further path for the socket. FunASR's own clients connect to <c>ws://host:port</c>, i.e. <c>/</c>
    /// (the default): a WebSocket upgrade there goes to the FunASR handler, while plain requests still get
    /// the web pages.
    /// </summary>
    public string Path { get; set; } = "/";

    /// <summary>
    /// Networks (CIDR, e.g. <c>127.0.0.1/32</c>, <c>10.0.0.0/8</c>) whose FunASR clients may connect without a
    /// token, as the owner <c>anonymous</c>: FunASR clients have no way to send one. Empty (the default): every
    /// client needs a token.
    /// </summary>
    public string[] AllowAnonymousFrom { get; set; } = [];

    /// <summary>The parsed <see cref="AllowAnonymousFrom"/>.</summary>
    public IReadOnlyList<IPNetwork> AnonymousNetworks => AllowAnonymousFrom.Select(IPNetwork.Parse).ToArray();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Path.StartsWith('/'))
        {
            yield return new ValidationResult($"FunAsr:Path '{Path}' must start with '/'.", [nameof(Path)]);
        }

        foreach (var network in AllowAnonymousFrom)
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                yield return new ValidationResult($"FunAsr:AllowAnonymousFrom '{network}' is not a CIDR network such as 127.0.0.1/32 or 10.0.0.0/8.", [nameof(AllowAnonymousFrom)]);
            }
        }
    }
}

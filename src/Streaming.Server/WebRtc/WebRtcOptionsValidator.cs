using Microsoft.Extensions.Options;
using Streaming.WebRtc;

namespace Streaming.Server.WebRtc;

/// <summary>Start-up check of the <c>WebRtc</c> section, failing with the setting that is wrong.</summary>
public sealed class WebRtcOptionsValidator : IValidateOptions<WebRtcOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WebRtcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Skip;
        }

        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}

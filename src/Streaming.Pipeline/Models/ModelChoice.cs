namespace Streaming.Pipeline.Models;

/// <summary>The language and model that serve one session or job, after defaults were applied.</summary>
/// <param name="Language">The language spoken (<c>en</c> or <c>zh</c>; never <c>auto</c>).</param>
/// <param name="Model">The recogniser's name.</param>
public sealed record ModelChoice(string Language, string Model);

namespace Streaming.Text;

/// <summary>
/// Settings of one normalisation call. Plain settable properties so the server can bind them from
/// configuration and override them per session.
/// </summary>
public sealed record ItnOptions
{
    /// <summary>Written conventions of Chinese output (dates, times, money); see <see cref="ItnStyle"/>.</summary>
    public ItnStyle Style { get; init; } = ItnStyle.Caption;

    /// <summary>Classes that may be rewritten; others are left as spoken.</summary>
    public ItnClass EnabledClasses { get; init; } = ItnClass.All;

    /// <summary>
    /// Convert numbers that stand on their own (五十五 → 55). When false, a plain number is only
    /// converted when a unit, classifier or multiplier follows it (二十年 → 20年).
    /// </summary>
    public bool StandaloneNumbers { get; init; } = true;

    /// <summary>
    /// Convert a plain number written with a single digit word (九天 → 9天, "one" → 1).
    /// Telephony wants this; meeting transcripts usually do not.
    /// </summary>
    public bool ConvertZeroToNine { get; init; } = true;

    /// <summary>Drop hesitation fillers (呃, 啊, um, uh).</summary>
    public bool RemoveFillers { get; init; } = true;

    /// <summary>Whether <paramref name="itnClass"/> may be rewritten.</summary>
    public bool IsEnabled(ItnClass itnClass) => (EnabledClasses & itnClass) == itnClass;
}

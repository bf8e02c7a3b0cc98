namespace Streaming.Text;

/// <summary>Turns recognised (spoken-form) text into written form. Implementations are thread-safe.</summary>
public interface IInverseTextNormalizer
{
    /// <summary>The options used when a call passes none.</summary>
    ItnOptions DefaultOptions { get; }

    /// <summary>Rewrites <paramref name="spoken"/>; <paramref name="options"/> defaults to <see cref="DefaultOptions"/>.</summary>
    ItnResult Normalize(string spoken, ItnOptions? options = null);

    /// <summary>This normaliser with its defaults writing <paramref name="style"/> (itself when they already do, or when the language has one style).</summary>
    IInverseTextNormalizer WithStyle(ItnStyle style);
}

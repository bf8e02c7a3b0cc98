namespace Streaming.Text;

/// <summary>Turns recognised (spoken-form) text into written form. Implementations are thread-safe.</summary>
public interface IInverseTextNormalizer
{
    /// <summary>The options used when a call passes none.</summary>
    ItnOptions DefaultOptions { get; }

    /// <summary>Rewrites <paramref name="spoken"/>; <paramref name="options"/> defaults to <see cref="DefaultOptions"/>.</summary>
    ItnResult Normalize(string spoken, ItnOptions? options = null);
}

namespace Streaming.Audio.Tests;

internal static class FunctionalExtensions
{
    /// <summary>Applies <paramref name="transform"/> inline, so table entries can be built in one expression.</summary>
    public static TResult Let<T, TResult>(this T value, Func<T, TResult> transform) => transform(value);
}

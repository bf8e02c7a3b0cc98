namespace Streaming.Asr.Text.Pinyin;

/// <summary>libpinyin or its dictionaries are missing or failed to start; the message names the package to install.</summary>
public sealed class LibPinyinUnavailableException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public LibPinyinUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public LibPinyinUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

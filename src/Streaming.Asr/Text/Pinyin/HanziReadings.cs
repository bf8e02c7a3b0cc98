using System.Runtime.InteropServices;

namespace Streaming.Asr.Text.Pinyin;

/// <summary>
/// The toned pinyin reading of Chinese text through ICU's <c>Han-Latin</c> transliterator (ICU ships with
/// .NET's globalisation support; its C symbols carry the ICU major version, found at start). libpinyin's
/// dictionaries have no tones, so these readings are what lets a recognised tone choose between homophones.
/// ICU gives one reading per character (polyphones get their common one). Not thread-safe.
/// </summary>
public sealed unsafe class HanziReadings : IDisposable
{
    private static readonly Lazy<Icu?> Library = new(Icu.TryLoad);
    private readonly Icu _icu;
    private nint _transliterator;

    private HanziReadings(Icu icu, nint transliterator)
    {
        _icu = icu;
        _transliterator = transliterator;
    }

    /// <summary>Opens the transliterator; null when ICU or its Han-Latin rules are not available.</summary>
    public static HanziReadings? TryCreate()
    {
        if (Library.Value is not { } icu)
        {
            return null;
        }

        const string id = "Han-Latin";
        int status = 0;
        nint transliterator;
        fixed (char* idChars = id)
        {
            transliterator = icu.OpenU(idChars, id.Length, 0, null, 0, null, &status);
        }

        return status > 0 || transliterator == 0 ? null : new HanziReadings(icu, transliterator);
    }

    /// <summary>The tone (1–4, 5 for neutral) of each syllable ICU reads in <paramref name="text"/>, in order.</summary>
    public List<int> Tones(string text)
    {
        ObjectDisposedException.ThrowIf(_transliterator == 0, this);
        var capacity = text.Length * 8 + 16;
        var buffer = new char[capacity];
        text.CopyTo(buffer);
        int length = text.Length, limit = text.Length, status = 0;
        fixed (char* chars = buffer)
        {
            _icu.TransUChars(_transliterator, chars, &length, capacity, 0, &limit, &status);
        }

        var tones = new List<int>();
        if (status > 0)
        {
            return tones;
        }

        foreach (var syllable in new string(buffer, 0, length).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            tones.Add(PinyinSyllableAssembler.ToneOf(syllable));
        }

        return tones;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_transliterator != 0)
        {
            _icu.Close(_transliterator);
            _transliterator = 0;
        }
    }

    // utrans_openU, utrans_transUChars and utrans_close of the first libicui18n found.
    private sealed class Icu
    {
        public delegate* unmanaged<char*, int, int, char*, int, void*, int*, nint> OpenU;
        public delegate* unmanaged<nint, char*, int*, int, int, int*, int*, void> TransUChars;
        public delegate* unmanaged<nint, void> Close;

        public static Icu? TryLoad()
        {
            for (var version = 90; version >= 60; version--)
            {
                if (!NativeLibrary.TryLoad($"libicui18n.so.{version}", out var library))
                {
                    continue;
                }

                if (NativeLibrary.TryGetExport(library, $"utrans_openU_{version}", out var open)
                    && NativeLibrary.TryGetExport(library, $"utrans_transUChars_{version}", out var trans)
                    && NativeLibrary.TryGetExport(library, $"utrans_close_{version}", out var close))
                {
                    return new Icu
                    {
                        OpenU = (delegate* unmanaged<char*, int, int, char*, int, void*, int*, nint>)open,
                        TransUChars = (delegate* unmanaged<nint, char*, int*, int, int, int*, int*, void>)trans,
                        Close = (delegate* unmanaged<nint, void>)close,
                    };
                }
            }

            return null;
        }
    }
}

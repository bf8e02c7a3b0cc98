using System.Collections.Concurrent;

namespace Streaming.Asr.Text.Pinyin;

/// <summary>
/// Converters shared by concurrent sessions: each conversion rents one (creating it when none is free) and
/// returns it, so no libpinyin instance is used by two threads at once. The first converter is created
/// eagerly, so a missing libpinyin fails when the model loads rather than on the first result.
/// </summary>
public sealed class PinyinConverterPool : IDisposable
{
    private readonly PinyinConverterOptions _options;
    private readonly ConcurrentBag<PinyinConverter> _idle = [];
    private readonly ConcurrentBag<PinyinConverter> _all = [];

    /// <summary>Starts the pool with one converter; throws <see cref="LibPinyinUnavailableException"/> when libpinyin is missing.</summary>
    public PinyinConverterPool(PinyinConverterOptions? options = null)
    {
        _options = options ?? new PinyinConverterOptions();
        _idle.Add(Track(PinyinConverter.Create(_options)));
    }

    /// <summary>Converts pieces with a converter no other thread is using (see <see cref="PinyinConverter.Convert"/>).</summary>
    public string Convert(IReadOnlyList<PinyinPiece> pieces, bool toneGuided = true, PinyinPhraseBook? phrases = null)
    {
        var converter = _idle.TryTake(out var idle) ? idle : Track(PinyinConverter.Create(_options));
        try
        {
            return converter.Convert(pieces, toneGuided, phrases);
        }
        finally
        {
            _idle.Add(converter);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        while (_all.TryTake(out var converter))
        {
            converter.Dispose();
        }
    }

    private PinyinConverter Track(PinyinConverter converter)
    {
        _all.Add(converter);
        return converter;
    }
}

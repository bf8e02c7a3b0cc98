using System.Collections.Concurrent;

namespace Streaming.Asr.Text.Pinyin;

/// <summary>
/// Converters shared by concurrent sessions: each conversion rents one (creating it when none is free) and
/// returns it, so no libpinyin instance is used by two threads at once. At most
/// <see cref="PinyinConverterOptions.MaxConverters"/> exist; a conversion beyond that waits for one to be returned.
/// Conversion is CPU work, so more converters than cores gain nothing, while each one holds its own copy of
/// libpinyin's dictionaries and its own small Berkeley DB page cache, which more converters would each keep
/// colder. The first converter is created eagerly, so a missing libpinyin fails when the model loads rather
/// than on the first result.
/// </summary>
public sealed class PinyinConverterPool : IDisposable
{
    private readonly PinyinConverterOptions _options;
    private readonly ConcurrentBag<PinyinConverter> _idle = [];
    private readonly ConcurrentBag<PinyinConverter> _all = [];
    private readonly SemaphoreSlim _slots;

    /// <summary>Starts the pool with one converter; throws <see cref="LibPinyinUnavailableException"/> when libpinyin is missing.</summary>
    public PinyinConverterPool(PinyinConverterOptions? options = null)
    {
        _options = options ?? new PinyinConverterOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxConverters, 1, nameof(PinyinConverterOptions.MaxConverters));
        _slots = new SemaphoreSlim(_options.MaxConverters, _options.MaxConverters);
        _idle.Add(Track(PinyinConverter.Create(_options)));
    }

    /// <summary>How many converters exist now (never more than <see cref="PinyinConverterOptions.MaxConverters"/>).</summary>
    internal int Count => _all.Count;

    /// <summary>Converts pieces with a converter no other thread is using (see <see cref="PinyinConverter.Convert"/>).</summary>
    public string Convert(IReadOnlyList<PinyinPiece> pieces, bool toneGuided = true, PinyinPhraseBook? phrases = null)
    {
        // A slot guarantees that an idle converter exists or that one more may be created.
        _slots.Wait();
        PinyinConverter? converter = null;
        try
        {
            converter = _idle.TryTake(out var idle) ? idle : Track(PinyinConverter.Create(_options));
            return converter.Convert(pieces, toneGuided, phrases);
        }
        finally
        {
            if (converter is not null)
            {
                _idle.Add(converter);
            }

            _slots.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        while (_all.TryTake(out var converter))
        {
            converter.Dispose();
        }

        _slots.Dispose();
    }

    private PinyinConverter Track(PinyinConverter converter)
    {
        _all.Add(converter);
        return converter;
    }
}

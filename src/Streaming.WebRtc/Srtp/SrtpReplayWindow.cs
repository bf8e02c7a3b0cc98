namespace Streaming.WebRtc.Srtp;

/// <summary>
/// The sliding replay list of RFC 3711 §3.3.2: the highest index seen and a 64-packet bitmap behind it.
/// A packet is checked before authentication and recorded only after it authenticated.
/// </summary>
internal sealed class SrtpReplayWindow
{
    private const int Size = 64;
    private ulong _highest;
    private ulong _bitmap;
    private bool _any;

    /// <summary>False when <paramref name="index"/> was already received or is too old to tell.</summary>
    public bool IsFresh(ulong index)
    {
        if (!_any || index > _highest)
        {
            return true;
        }

        var behind = _highest - index;
        return behind < Size && (_bitmap & (1UL << (int)behind)) == 0;
    }

    /// <summary>Records an authenticated <paramref name="index"/>.</summary>
    public void Accept(ulong index)
    {
        if (!_any)
        {
            _any = true;
            _highest = index;
            _bitmap = 1;
            return;
        }

        if (index > _highest)
        {
            var shift = index - _highest;
            _bitmap = shift >= Size ? 1 : (_bitmap << (int)shift) | 1;
            _highest = index;
        }
        else
        {
            _bitmap |= 1UL << (int)(_highest - index);
        }
    }
}

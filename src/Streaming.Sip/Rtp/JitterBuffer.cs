namespace Streaming.Sip.Rtp;

/// <summary>
/// Puts one SSRC's packets back in sequence order. Up to <c>depth</c> packets wait so a late one can slot in;
/// when the buffer is full the oldest is released, and any sequence numbers skipped before it are reported as
/// lost (the caller fills them with silence or concealment). Duplicates and packets older than what was already
/// released are dropped. Sequence numbers are extended to 64 bits so wrap-around keeps the order.
/// </summary>
internal sealed class JitterBuffer(int depth)
{
    // A jump this large is a restarted sender, not loss; the buffer re-syncs instead of inventing silence.
    private const int MaxGap = 500;

    private readonly SortedDictionary<long, RtpPacket> _pending = [];
    private long _next = -1;
    private long _highest = -1;

    /// <summary>Packets dropped as duplicates or too late.</summary>
    public long Dropped { get; private set; }

    /// <summary>Adds a packet and returns what is ready to play, in order.</summary>
    public List<JitterOutput> Push(RtpPacket packet)
    {
        var seq = Extend(packet.SequenceNumber);
        var output = new List<JitterOutput>();
        if ((_next >= 0 && seq < _next) || !_pending.TryAdd(seq, packet))
        {
            Dropped++;
            return output;
        }

        if (_next < 0)
        {
            _next = seq;
        }

        while (_pending.Count > depth || (_pending.Count > 0 && _pending.Keys.First() == _next))
        {
            output.Add(Release());
        }

        return output;
    }

    /// <summary>Releases everything still waiting (end of call).</summary>
    public List<JitterOutput> Drain()
    {
        var output = new List<JitterOutput>();
        while (_pending.Count > 0)
        {
            output.Add(Release());
        }

        return output;
    }

    private JitterOutput Release()
    {
        var (seq, packet) = _pending.First();
        _pending.Remove(seq);
        var lost = seq - _next;
        _next = seq + 1;
        return new JitterOutput(packet, lost is > 0 and <= MaxGap ? (int)lost : 0);
    }

    private long Extend(ushort sequence)
    {
        if (_highest < 0)
        {
            _highest = sequence;
            return sequence;
        }

        // Pick the extension of the 16-bit number closest to the highest seen so far.
        var candidate = (_highest & ~0xFFFFL) | sequence;
        if (candidate - _highest > 0x8000)
        {
            candidate -= 0x10000;
        }
        else if (_highest - candidate > 0x8000)
        {
            candidate += 0x10000;
        }

        _highest = Math.Max(_highest, candidate);
        return candidate;
    }
}


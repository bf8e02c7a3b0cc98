namespace Streaming.WebRtc.Rtp;

/// <summary>
/// What an RTCP receiver report says about one incoming stream (RFC 3550 §6.4.1, Appendix A.3 and A.8):
/// extended highest sequence number, packets lost, interarrival jitter, and the last sender report.
/// </summary>
internal sealed class ReceptionStatistics(int clockRate)
{
    private ushort _maxSequence;
    private uint _cycles;
    private uint _baseSequence;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;
    private double _jitter;
    private long _lastTransit;
    private bool _started;

    /// <summary>SSRC of the stream.</summary>
    public uint Ssrc { get; private set; }

    /// <summary>Packets received.</summary>
    public long Received => _received;

    /// <summary>Packets that arrived after one with a later sequence number.</summary>
    public long Reordered { get; private set; }

    /// <summary>Packets between the first and the highest sequence number received that never arrived.</summary>
    public long Lost => _started ? Math.Max(0, (long)ExtendedHighest - _baseSequence + 1 - _received) : 0;

    /// <summary>Middle 32 bits of the NTP timestamp of the last sender report (0 before one arrived).</summary>
    public uint LastSenderReport { get; private set; }

    /// <summary>When the last sender report arrived, in <see cref="Environment.TickCount64"/> milliseconds.</summary>
    public long LastSenderReportAt { get; private set; }

    /// <summary>Records one authenticated packet arriving at <paramref name="arrivalMs"/>; true when it came after a later one.</summary>
    public bool Record(RtpHeader header, long arrivalMs)
    {
        var late = false;
        if (!_started)
        {
            _started = true;
            Ssrc = header.Ssrc;
            _baseSequence = header.Sequence;
            _maxSequence = header.Sequence;
        }
        else if ((ushort)(header.Sequence - _maxSequence) is > 0 and < 0x8000)
        {
            if (header.Sequence < _maxSequence)
            {
                _cycles += 0x10000;
            }

            _maxSequence = header.Sequence;
        }
        else if (header.Sequence != _maxSequence)
        {
            Reordered++;
            late = true;
        }

        _received++;
        var transit = (arrivalMs * clockRate / 1000) - header.Timestamp;
        if (_received > 1)
        {
            var d = Math.Abs(transit - _lastTransit);
            _jitter += (d - _jitter) / 16;
        }

        _lastTransit = transit;
        return late;
    }

    /// <summary>Records a sender report's NTP timestamp (the middle 32 bits) arriving now.</summary>
    public void RecordSenderReport(uint middleNtp, long arrivalMs)
    {
        LastSenderReport = middleNtp;
        LastSenderReportAt = arrivalMs;
    }

    /// <summary>Extended highest sequence number received.</summary>
    public uint ExtendedHighest => _cycles + _maxSequence;

    /// <summary>The report block values, and the interval counters reset for the next report.</summary>
    public (byte FractionLost, int CumulativeLost, uint Jitter) NextReport()
    {
        var expected = (long)ExtendedHighest - _baseSequence + 1;
        var lost = expected - _received;
        var expectedInterval = expected - _expectedPrior;
        var receivedInterval = _received - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = _received;
        var lostInterval = expectedInterval - receivedInterval;
        var fraction = expectedInterval == 0 || lostInterval <= 0 ? (byte)0 : (byte)((lostInterval << 8) / expectedInterval);
        return (fraction, (int)Math.Clamp(lost, -0x800000, 0x7FFFFF), (uint)_jitter);
    }
}

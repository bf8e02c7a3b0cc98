using Streaming.Pipeline;
using Streaming.Protocol;
using Streaming.Server.Sessions;
using Streaming.Server.Telemetry;

namespace Streaming.Server.Tests;

public sealed class KeywordEventTests
{
    [Fact]
    public void A_spotted_keyword_becomes_a_keywordSpotted_event_with_the_sessions_role()
    {
        var outgoing = SessionEventMapper.Map("s1", new KeywordSpottedEvent(3, "refund", 12.5, 13.0, 0.75f), "customer");

        Assert.Equal(HubNames.KeywordSpotted, outgoing.Method);
        Assert.False(outgoing.IsDroppable);
        var spotted = Assert.IsType<KeywordSpotted>(outgoing.Payload);
        Assert.Equal(("s1", 3, "refund", 12.5, 13.0, 0.75f, "customer"), (spotted.SessionId, spotted.SegmentId, spotted.Keyword, spotted.Start, spotted.End, spotted.Confidence, spotted.Role));
    }

    [Fact]
    public void Metric_labels_past_the_bound_share_one_label_and_known_ones_keep_theirs()
    {
        var labels = new BoundedLabels(2);

        Assert.Equal(["a", "b", BoundedLabels.Other, "a", BoundedLabels.Other], new[] { "a", "b", "c", "a", "d" }.Select(labels.For));
    }
}

namespace Streaming.Inference.Tests;

public sealed class TensorStackingTests
{
    [Fact]
    public void Concat_on_a_middle_axis_interleaves_per_outer_index_and_split_restores_the_parts()
    {
        // Like Silero's state [2, B, 128]: the batch is axis 1.
        var a = NamedTensor.Float("s", [2, 1, 2], [1, 2, 3, 4]);
        var b = NamedTensor.Float("s", [2, 2, 2], [5, 6, 7, 8, 9, 10, 11, 12]);

        var stacked = TensorStacking.Concat("s", [a, b], axis: 1);

        Assert.Equal([2L, 3, 2], stacked.Shape);
        Assert.Equal([1f, 2, 5, 6, 7, 8, 3, 4, 9, 10, 11, 12], stacked.Span<float>().ToArray());
        var parts = TensorStacking.Split(stacked, 1, [1, 2]);
        Assert.Equal(a.Data.ToArray(), parts[0].Data.ToArray());
        Assert.Equal(b.Data.ToArray(), parts[1].Data.ToArray());
        Assert.Equal(b.Shape, parts[1].Shape);
    }

    [Fact]
    public void Concat_refuses_parts_that_differ_off_the_batch_axis()
    {
        var a = NamedTensor.Float("x", [1, 3], [1, 2, 3]);
        var b = NamedTensor.Float("x", [1, 2], [1, 2]);

        var error = Assert.Throws<ArgumentException>(() => TensorStacking.Concat("x", [a, b], 0));
        Assert.Contains("dimension 1 differs", error.Message);
    }

    [Fact]
    public void Tensor_data_must_match_its_shape()
    {
        var error = Assert.Throws<ArgumentException>(() => new NamedTensor("x", TensorElementKind.Float32, [2, 2], new byte[12]));
        Assert.Contains("needs 16 bytes", error.Message);
    }
}

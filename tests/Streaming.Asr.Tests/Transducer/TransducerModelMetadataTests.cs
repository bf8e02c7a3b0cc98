using Streaming.Asr.Transducer;
using Streaming.Inference;

namespace Streaming.Asr.Tests.Transducer;

public sealed class TransducerModelMetadataTests
{
    private static Dictionary<string, string> Encoder() => new()
    {
        ["model_type"] = "zipformer2",
        ["T"] = "45",
        ["decode_chunk_len"] = "32",
        ["encoder_dims"] = "192,256,384,512,384,256",
        ["query_head_dims"] = "32,32,32,32,32,32",
        ["value_head_dims"] = "12,12,12,12,12,12",
        ["num_heads"] = "4,4,4,8,4,4",
        ["num_encoder_layers"] = "2,2,3,4,3,2",
        ["cnn_module_kernels"] = "31,31,15,15,15,31",
        ["left_context_len"] = "128,64,32,16,32,64",
    };

    private static readonly Dictionary<string, string> Decoder = new() { ["context_size"] = "2", ["vocab_size"] = "500" };

    [Fact]
    public void ParsesZipformer2Metadata()
    {
        var metadata = TransducerModelMetadata.Parse(Encoder(), Decoder);
        Assert.Equal(45, metadata.ChunkFrames);
        Assert.Equal(32, metadata.ChunkShift);
        Assert.Equal([2, 2, 3, 4, 3, 2], metadata.NumEncoderLayers);
        Assert.Equal([128, 64, 32, 16, 32, 64], metadata.LeftContextLength);
        Assert.Equal(2, metadata.ContextSize);
        Assert.Equal(500, metadata.VocabularySize);
        Assert.Equal((6 * 16) + 2, ZipformerEncoderState.CountFor(metadata));
    }

    [Fact]
    public void MissingKeysAreAllListed()
    {
        var encoder = Encoder();
        encoder.Remove("T");
        encoder.Remove("left_context_len");
        var error = Assert.Throws<InvalidDataException>(() => TransducerModelMetadata.Parse(encoder, new Dictionary<string, string>()));
        Assert.Contains("encoder:T", error.Message, StringComparison.Ordinal);
        Assert.Contains("encoder:left_context_len", error.Message, StringComparison.Ordinal);
        Assert.Contains("decoder:context_size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsOtherModelTypesAndInconsistentLists()
    {
        var encoder = Encoder();
        encoder["model_type"] = "zipformer";
        Assert.Contains("zipformer2", Assert.Throws<InvalidDataException>(() => TransducerModelMetadata.Parse(encoder, Decoder)).Message, StringComparison.Ordinal);
        encoder = Encoder();
        encoder["num_heads"] = "4,4";
        Assert.Throws<InvalidDataException>(() => TransducerModelMetadata.Parse(encoder, Decoder));
        encoder = Encoder();
        encoder["T"] = "x";
        Assert.Throws<InvalidDataException>(() => TransducerModelMetadata.Parse(encoder, Decoder));
    }

    [Fact]
    public void EncoderCachesAreShapedFromMetadata()
    {
        var shapes = ZipformerEncoderState.Shapes(TransducerModelMetadata.Parse(Encoder(), Decoder), featureDimension: 80);
        Assert.Equal(98, shapes.Count);
        Assert.Equal([128L, 1, 128], shapes[0]);
        Assert.Equal([1L, 1, 128, 144], shapes[1]);
        Assert.Equal([128L, 1, 48], shapes[2]);
        Assert.Equal([1L, 192, 15], shapes[5]);
        Assert.Equal([16L, 1, 256], shapes[6 * 7]);
        Assert.Equal([1L, 128, 3, 19], shapes[96]);
        Assert.Equal([1L], shapes[97]);
    }
}

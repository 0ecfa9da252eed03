namespace Pop3Tools.Engine.Tests.Robustness;

/// <summary>Seeds the fuzz runs once failed on: each replays the exact mutation of a fixed defect.</summary>
public class FuzzRegressionTests
{
    [Theory]
    // A header block cut off mid-field: MimeKit's FormatException escaped the header listing untyped.
    [InlineData(291)]
    // Every CRLF made a bare CR: one 5 MB header "line" cost MimeKit 3.4 GB of allocation and 5 s.
    [InlineData(132)]
    // A 1.3 MB unfolded header line under the 1 MiB block check's radar until read: 270 MB of allocation.
    [InlineData(743)]
    public void Mime_seed_ends_typed_and_bounded(int seed)
    {
        var (mutation, result) = MimeFuzzTests.RunSeed(seed);

        Assert.True(result.Failure == null, "seed " + seed + " (" + mutation.Description + "): " + result.Failure);
    }
}

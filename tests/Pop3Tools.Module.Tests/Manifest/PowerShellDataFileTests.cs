namespace Pop3Tools.Module.Tests.Manifest;

public sealed class PowerShellDataFileTests
{
    [Fact]
    public void Reads_the_value_kinds_a_manifest_uses()
    {
        var table = PowerShellDataFile.Parse("""
            # comment line
            @{
                RootModule = 'bin/Pop3Tools.dll'   # trailing comment
                'Quoted Key' = "a ""b"" `t c"
                Count = 42; Ratio = 1.5; Negative = -3
                Yes = $true
                No = $False
                Nothing = $null
                <# block
                   comment #>
                Empty = @()
                Editions = 'Desktop', 'Core'
                Lines = @(
                    'one'
                    'two', 'three'
                )
                Nested = @{ PSData = @{ Tags = @('POP3') } }
                It = 'it''s'
            }
            """);

        Assert.Equal("bin/Pop3Tools.dll", table["rootmodule"]);
        Assert.Equal("a \"b\" \t c", table["Quoted Key"]);
        Assert.Equal(42L, table["Count"]);
        Assert.Equal(1.5, table["Ratio"]);
        Assert.Equal(-3L, table["Negative"]);
        Assert.Equal(true, table["Yes"]);
        Assert.Equal(false, table["No"]);
        Assert.Null(table["Nothing"]);
        Assert.Empty(Assert.IsAssignableFrom<List<object?>>(table["Empty"]));
        Assert.Equal(new object[] { "Desktop", "Core" }, Assert.IsAssignableFrom<List<object?>>(table["Editions"]));
        Assert.Equal(new object[] { "one", "two", "three" }, Assert.IsAssignableFrom<List<object?>>(table["Lines"]));
        var psData = Assert.IsType<Dictionary<string, object?>>(Assert.IsType<Dictionary<string, object?>>(table["Nested"])["PSData"]);
        Assert.Equal(new object[] { "POP3" }, Assert.IsAssignableFrom<List<object?>>(psData["Tags"]));
        Assert.Equal("it's", table["It"]);
    }

    [Fact]
    public void Reads_here_strings()
    {
        var table = PowerShellDataFile.Parse("@{\r\n  Notes = @'\r\nfirst 'line'\r\nsecond\r\n'@\r\n  After = 1\r\n  Empty = @\"\n\"@\n}\r\n");

        Assert.Equal("first 'line'\nsecond", table["Notes"]);
        Assert.Equal(1L, table["After"]);
        Assert.Equal("", table["Empty"]);
    }

    [Theory]
    [InlineData("@{ A = $env:USERNAME }")]
    [InlineData("@{ A = \"$HOME\" }")]
    [InlineData("@{ A = Get-Date }")]
    [InlineData("@{ A = 1 B = 2 }")]
    [InlineData("@{ A = 1; A = 2 }")]
    [InlineData("@{ A = 'open }")]
    [InlineData("@{ A = 1 ")]
    [InlineData("@{ A = 1 } extra")]
    [InlineData("'just a string'")]
    public void Rejects_what_a_data_file_may_not_hold(string text)
    {
        Assert.Throws<FormatException>(() => PowerShellDataFile.Parse(text));
    }
}

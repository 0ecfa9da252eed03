namespace Pop3Tools.Engine.Tests.Dovecot;

public sealed class DovecotLabLifecycleTests
{
    [Fact]
    public void Dispose_stops_the_server_and_removes_the_lab_directory()
    {
        var lab = DovecotLab.Start();
        var directory = lab.Directory;
        var pid = int.Parse(File.ReadAllText(Path.Combine(directory, "run", "master.pid")).Trim());
        using (RawPop3.Connect(lab, implicitTls: false))
        {
            lab.Dispose();
        }

        Assert.False(System.IO.Directory.Exists(directory));
        Assert.False(File.Exists($"/proc/{pid}/cmdline") && File.ReadAllText($"/proc/{pid}/cmdline").Length > 0);
    }
}

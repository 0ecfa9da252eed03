namespace Pop3Tools.Benchmarks.Cases;

/// <summary>
/// Where a case writes: tmpfs (/dev/shm, where a flush costs nothing, so the protocol path is
/// what is measured) or a folder on the disk (where durability costs what it costs).
/// </summary>
internal enum Storage
{
    Tmpfs,
    Disk,
}

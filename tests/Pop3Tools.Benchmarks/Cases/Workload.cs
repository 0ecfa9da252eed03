namespace Pop3Tools.Benchmarks.Cases;

/// <summary>What a case does with the mailbox; rows of one workload are compared with each other.</summary>
internal enum Workload
{
    /// <summary>Every message into a folder, one file each.</summary>
    Export,

    /// <summary>Every message read and thrown away: the wire limit.</summary>
    Wire,

    /// <summary>Every message as parsed objects in the pipeline.</summary>
    Objects,

    /// <summary>Number, UID and parsed main headers of every message (TOP n 0).</summary>
    Listing,
}

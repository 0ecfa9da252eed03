namespace Pop3Tools.Engine.Tests.Mailbox
{
    internal static class Timeouts
    {
        /// <summary>Bounds one test step so a regression fails instead of hanging.</summary>
        public static CancellationToken Token(int seconds = 60) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
    }
}

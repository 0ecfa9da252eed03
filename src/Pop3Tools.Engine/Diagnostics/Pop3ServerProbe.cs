using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Pop3Tools.Engine.Protocol;

namespace Pop3Tools.Engine.Diagnostics
{
    /// <summary>
    /// The engine behind Test-Pop3Server: runs every attempt of a request at the same time,
    /// so an unreachable host costs about one timeout however many ports are tried, and
    /// returns one result per attempt in the order asked. Only bad arguments throw.
    /// </summary>
    internal static class Pop3ServerProbe
    {
        public static IReadOnlyList<Pop3ServerTestResult> Run(Pop3ProbeRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (request.CertificateThumbprint != null)
            {
                try
                {
                    CertificatePolicy.NormalizeThumbprint(request.CertificateThumbprint);
                }
                catch (Pop3Exception e)
                {
                    throw new ArgumentException(e.Message, nameof(request.CertificateThumbprint), e);
                }
            }
            // Logins take turns: servers that lock the mailbox per session would answer the
            // second of two concurrent logins with [IN-USE] and blame the wrong attempt.
            // Not disposed: after a cancel, attempts still unwinding may release it.
            var loginTurn = new SemaphoreSlim(1, 1);
            {
                var attempts = request.Targets
                    // Each attempt blocks on the network: a thread of its own, so a busy thread pool cannot make them take turns.
                    .Select(target => Task.Factory.StartNew(() => new ProbeAttempt(request, target, loginTurn).Run(cancellationToken),
                        cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default))
                    .ToArray();
                try
                {
                    Task.WaitAll(attempts, cancellationToken);
                }
                catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OperationCanceledException))
                {
                    throw new OperationCanceledException("The server test was cancelled.", e, cancellationToken);
                }
                return attempts.Select(attempt => attempt.Result).ToList();
            }
        }
    }
}

using System.Management.Automation;

namespace Pop3Tools.Commands
{
    /// <summary>
    /// Turns an engine failure into the ErrorRecord scripts match on: the id is
    /// the exception's stable <c>Pop3.&lt;Kind&gt;</c>, the category follows the
    /// error table of DESIGN.md, and the hint becomes the recommended action.
    /// </summary>
    internal static class Pop3ErrorRecord
    {
        internal static ErrorRecord Create(Pop3Exception exception, object? target)
        {
            var record = new ErrorRecord(exception, exception.ErrorId, CategoryOf(exception.Kind), target);
            if (!string.IsNullOrEmpty(exception.Hint))
            {
                record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = exception.Hint };
            }
            return record;
        }

        internal static ErrorCategory CategoryOf(Pop3ErrorKind kind) => kind switch
        {
            Pop3ErrorKind.ConnectionFailed => ErrorCategory.ConnectionError,
            Pop3ErrorKind.Timeout => ErrorCategory.OperationTimeout,
            Pop3ErrorKind.TlsHandshakeFailed => ErrorCategory.SecurityError,
            Pop3ErrorKind.CertificateInvalid => ErrorCategory.SecurityError,
            Pop3ErrorKind.StartTlsUnavailable => ErrorCategory.SecurityError,
            Pop3ErrorKind.InsecureAuthenticationRefused => ErrorCategory.SecurityError,
            Pop3ErrorKind.AuthenticationFailed => ErrorCategory.AuthenticationError,
            Pop3ErrorKind.MailboxInUse => ErrorCategory.ResourceBusy,
            Pop3ErrorKind.LoginDelay => ErrorCategory.ResourceBusy,
            Pop3ErrorKind.ServerUnavailable => ErrorCategory.ResourceUnavailable,
            Pop3ErrorKind.MessageNotFound => ErrorCategory.ObjectNotFound,
            Pop3ErrorKind.ProtocolError => ErrorCategory.ProtocolError,
            Pop3ErrorKind.SessionClosed => ErrorCategory.ConnectionError,
            Pop3ErrorKind.DeletionsNotCommitted => ErrorCategory.WriteError,
            Pop3ErrorKind.MessageMalformed => ErrorCategory.InvalidData,
            Pop3ErrorKind.SaveFailed => ErrorCategory.WriteError,
            Pop3ErrorKind.SizeMismatch => ErrorCategory.InvalidData,
            _ => ErrorCategory.NotSpecified,
        };
    }
}

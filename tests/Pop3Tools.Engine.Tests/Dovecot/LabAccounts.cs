namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>
/// Who owns the lab's mail and which accounts Dovecot's own processes run as.
/// As root Dovecot refuses to touch mail as uid 0 ("Mail access not allowed for
/// root") and passwd-file rejects uid 0, so mail belongs to an unprivileged
/// numeric uid that needs no /etc/passwd entry. As a normal user everything runs
/// as that user, and the services that chroot by default must not.
/// </summary>
internal sealed record LabAccounts(uint MailUid, uint MailGid, string InternalUser, string LoginUser, bool IsRoot)
{
    private const uint UnprivilegedMailId = 5000;

    public static LabAccounts ForThisProcess()
    {
        uint uid = LibC.GetEffectiveUserId();
        if (uid == 0)
        {
            // Both accounts come with the dovecot-core package.
            return new LabAccounts(UnprivilegedMailId, UnprivilegedMailId, "dovecot", "dovenull", IsRoot: true);
        }

        return new LabAccounts(uid, LibC.GetEffectiveGroupId(), Environment.UserName, Environment.UserName, IsRoot: false);
    }
}

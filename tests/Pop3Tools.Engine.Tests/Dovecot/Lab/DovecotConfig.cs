namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>
/// The lab's own dovecot.conf: everything lives under the lab directory and
/// nothing is included from /etc/dovecot, so the system's settings never leak in.
/// </summary>
internal static class DovecotConfig
{
    public static string Render(string labDirectory, LabAccounts accounts, int plainPort, int tlsPort, bool listenOnIpv6,
        IReadOnlyList<LabTlsListener>? tlsListeners = null)
    {
        tlsListeners ??= Array.Empty<LabTlsListener>();
        string In(string name) => Path.Combine(labDirectory, name);
        var listen = listenOnIpv6 ? "127.0.0.1, ::1" : "127.0.0.1";

        // Chrooting needs root; as a normal user the two services that chroot by default must not.
        var noChroot = accounts.IsRoot ? string.Empty : """
            service pop3-login {
              chroot =
            }
            service anvil {
              chroot =
            }

            """;

        return $$"""
            # Written by Pop3Tools' DovecotLab; removed with the lab.
            protocols = pop3
            listen = {{listen}}
            base_dir = {{In("run")}}
            state_dir = {{In("state")}}
            log_path = {{In("dovecot.log")}}
            info_log_path = {{In("dovecot.log")}}
            debug_log_path = {{In("dovecot.log")}}
            auth_verbose = yes

            default_internal_user = {{accounts.InternalUser}}
            default_internal_group = {{accounts.InternalGroup}}
            default_login_user = {{accounts.LoginUser}}
            first_valid_uid = {{accounts.MailUid}}
            first_valid_gid = {{accounts.MailGid}}

            # Plaintext storage is what lets CRAM-MD5, DIGEST-MD5, SCRAM and APOP work.
            # APOP is not a SASL mechanism: it shows as the <...> timestamp in the greeting.
            auth_mechanisms = plain login cram-md5 digest-md5 scram-sha-1 scram-sha-256 apop xoauth2 oauthbearer
            disable_plaintext_auth = no
            passdb {
              driver = passwd-file
              args = {{In("passwd")}}
            }
            # Access tokens: a JWT the lab signs (DovecotLab.MintAccessToken), checked locally.
            # A token is no password in the passwd-file, so that passdb fails and this one decides.
            passdb {
              driver = oauth2
              mechanisms = xoauth2 oauthbearer
              args = {{In("oauth2.conf")}}
            }
            userdb {
              driver = passwd-file
              args = {{In("passwd")}}
            }

            # Wrong-password tests run by the dozen. Dovecot waits auth_failure_delay
            # (2 s) before every -ERR, and on top keeps a per-IP penalty in anvil that
            # delays EVERY later login from 127.0.0.1, right or wrong, by up to 15 s for
            # about 30 s (observed: 2 s, 6 s, 10 s, then 15 s for the right password).
            # The auth process silently runs without the penalty when the socket
            # "anvil-auth-penalty" does not exist in base_dir, so anvil listens elsewhere.
            # (login_trusted_networks would also lift the penalty, but it changes what
            # the server offers, so the lab leaves it unset.)
            auth_failure_delay = 0
            service anvil {
              unix_listener anvil-auth-penalty {
                path = anvil-auth-penalty-disabled
              }
            }

            ssl = yes
            ssl_cert = <{{In("cert.pem")}}
            ssl_key = <{{In("key.pem")}}

            mail_location = maildir:~/Maildir

            service pop3-login {
              inet_listener pop3 {
                port = {{plainPort}}
              }
              inet_listener pop3s {
                port = {{tlsPort}}
                ssl = yes
              }
            {{string.Concat(tlsListeners.Select(ExtraListener))}}
            }
            {{string.Concat(tlsListeners.Select(listener => ExtraCertificate(listener, In)))}}
            {{noChroot}}
            protocol pop3 {
              # Stable UIDs, a maildir left byte-identical by reads, LIST/STAT from the file names.
              pop3_uidl_format = %08Xu%08Xv
              pop3_no_flag_updates = yes
              pop3_fast_size_lookups = yes
              # Tests run in parallel, all from 127.0.0.1, often as the same user. Concurrent
              # logins are bounded by pop3-login's process_limit (default_process_limit, 100):
              # enough for Parallel.Tests.ps1's 20 at once.
              mail_max_userip_connections = 200
            }

            """;
    }

    // Dovecot chooses the certificate by the local address the client reached (a "local" block).
    private static string ExtraListener(LabTlsListener listener) => $$"""
          inet_listener pop3s-{{listener.Name}} {
            address = {{listener.Host}}
            port = {{listener.Port}}
            ssl = yes
          }

        """;

    private static string ExtraCertificate(LabTlsListener listener, Func<string, string> inLab) => $$"""
        local {{listener.Host}} {
          ssl_cert = <{{inLab(listener.CertificateFile)}}
          ssl_key = <{{inLab(listener.KeyFile)}}
        }

        """;
}

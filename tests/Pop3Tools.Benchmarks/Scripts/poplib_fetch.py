# Downloads every message of a POP3 mailbox with the standard library's poplib,
# one file per message, leaving the mail on the server. The password comes from
# the environment so it never shows in a process list.
import os
import poplib
import ssl
import sys

host, port, transport, user, out_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
password = os.environ["BENCH_POP3_PASSWORD"]

# poplib refuses lines over 2048 bytes, and real mail (and the lab's "long-lines"
# messages) has longer ones; raise the bound to the engine's own 1 MiB line limit.
poplib._MAXLINE = 1024 * 1024

if transport == "tls":
    context = ssl.create_default_context()
    # The lab's certificate is self-signed; every client in the benchmark skips the check.
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    client = poplib.POP3_SSL(host, port, context=context)
else:
    client = poplib.POP3(host, port)

client.user(user)
client.pass_(password)
count, _ = client.stat()
for number in range(1, count + 1):
    _, lines, _ = client.retr(number)
    with open(os.path.join(out_dir, "%d.eml" % number), "wb") as message_file:
        message_file.write(b"\r\n".join(lines) + b"\r\n")
client.quit()

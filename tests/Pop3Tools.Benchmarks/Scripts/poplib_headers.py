# The header listing as Python's standard library does it, one message at a time: poplib's UIDL,
# then TOP n 0 for each message, parsed by the email package (policy.default) with Subject, From,
# To, Date and Message-ID read as parsed values. Prints one JSON line like pop3_pipelined.py.
import email.parser
import email.policy
import json
import os
import poplib
import sys
import time

host, port, user = sys.argv[1], int(sys.argv[2]), sys.argv[3]
password = os.environ["BENCH_POP3_PASSWORD"]
poplib._MAXLINE = 1024 * 1024
parser = email.parser.BytesHeaderParser(policy=email.policy.default)

started = time.perf_counter()
client = poplib.POP3(host, port)
client.user(user)
client.pass_(password)
_, listing, _ = client.uidl()
parsed = 0
for entry in listing:
    number, _uid = entry.split()
    _, lines, _ = client.top(int(number), 0)
    message = parser.parsebytes(b"\r\n".join(lines) + b"\r\n")
    for name in ("subject", "from", "to", "message-id"):
        message[name]
    date = message["date"]
    if date is not None:
        date.datetime
    parsed += 1
client.quit()
print(json.dumps({"seconds": time.perf_counter() - started, "messages": parsed, "bytes": 0}))

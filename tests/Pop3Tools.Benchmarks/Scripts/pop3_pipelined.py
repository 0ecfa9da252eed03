# The wire limit and the minimal listing: log in, send every per-message command at once on one
# socket (RFC 2449 PIPELINING; a second thread writes so neither side's buffers can deadlock), and
# read the replies only to count them: no parsing, no storing. Mode "retr": RETR every message
# (the export floor). Mode "top": UIDL, then TOP n 0 for every message (the listing floor).
# Prints one JSON line: seconds from connect to the QUIT reply, messages and bytes received.
import json
import os
import socket
import sys
import threading
import time

host, port, user, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
password = os.environ["BENCH_POP3_PASSWORD"]
TERMINATOR = b"\r\n.\r\n"

started = time.perf_counter()
sock = socket.create_connection((host, port))
sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
pending = bytearray()


def read_line():
    global pending
    while True:
        end = pending.find(b"\n")
        if end >= 0:
            line = bytes(pending[:end + 1])
            del pending[:end + 1]
            return line
        chunk = sock.recv(65536)
        if not chunk:
            sys.exit("the server closed the connection")
        pending += chunk


def command(text):
    sock.sendall(text.encode() + b"\r\n")
    reply = read_line()
    if not reply.startswith(b"+OK"):
        sys.exit("%s refused: %r" % (text.split(" ")[0], reply))
    return reply


read_line()
command("USER " + user)
command("PASS " + password)
count = int(command("STAT").split()[1])
commands = (["UIDL"] if mode == "top" else []) + [
    ("TOP %d 0" if mode == "top" else "RETR %d") % n for n in range(1, count + 1)]
writer = threading.Thread(target=lambda: sock.sendall("".join(c + "\r\n" for c in commands).encode()))
writer.start()

# Every reply is multi-line and ends with CRLF "." CRLF, which dot-stuffing keeps out of the data.
# The status line of the first reply is in pending already; count across chunk boundaries.
expected = len(commands)
seen = pending.count(TERMINATOR)
received = len(pending)
tail = bytes(pending[-4:])
buffer = bytearray(1024 * 1024)
view = memoryview(buffer)
while seen < expected:
    size = sock.recv_into(view)
    if size == 0:
        sys.exit("the server closed the connection")
    received += size
    seen += (tail + bytes(buffer[:min(4, size)])).count(TERMINATOR) + buffer.count(TERMINATOR, 0, size)
    tail = bytes(buffer[max(0, size - 4):size])
writer.join()
sock.sendall(b"QUIT\r\n")
sock.recv(4096)
sock.close()
print(json.dumps({"seconds": time.perf_counter() - started, "messages": count, "bytes": received}))

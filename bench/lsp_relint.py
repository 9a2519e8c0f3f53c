#!/usr/bin/env python3
"""Measures how fast `iblint lsp` re-lints after a one-character edit.

Starts the language server over stdio like an editor, opens a generated component document of
about --lines lines, then makes --edits one-character edits (typing into a step name and
deleting it again, as a user would) and times each from sending the didChange to receiving
the publishDiagnostics of that version. debounceMs is 0 so that the figure is the server's
work, not the pause it waits for more typing. Prints the median and other percentiles of that
wall time, and the server's CPU time per edit (from /proc: on a loaded machine the wall time
also holds the time the server waited for a core).

Usage: python3 bench/lsp_relint.py [--iblint build/iblint] [--lines 5000] [--edits 100] [--shellcheck]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def component(lines):
    out = ["name: Generated", "description: generated for the re-lint benchmark", "schemaVersion: 1.0",
           "parameters:", "  - Version:", "      type: string", "      default: '1.0'", "phases:",
           "  - name: build", "    steps:"]
    i = 0
    while len(out) < lines - 8:
        out += [f"      - name: Step{i}", "        action: ExecuteBash", "        inputs:", "          commands:",
                f'            - "echo step {i} of {{{{ Version }}}}"', f"            - mkdir -p /opt/app{i}"]
        if i > 0 and i % 10 == 0:
            out.append(f'            - "echo {{{{ build.Step{i - 1}.outputs.stdout }}}}"')
        i += 1
    out += ["  - name: validate", "    steps:", "      - name: Check", "        action: ExecuteBash", "        inputs:",
            "          commands:", "            - test -d /opt/app0"]
    return "\n".join(out) + "\n"


class Client:
    def __init__(self, command):
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise SystemExit("the server closed its output")
            line = line.strip()
            if not line:
                break
            name, value = line.split(b":", 1)
            if name.strip().lower() == b"content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            m = self.receive()
            if m.get("id") == self.next_id and "method" not in m:
                return m

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, version):
        while True:
            m = self.receive()
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version:
                return m["params"]["diagnostics"]


def cpu_seconds(pid):
    """CPU time (user + system) the process has used so far, from /proc (Linux)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--iblint", default="build/iblint")
    parser.add_argument("--lines", type=int, default=5000)
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--shellcheck", action="store_true", help="keep IB701 on (shellcheck results are cached)")
    args = parser.parse_args()

    text = component(args.lines)
    client = Client([args.iblint, "lsp"])
    client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {},
                                  "initializationOptions": {"iblint": {"debounceMs": 0, "shellcheck": args.shellcheck}}})
    client.notify("initialized", {})
    uri = "file:///tmp/iblint-relint-bench.yaml"
    start = time.perf_counter()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    first = client.diagnostics(1)
    open_ms = (time.perf_counter() - start) * 1000

    # Type `x` after `Step250` (a name in the middle of the document), then delete it.
    line = text[: text.index("- name: Step250")].count("\n")
    column = len("      - name: Step250")
    times = []
    cpu_before = cpu_seconds(client.proc.pid)
    for version in range(2, args.edits + 2):
        inserting = version % 2 == 0
        change = {"range": {"start": {"line": line, "character": column},
                            "end": {"line": line, "character": column + (0 if inserting else 1)}},
                  "text": "x" if inserting else ""}
        start = time.perf_counter()
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        diagnostics = client.diagnostics(version)
        times.append((time.perf_counter() - start) * 1000)
        if len(diagnostics) != len(first):
            raise SystemExit(f"version {version}: {len(diagnostics)} diagnostics, expected {len(first)}")
    server_cpu_ms = (cpu_seconds(client.proc.pid) - cpu_before) * 1000 / len(times)
    client.request("shutdown", None)
    client.notify("exit", None)
    client.proc.wait(timeout=10)

    times.sort()
    print(f"document: {text.count(chr(10))} lines, {len(text)} bytes, {len(first)} diagnostics; "
          f"first lint after didOpen {open_ms:.1f} ms")
    print(f"re-lint after a one-character edit ({len(times)} edits): median {statistics.median(times):.2f} ms, "
          f"p90 {times[int(len(times) * 0.9) - 1]:.2f} ms, min {times[0]:.2f} ms, max {times[-1]:.2f} ms; "
          f"server CPU {server_cpu_ms:.2f} ms per edit (mean)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

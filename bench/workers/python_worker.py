# The Python side of the benchmark: same protocol as node-worker.mjs, over fd 3.
#   python3 python_worker.py <handler-dir> <event-json>
import json
import os
import resource
import sys
import time

started = time.perf_counter()
sys.path.insert(0, sys.argv[1])
from handler import lambda_handler  # noqa: E402

event = json.loads(sys.argv[2])
last = lambda_handler(event, None)
out = os.fdopen(3, "w", buffering=1)


def reply(value):
    out.write(json.dumps(value) + "\n")


reply({"initMs": (time.perf_counter() - started) * 1000})
for line in sys.stdin:
    parts = line.split()
    command, n = parts[0], int(parts[1]) if len(parts) > 1 else 0
    if command == "warm":
        t0 = time.perf_counter()
        for _ in range(n):
            last = lambda_handler(event, None)
        reply({"msPerCall": (time.perf_counter() - t0) * 1000 / n})
    elif command == "warm-for":
        t0 = time.perf_counter()
        calls = 0
        while (time.perf_counter() - t0) * 1000 < n:
            last = lambda_handler(event, None)
            calls += 1
        reply({"msPerCall": (time.perf_counter() - t0) * 1000 / calls})
    elif command == "size":
        import base64

        reply({"bytes": len(base64.b64decode(json.loads(last["body"])["qr_code"]))})
    elif command == "rss":
        for _ in range(n):
            last = lambda_handler(event, None)
        reply({"maxRssKb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss})

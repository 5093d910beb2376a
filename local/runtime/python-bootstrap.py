# The runtime loop of the python3.x managed runtimes, for the local stack: imports the
# handler named by _HANDLER from LAMBDA_TASK_ROOT, then takes invocations from
# AWS_LAMBDA_RUNTIME_API (2018-06-01) one at a time, as AWS's bootstrap does: init/error
# when the handler cannot be loaded, invocation/<id>/error with errorMessage, errorType
# and stackTrace when it raises. Only the standard library.
import importlib
import json
import os
import sys
import threading
import time
import traceback
import urllib.request

BASE = "http://%s/2018-06-01/runtime" % os.environ["AWS_LAMBDA_RUNTIME_API"]
# What begins the line `drain <token>` is answered with (see drain.ts), JSON-encoded; taken
# out before the handler loads: the function sees Lambda's variables only.
DRAIN_MARKER = json.loads(os.environ.pop("LAMBDA_LOCAL_DRAIN_MARKER"))


def post(path, body, error_type=None):
    headers = {"Content-Type": "application/json"}
    if error_type:
        headers["Lambda-Runtime-Function-Error-Type"] = error_type
    request = urllib.request.Request(BASE + path, data=json.dumps(body).encode(), headers=headers, method="POST")
    urllib.request.urlopen(request).read()


def error_body(error):
    return {
        "errorMessage": str(error),
        "errorType": type(error).__name__,
        "stackTrace": traceback.format_tb(error.__traceback__),
    }


class Context:
    def __init__(self, request_id, deadline_ms, function_arn):
        self.aws_request_id = request_id
        self.invoked_function_arn = function_arn
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))


def serve_stdin():
    # The stack holds stdin open; when it goes away, so does this environment. Until then
    # `drain <token>` asks for a marker on both output streams: every line written before
    # it has then reached the stack.
    for line in sys.stdin.buffer:
        text = line.decode("utf-8", "replace").strip()
        if text.startswith("drain "):
            marker = "%s%s\n" % (DRAIN_MARKER, text[len("drain "):])
            sys.stdout.write(marker)
            sys.stdout.flush()
            sys.stderr.write(marker)
            sys.stderr.flush()
    os._exit(0)


def main():
    threading.Thread(target=serve_stdin, daemon=True).start()
    sys.path.insert(0, os.environ["LAMBDA_TASK_ROOT"])
    module_name, _, function_name = os.environ["_HANDLER"].rpartition(".")
    try:
        handler = getattr(importlib.import_module(module_name), function_name)
    except Exception as error:  # noqa: BLE001 - any failure to load is an init error
        post("/init/error", error_body(error), "Runtime.ImportModuleError")
        sys.exit(1)
    while True:
        with urllib.request.urlopen(BASE + "/invocation/next") as response:
            request_id = response.headers["Lambda-Runtime-Aws-Request-Id"]
            deadline_ms = int(response.headers.get("Lambda-Runtime-Deadline-Ms", "0"))
            function_arn = response.headers.get("Lambda-Runtime-Invoked-Function-Arn")
            event = json.loads(response.read() or b"null")
        try:
            result = handler(event, Context(request_id, deadline_ms, function_arn))
        except Exception as error:  # noqa: BLE001 - reported to the caller as a function error
            post("/invocation/%s/error" % request_id, error_body(error), "Unhandled")
            continue
        post("/invocation/%s/response" % request_id, result)


main()

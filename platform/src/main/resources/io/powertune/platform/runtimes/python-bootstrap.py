"""The platform's Python runtime: loads the handler and serves invocations over the Lambda Runtime API."""
import http.client
import importlib
import json
import logging
import os
import socket
import sys
import time
import traceback

API = os.environ["AWS_LAMBDA_RUNTIME_API"]
HOST, PORT = API.split(":")
BASE = "/2018-06-01/runtime"


class Connection:
    def __init__(self):
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        for attempt in (1, 2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(HOST, int(PORT))
                    self.conn.connect()
                    self.conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self.conn.request(method, BASE + path, body=body, headers=headers or {})
                response = self.conn.getresponse()
                return response, response.read()
            except (ConnectionError, http.client.HTTPException):
                self.conn = None
                if attempt == 2:
                    raise


API_CONN = Connection()
REQUEST_ID = {"value": ""}


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = REQUEST_ID["value"]
        return True


def configure_logging():
    handler = logging.StreamHandler(sys.stdout)
    handler.addFilter(RequestIdFilter())
    formatter = logging.Formatter(
        "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s",
        "%Y-%m-%dT%H:%M:%S")
    formatter.converter = time.gmtime
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(os.environ.get("AWS_LAMBDA_LOG_LEVEL", "INFO"))


class Context:
    def __init__(self, headers):
        self.aws_request_id = headers.get("Lambda-Runtime-Aws-Request-Id")
        self.invoked_function_arn = headers.get("Lambda-Runtime-Invoked-Function-Arn")
        self._deadline_ms = int(headers.get("Lambda-Runtime-Deadline-Ms", "0"))
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.identity = None
        client_context = headers.get("Lambda-Runtime-Client-Context")
        self.client_context = json.loads(client_context) if client_context else None

    def get_remaining_time_in_millis(self):
        return max(self._deadline_ms - int(time.time() * 1000), 0)


def error_body(exc, request_id=None):
    body = {
        "errorMessage": str(exc),
        "errorType": type(exc).__name__,
        "stackTrace": traceback.format_list(traceback.extract_tb(exc.__traceback__)),
    }
    if request_id:
        body["requestId"] = request_id
    return json.dumps(body).encode()


def load_handler():
    handler = os.environ["_HANDLER"]
    module_name, _, function_name = handler.rpartition(".")
    if not module_name:
        raise ValueError("Bad handler '%s': use module.function" % handler)
    sys.path.insert(0, os.environ["LAMBDA_TASK_ROOT"])
    try:
        module = importlib.import_module(module_name.replace("/", "."))
    except Exception as exc:
        exc.lambda_error_type = "Runtime.ImportModuleError"
        raise
    function = getattr(module, function_name, None)
    if function is None:
        error = AttributeError("Handler '%s' missing on module '%s'" % (function_name, module_name))
        error.lambda_error_type = "Runtime.HandlerNotFound"
        raise error
    return function


def main():
    sys.stdout.reconfigure(line_buffering=True)
    sys.stderr.reconfigure(line_buffering=True)
    configure_logging()
    try:
        handler = load_handler()
    except Exception as exc:
        error_type = getattr(exc, "lambda_error_type", "Runtime.UserCodeSyntaxError")
        sys.stdout.flush()
        API_CONN.request("POST", "/init/error", error_body(exc),
                         {"Lambda-Runtime-Function-Error-Type": error_type})
        sys.exit(1)
    while True:
        response, event_bytes = API_CONN.request("GET", "/invocation/next")
        headers = dict(response.getheaders())
        context = Context(headers)
        REQUEST_ID["value"] = context.aws_request_id
        try:
            event = json.loads(event_bytes) if event_bytes else {}
            result = handler(event, context)
            body = json.dumps(result).encode()
            sys.stdout.flush()
            API_CONN.request("POST", "/invocation/%s/response" % context.aws_request_id, body)
        except Exception as exc:
            sys.stdout.flush()
            API_CONN.request("POST", "/invocation/%s/error" % context.aws_request_id,
                             error_body(exc, context.aws_request_id),
                             {"Lambda-Runtime-Function-Error-Type": "Runtime.UserException"})


if __name__ == "__main__":
    main()

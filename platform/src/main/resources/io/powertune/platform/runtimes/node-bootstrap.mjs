// The platform's Node.js runtime: loads the handler and serves invocations over the Lambda Runtime API.
import http from "node:http";
import path from "node:path";
import fs from "node:fs";
import { pathToFileURL } from "node:url";

const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(":");
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const BASE = "/2018-06-01/runtime";
let currentRequestId = "";

function call(method, urlPath, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host, port, method, path: BASE + urlPath, agent, headers },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      });
    req.on("socket", (s) => s.setNoDelay(true));
    req.on("error", reject);
    req.end(body);
  });
}

for (const level of ["log", "info", "warn", "error", "debug"]) {
  const tag = level === "log" ? "INFO" : level.toUpperCase();
  const original = console[level].bind(console);
  console[level] = (...args) => {
    const text = args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ");
    original(`${new Date().toISOString()}\t${currentRequestId}\t${tag}\t${text}`);
  };
}

function errorBody(err) {
  return JSON.stringify({
    errorType: (err && err.name) || "Error",
    errorMessage: (err && err.message) || String(err),
    stackTrace: err && err.stack ? String(err.stack).split("\n") : [],
  });
}

async function loadHandler() {
  const handler = process.env._HANDLER;
  const dot = handler.lastIndexOf(".");
  const modulePath = handler.slice(0, dot);
  const name = handler.slice(dot + 1);
  const root = process.env.LAMBDA_TASK_ROOT;
  const file = [".js", ".mjs", ".cjs"].map((ext) => path.join(root, modulePath + ext)).find((f) => fs.existsSync(f));
  if (!file) {
    const err = new Error(`Cannot find module '${modulePath}'`);
    err.lambdaErrorType = "Runtime.ImportModuleError";
    throw err;
  }
  let mod;
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (err) {
    err.lambdaErrorType = "Runtime.ImportModuleError";
    throw err;
  }
  const fn = mod[name] ?? (mod.default && mod.default[name]);
  if (typeof fn !== "function") {
    const err = new Error(`${modulePath}.${name} is undefined or not exported`);
    err.lambdaErrorType = "Runtime.HandlerNotFound";
    throw err;
  }
  return fn;
}

function context(headers) {
  const deadline = Number(headers["lambda-runtime-deadline-ms"] || 0);
  const clientContext = headers["lambda-runtime-client-context"];
  return {
    awsRequestId: headers["lambda-runtime-aws-request-id"],
    invokedFunctionArn: headers["lambda-runtime-invoked-function-arn"],
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    clientContext: clientContext ? JSON.parse(clientContext) : undefined,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(deadline - Date.now(), 0),
  };
}

function invokeHandler(fn, event, ctx) {
  return new Promise((resolve, reject) => {
    const callback = (err, result) => (err ? reject(err) : resolve(result));
    try {
      const returned = fn(event, ctx, callback);
      if (returned && typeof returned.then === "function") {
        returned.then(resolve, reject);
      } else if (fn.length < 3) {
        resolve(returned);
      }
    } catch (err) {
      reject(err);
    }
  });
}

let handler;
try {
  handler = await loadHandler();
} catch (err) {
  await call("POST", "/init/error", errorBody(err), {
    "Lambda-Runtime-Function-Error-Type": err.lambdaErrorType || "Runtime.UserCodeSyntaxError",
  });
  process.exit(1);
}

for (;;) {
  const next = await call("GET", "/invocation/next");
  const ctx = context(next.headers);
  currentRequestId = ctx.awsRequestId;
  try {
    const text = next.body.toString("utf8");
    const result = await invokeHandler(handler, text ? JSON.parse(text) : {}, ctx);
    const body = result === undefined ? "null" : JSON.stringify(result);
    await call("POST", `/invocation/${ctx.awsRequestId}/response`, body);
  } catch (err) {
    await call("POST", `/invocation/${ctx.awsRequestId}/error`, errorBody(err), {
      "Lambda-Runtime-Function-Error-Type": "Runtime.UserException",
    });
  }
}

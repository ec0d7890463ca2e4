// A CPU-bound function: a fixed amount of hashing per invocation (see ../cpu-python).
// The payload may set the work: {"rounds": 1000} (SHA-256 over 64 KB).
import { createHash } from "node:crypto";

const BUFFER = Buffer.alloc(64 * 1024);

export const handler = async (event) => {
  const rounds = Number((event && event.rounds) ?? 1000);
  let digest = Buffer.alloc(0);
  for (let i = 0; i < rounds; i++) {
    digest = createHash("sha256").update(BUFFER).update(digest.subarray(0, 1)).digest();
  }
  return { rounds, digest: digest.toString("hex") };
};

package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A CPU-bound function: a fixed amount of hashing per invocation (see ../cpu-python). The payload
 * may set the work: {"rounds": 1000} (SHA-256 over 64 KB).
 */
public final class Cpu implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final byte[] BUFFER = new byte[64 * 1024];

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    int rounds = event != null && event.get("rounds") instanceof Number n ? n.intValue() : 1000;
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = new byte[1];
      for (int i = 0; i < rounds; i++) {
        sha.update(BUFFER);
        sha.update(digest, 0, 1);
        digest = sha.digest();
      }
      return Map.of("rounds", rounds, "digest", HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

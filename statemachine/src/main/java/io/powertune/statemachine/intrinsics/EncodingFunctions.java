package io.powertune.statemachine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** States.Base64Encode, States.Base64Decode and States.Hash. */
final class EncodingFunctions {

  /** The most characters States.Base64Encode, States.Base64Decode and States.Hash accept. */
  static final int MAX_INPUT_CHARACTERS = 10_000;

  /** The algorithms States.Hash accepts, named as Step Functions (and Java) name them. */
  static final List<String> HASH_ALGORITHMS =
      List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  private EncodingFunctions() {}

  /** States.Base64Encode(string): the Base64 encoding of the string's UTF-8 bytes. */
  static JsonNode base64Encode(Args args) {
    String text = limited(args, args.text(0, "the data"));
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return TextNode.valueOf(Base64.getEncoder().encodeToString(bytes));
  }

  /** States.Base64Decode(string): the UTF-8 text whose Base64 encoding the string is. */
  static JsonNode base64Decode(Args args) {
    String encoded = limited(args, args.text(0, "the Base64 data"));
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw args.fail("the data is not valid Base64: " + e.getMessage());
    }
    try {
      String decoded =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return TextNode.valueOf(decoded);
    } catch (CharacterCodingException e) {
      throw args.fail("the decoded data is not UTF-8 text");
    }
  }

  /**
   * States.Hash(data, algorithm): the lowercase hex digest of the data's UTF-8 bytes. A string is
   * hashed as it is; any other value as its compact JSON text.
   */
  static JsonNode hash(Args args) {
    JsonNode data = args.value(0);
    String text = limited(args, data.isTextual() ? data.textValue() : data.toString());
    String algorithm = args.text(1, "the algorithm");
    if (!HASH_ALGORITHMS.contains(algorithm)) {
      throw args.fail(
          "the algorithm '"
              + algorithm
              + "' is not supported; use one of "
              + String.join(", ", HASH_ALGORITHMS));
    }
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw args.fail("the algorithm " + algorithm + " is not available in this Java runtime");
    }
    byte[] hash = digest.digest(text.getBytes(StandardCharsets.UTF_8));
    return TextNode.valueOf(HexFormat.of().formatHex(hash));
  }

  private static String limited(Args args, String text) {
    int characters = text.codePointCount(0, text.length());
    if (characters > MAX_INPUT_CHARACTERS) {
      throw args.fail(
          "the input holds "
              + characters
              + " characters; at most "
              + MAX_INPUT_CHARACTERS
              + " are allowed");
    }
    return text;
  }
}

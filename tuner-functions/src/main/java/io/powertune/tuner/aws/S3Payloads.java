package io.powertune.tuner.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.tuner.TunerJson;
import io.powertune.tuner.input.S3Location;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Reads a payload from S3 ({@code payloadS3}), as the original does. */
public final class S3Payloads {

  private S3Payloads() {}

  /**
   * The object's content: its JSON when it parses, else its text.
   *
   * @throws InvalidInputException naming {@code payloadS3} when it cannot be read
   */
  public static JsonNode fetch(AwsClients clients, S3Location location) {
    String where = location.toString();
    try {
      byte[] bytes =
          clients
              .s3(clients.environment().region())
              .getObjectAsBytes(r -> r.bucket(location.bucket()).key(location.key()))
              .asByteArray();
      String text = new String(bytes, StandardCharsets.UTF_8);
      try {
        return TunerJson.MAPPER.readTree(text);
      } catch (Exception e) {
        return TextNode.valueOf(text);
      }
    } catch (NoSuchKeyException | NoSuchBucketException e) {
      throw new InvalidInputException(
          "payloadS3", "the object " + where + " does not exist; check the bucket and key");
    } catch (S3Exception e) {
      if (e.awsErrorDetails() != null && "AccessDenied".equals(e.awsErrorDetails().errorCode())) {
        throw new InvalidInputException(
            "payloadS3",
            "permission denied reading "
                + where
                + "; grant the tuner's functions s3:GetObject on it (the payloadS3Bucket and"
                + " payloadS3Key deployment parameters)");
      }
      if (e.statusCode() >= 500) {
        throw e; // S3 is having trouble: the step's retry may read it
      }
      throw unreadable(clients, where, e);
    } catch (SdkClientException e) {
      throw unreadable(clients, where, e);
    }
  }

  private static InvalidInputException unreadable(
      AwsClients clients, String where, SdkException e) {
    String endpoint =
        clients.environment().s3Endpoint() == null
            ? "AWS"
            : clients.environment().s3Endpoint().toString();
    return new InvalidInputException(
        "payloadS3",
        "cannot read "
            + where
            + " from "
            + endpoint
            + " ("
            + e.getMessage()
            + "); where no S3 is served (the embedded platform has none), give the payload"
            + " inline with payload instead");
  }
}

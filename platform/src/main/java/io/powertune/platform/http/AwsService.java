package io.powertune.platform.http;

/** One emulated AWS service: answers the requests routed to it, throwing typed errors. */
public interface AwsService {

  /** The SigV4 signing name ({@code lambda}, {@code logs}, {@code states}). */
  String signingName();

  /** True when this service answers the request (by path or by X-Amz-Target). */
  boolean accepts(String path, String target);

  /**
   * Answers a request.
   *
   * @throws AwsServiceException for errors AWS would return
   */
  AwsResponse handle(AwsRequest request);

  /** Writes an error in this service's protocol. */
  AwsResponse error(AwsServiceException error, String requestId);

  /** The largest request body this service reads (AWS's own request limit where it has one). */
  default int maxRequestBytes() {
    return 80 * 1024 * 1024;
  }
}

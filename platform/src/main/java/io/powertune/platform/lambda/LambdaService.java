package io.powertune.platform.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.platform.http.AwsRequest;
import io.powertune.platform.http.AwsResponse;
import io.powertune.platform.http.AwsService;
import io.powertune.platform.http.AwsServiceException;
import io.powertune.platform.http.JsonProtocol;
import io.powertune.platform.lambda.errors.InvalidRequestContentException;
import io.powertune.platform.lambda.errors.Validation;
import io.powertune.platform.lambda.invoke.Invoker;
import io.powertune.platform.lambda.model.FunctionKey;
import io.powertune.platform.lambda.model.FunctionRef;
import java.io.IOException;
import java.util.List;
import java.util.function.BiConsumer;

/** The Lambda API (rest-json): routes each method and path to its operation. */
public final class LambdaService implements AwsService {

  private static final List<String> VERSIONS =
      List.of("2015-03-31", "2017-10-31", "2019-09-30", "2016-08-19");

  private final FunctionOperations functionOps;
  private final VersionOperations versionOps;
  private final AliasOperations aliasOps;
  private final ConcurrencyOperations concurrencyOps;
  private final Invoker invoker;

  public LambdaService(
      Functions functions,
      CodePackages code,
      Invoker invoker,
      int accountLimit,
      BiConsumer<FunctionKey, String> retire) {
    this.versionOps = new VersionOperations(functions);
    this.functionOps = new FunctionOperations(functions, code, versionOps, retire);
    this.aliasOps = new AliasOperations(functions);
    this.concurrencyOps = new ConcurrencyOperations(functions, accountLimit);
    this.invoker = invoker;
  }

  @Override
  public String signingName() {
    return "lambda";
  }

  @Override
  public boolean accepts(String path, String target) {
    return VERSIONS.stream().anyMatch(v -> path.startsWith("/" + v + "/"));
  }

  @Override
  public AwsResponse error(AwsServiceException error, String requestId) {
    return RestJsonProtocol.error(error);
  }

  @Override
  public AwsResponse handle(AwsRequest r) {
    List<String> p = r.path();
    String m = r.method();
    if (p.size() == 2 && p.get(1).equals("account-settings") && m.equals("GET")) {
      return ok(concurrencyOps.accountSettings(r.account(), r.region()));
    }
    if (p.size() < 2 || !p.get(1).equals("functions")) {
      throw unknown(r);
    }
    if (p.size() == 2) {
      return switch (m) {
        case "POST" ->
            RestJsonProtocol.ok(201, functionOps.create(r.account(), r.region(), body(r)));
        case "GET" ->
            ok(
                functionOps.list(
                    r.account(),
                    r.region(),
                    listedVersions(r.query()),
                    r.query().get("Marker"),
                    Paging.maxItems(r.query().get("MaxItems"))));
        default -> throw notAllowed(r);
      };
    }
    FunctionRef ref =
        FunctionRef.parse(p.get(2), r.query().get("Qualifier"), r.region(), r.account());
    String resource = p.size() > 3 ? p.get(3) : "";
    return switch (resource + " " + m + " " + p.size()) {
      case " GET 3" -> ok(functionOps.get(ref));
      case " DELETE 3" -> deleted(() -> functionOps.delete(ref));
      case "configuration GET 4" -> ok(functionOps.getConfiguration(ref));
      case "configuration PUT 4" -> ok(functionOps.updateConfiguration(ref, body(r)));
      case "code PUT 4" -> ok(functionOps.updateCode(ref, body(r)));
      case "versions POST 4" -> RestJsonProtocol.ok(201, versionOps.publish(ref, body(r)));
      case "versions GET 4" ->
          ok(
              versionOps.list(
                  ref, r.query().get("Marker"), Paging.maxItems(r.query().get("MaxItems"))));
      case "aliases POST 4" -> RestJsonProtocol.ok(201, aliasOps.create(ref, body(r)));
      case "aliases GET 4" ->
          ok(
              aliasOps.list(
                  ref,
                  r.query().get("FunctionVersion"),
                  r.query().get("Marker"),
                  Paging.maxItems(r.query().get("MaxItems"))));
      case "aliases GET 5" -> ok(aliasOps.get(ref, p.get(4)));
      case "aliases PUT 5" -> ok(aliasOps.update(ref, p.get(4), body(r)));
      case "aliases DELETE 5" -> deleted(() -> aliasOps.delete(ref, p.get(4)));
      case "invocations POST 4" -> invoker.invoke(ref, r);
      case "concurrency PUT 4" -> ok(concurrencyOps.put(ref, body(r)));
      case "concurrency GET 4" -> ok(concurrencyOps.get(ref));
      case "concurrency DELETE 4" -> deleted(() -> concurrencyOps.delete(ref));
      default -> throw RESOURCES.contains(resource + " " + p.size()) ? notAllowed(r) : unknown(r);
    };
  }

  private static AwsResponse ok(JsonNode body) {
    return RestJsonProtocol.ok(200, body);
  }

  private static AwsResponse deleted(Runnable action) {
    action.run();
    return AwsResponse.empty(204);
  }

  private static JsonNode body(AwsRequest r) {
    if (r.body().length == 0) {
      return JsonProtocol.MAPPER.createObjectNode();
    }
    try {
      return JsonProtocol.MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new InvalidRequestContentException(
          "Could not parse request body into json: " + e.getMessage());
    }
  }

  /** The paths Lambda serves (resource and segment count), whatever the method. */
  private static final java.util.Set<String> RESOURCES =
      java.util.Set.of(
          " 3",
          "configuration 4",
          "code 4",
          "versions 4",
          "aliases 4",
          "aliases 5",
          "invocations 4",
          "concurrency 4");

  /** ListFunctions' FunctionVersion (only ALL) and MasterRegion (a region, or ALL). */
  private static String listedVersions(java.util.Map<String, String> query) {
    String version = query.get("FunctionVersion");
    if (version != null && !version.equals("ALL")) {
      throw Validation.enumValue("functionVersion", version, "ALL");
    }
    String master = query.get("MasterRegion");
    if (master != null && !master.matches("ALL|[a-z]{2}(-gov)?-[a-z]+-\\d{1}")) {
      throw Validation.pattern("masterRegion", master, "ALL|[a-z]{2}(-gov)?-[a-z]+-\\d{1}");
    }
    return version;
  }

  /** A path Lambda serves, with a method it does not take there: 405. */
  private static AwsServiceException notAllowed(AwsRequest r) {
    return new AwsServiceException(
        "MethodNotAllowedException",
        405,
        "Lambda does not take " + r.method() + " at /" + String.join("/", r.path()),
        AwsServiceException.MessageKey.UPPER);
  }

  private static AwsServiceException unknown(AwsRequest r) {
    return new AwsServiceException(
        "UnknownOperationException",
        404,
        "No Lambda operation at " + r.method() + " /" + String.join("/", r.path()),
        AwsServiceException.MessageKey.UPPER);
  }
}

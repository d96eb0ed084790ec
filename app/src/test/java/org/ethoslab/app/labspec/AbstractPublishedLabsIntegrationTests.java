package org.ethoslab.app.labspec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ethoslab.app.runnerapi.RunnerRegistry;
import org.ethoslab.contract.ContractJson;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.contract.lab.LabSpec.ParamSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code PUT /api/runner/v1/labs} over real HTTP and the catalog it feeds, on each database (the upsert is one MERGE
 * statement, which each database must accept): a runner token is required, every spec is validated and a bad one
 * stores nothing, publishing the same specs again changes nothing, and the catalog answers the newest version.
 */
abstract class AbstractPublishedLabsIntegrationTests {

  @LocalServerPort
  int port;
  @Autowired
  RunnerRegistry registry;
  @Autowired
  PublishedLabs labs;
  @Autowired
  JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  private String runnerName;
  private String token;
  private String labId;

  @BeforeEach
  void aRunnerAndALabOfItsOwn() {
    runnerName = "spec-runner-" + System.nanoTime();
    token = registry.register(runnerName).token();
    labId = "test-lab-" + System.nanoTime();
  }

  @Test
  void theAppPublishedTheLabsOfItsLabsJarAtStart() {
    assertThat(labs.find("w2s")).as("published from ../labs/target/labs.jar").get()
        .satisfies(w2s -> {
          assertThat(w2s.version()).isEqualTo("2");
          assertThat(w2s.hook("SoftVote")).get()
              .satisfies(h -> assertThat(h.interfaceName()).isEqualTo("org.ethoslab.hooks.w2s.Voting"));
        });
    assertThat(labs.find("mergealign")).isPresent();
    assertThat(labs.find("prefopt")).isPresent();
    assertThat(jdbc.queryForObject("select published_by from published_lab_spec where lab_id = 'w2s' and version = '2'",
        String.class)).isEqualTo(LocalLabsPublisher.PUBLISHER);
    assertThat(labs.knownLabs().knows("w2s")).isTrue();
    assertThat(labs.knownLabs().knows("w3s")).isFalse();
  }

  @Test
  void onlyRegisteredRunnersMayPublish() throws Exception {
    String body = body(spec(labId, "1", "Title"));
    HttpResponse<String> missing = put(null, body);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(ContractJson.MAPPER.readTree(missing.body()).get("error").asText()).contains("runner token required");
    assertThat(put("elr_not-a-real-token", body).statusCode()).isEqualTo(401);
    assertThat(rows(labId)).isZero();
  }

  @Test
  void aBadSpecIsRefusedNamingItsFieldAndNothingOfThePublicationIsStored() throws Exception {
    LabSpec good = spec(labId, "1", "Good");
    LabSpec bad = withParams(spec(labId, "2", "Bad"), new ParamSpec("alpha", "double", 2.0, 1.0, null, 1.5, "h"));

    HttpResponse<String> refused = put(token, body(good, bad));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(error(refused)).startsWith("labs[1].params[0].max: must not be below min (2 > 1)")
        .contains("lab " + labId + "@2");
    assertThat(rows(labId)).as("the good spec of the same body is not stored either").isZero();
    assertThat(labs.find(labId)).isEmpty();

    HttpResponse<String> notJson = put(token, "[{\"id\":");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(error(notJson)).startsWith("body: not");
    HttpResponse<String> notAnArray = put(token, "{\"id\":\"x\"}");
    assertThat(notAnArray.statusCode()).isEqualTo(400);
    assertThat(error(notAnArray)).startsWith("body: not a valid array of LabSpec");
    HttpResponse<String> tooLarge = put(token, "[" + " ".repeat(1024 * 1024) + "]");
    assertThat(tooLarge.statusCode()).isEqualTo(400);
    assertThat(error(tooLarge)).startsWith("body: ").contains("bytes of lab specs, the limit is 1048576");
  }

  @Test
  void publishingTheSameSpecsAgainChangesNothingAndAChangedSpecReplacesTheRow() throws Exception {
    LabSpec first = spec(labId, "1", "First title");

    JsonNode created = ContractJson.MAPPER.readTree(put(token, body(first)).body());
    assertThat(created.get("published").asInt()).isEqualTo(1);
    assertThat(created.get("changed").asInt()).isEqualTo(1);
    assertThat(created.get("labs").get(0).asText()).isEqualTo(labId + "@1");
    Map<String, Object> row = row(labId, "1");

    HttpResponse<String> again = put(token, body(first));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(ContractJson.MAPPER.readTree(again.body()).get("changed").asInt()).isZero();
    assertThat(row(labId, "1")).as("not even published_at moves").isEqualTo(row);
    assertThat(rows(labId)).isEqualTo(1);

    String other = "spec-runner-b-" + System.nanoTime();
    String otherToken = registry.register(other).token();
    JsonNode changed = ContractJson.MAPPER.readTree(put(otherToken, body(spec(labId, "1", "New title"))).body());
    assertThat(changed.get("changed").asInt()).isEqualTo(1);
    assertThat(rows(labId)).isEqualTo(1);
    assertThat(row(labId, "1").get("published_by")).isEqualTo(other);
    assertThat(labs.find(labId)).get().extracting(LabSpec::title).isEqualTo("New title");
  }

  @Test
  void theCatalogAnswersTheNewestVersionComparedAsNumbers() throws Exception {
    assertThat(put(token, body(spec(labId, "9", "Nine"))).statusCode()).isEqualTo(200);
    assertThat(labs.find(labId)).get().extracting(LabSpec::version).as("seen at once: the cache is refreshed")
        .isEqualTo("9");

    assertThat(put(token, body(spec(labId, "10", "Ten"), spec(labId, "2", "Two"))).statusCode()).isEqualTo(200);

    assertThat(labs.find(labId)).get().satisfies(newest -> {
      assertThat(newest.version()).isEqualTo("10");
      assertThat(newest.title()).isEqualTo("Ten");
    });
    assertThat(labs.all()).filteredOn(s -> s.id().equals(labId)).singleElement()
        .extracting(LabSpec::version).isEqualTo("10");
    assertThat(rows(labId)).isEqualTo(3);
    assertThat(labs.knownLabs().knows(labId)).isTrue();
  }

  static LabSpec spec(String id, String version, String title) {
    LabSpec base = LabSpecValidatorTests.valid();
    return new LabSpec(id, version, title, base.summary(), base.computeTier(), base.limits(), base.params(),
        base.hooks(), base.checks());
  }

  private static LabSpec withParams(LabSpec s, ParamSpec... params) {
    return new LabSpec(s.id(), s.version(), s.title(), s.summary(), s.computeTier(), s.limits(), List.of(params),
        s.hooks(), s.checks());
  }

  private static String body(LabSpec... specs) throws IOException {
    return ContractJson.MAPPER.writeValueAsString(List.of(specs));
  }

  private long rows(String lab) {
    return jdbc.queryForObject("select count(*) from published_lab_spec where lab_id = ?", Long.class, lab);
  }

  private Map<String, Object> row(String lab, String version) {
    return jdbc.queryForMap("select spec, published_at, published_by from published_lab_spec"
        + " where lab_id = ? and version = ?", lab, version);
  }

  private static String error(HttpResponse<String> response) throws IOException {
    return ContractJson.MAPPER.readTree(response.body()).get("error").asText();
  }

  private HttpResponse<String> put(String bearer, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/runner/v1/labs"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

package io.github.openaispring.parity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.openaispring.client.OpenAI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Wire parity with the official OpenAI TypeScript SDK (the Python SDK's twin, from the same
 * generator): the SDK makes each case's calls against a local recorder ({@code node record.mjs}),
 * this client makes the same calls against WireMock serving the same responses, and the requests
 * are compared call by call. A difference fails the case unless {@code src/test/parity/allowlist.tsv}
 * accepts it with a reason; an allow-list entry that accepts nothing fails the suite, and so does
 * a generated operation that no case exercises. See {@code src/test/parity/README.md}.
 */
class ParityTests {

	static final String API_KEY = "sk-parity-0123456789";

	static final String ORGANIZATION = "org-parity";

	static final String PROJECT = "proj-parity";

	private static final Path ALLOW_LIST = SdkRecording.PARITY_DIR.resolve("allowlist.tsv");

	private static final String NOT_COVERED = "not covered";

	private static WireMockServer wireMock;

	private static OpenAI client;

	private static final Coverage coverage = new Coverage();

	@AfterAll
	static void stop() {
		if (client != null) {
			client.close();
		}
		if (wireMock != null) {
			wireMock.stop();
		}
	}

	@TestFactory
	Stream<DynamicNode> parity() {
		String unavailable = SdkRecording.unavailable();
		if (unavailable != null) {
			if ("1".equals(System.getenv("CI_REQUIRE_PARITY"))) {
				fail("CI_REQUIRE_PARITY=1 but the parity suite cannot run: " + unavailable);
			}
			String reason = "Wire parity with the official SDK skipped: " + unavailable;
			System.err.println(ParityTests.class.getSimpleName() + ": " + reason);
			return Stream.of(DynamicTest.dynamicTest("wire parity with the official SDK", () -> Assumptions.abort(reason)));
		}
		List<SdkRecording.RecordedCase> recorded = SdkRecording.record(Path.of("target/parity/sdk.json"));
		AllowList allowList = AllowList.read(ALLOW_LIST);
		Map<String, ParityCase> javaCases = new LinkedHashMap<>();
		Map<String, String> javaGroups = new LinkedHashMap<>();
		for (ParityGroup group : ParityGroups.ALL) {
			for (ParityCase parityCase : group.cases()) {
				assertThat(javaCases.put(parityCase.id(), parityCase)).as("Java case id %s twice", parityCase.id())
					.isNull();
				javaGroups.put(parityCase.id(), group.name());
			}
		}
		wireMock = new WireMockServer(options().dynamicPort());
		wireMock.start();
		client = OpenAI.builder()
			.baseUrl(wireMock.baseUrl() + "/v1")
			.apiKey(API_KEY)
			.organization(ORGANIZATION)
			.project(PROJECT)
			.maxRetries(0)
			.timeout(Duration.ofSeconds(30))
			.exchangeListener(coverage)
			.build();
		List<DynamicNode> tests = new ArrayList<>();
		tests.add(DynamicTest.dynamicTest("the same case ids, in the same groups, on both sides",
				() -> sameIds(recorded, javaGroups)));
		for (SdkRecording.RecordedCase sdkCase : recorded) {
			tests.add(DynamicTest.dynamicTest(sdkCase.id(), () -> run(sdkCase, javaCases.get(sdkCase.id()), allowList)));
		}
		Coverage.Manifest manifest = Coverage.Manifest.read();
		boolean coverageChecked = manifest.scope().equals("seed");
		tests.add(DynamicTest.dynamicTest("every generated operation is exercised by a case", () -> {
			Assumptions.assumeTrue(coverageChecked, "the cases cover the default scope; this build generated "
					+ manifest.scope() + " (-Dopenai.generate.all=true)");
			covered(manifest, allowList);
		}));
		tests.add(DynamicTest.dynamicTest("every allow-list entry accepts a difference",
				() -> noStaleEntries(allowList, coverageChecked)));
		return tests.stream();
	}

	private static void sameIds(List<SdkRecording.RecordedCase> recorded, Map<String, String> javaGroups) {
		List<String> problems = new ArrayList<>();
		Set<String> sdkIds = new TreeSet<>();
		for (SdkRecording.RecordedCase sdkCase : recorded) {
			sdkIds.add(sdkCase.id());
			String javaGroup = javaGroups.get(sdkCase.id());
			if (javaGroup == null) {
				problems.add(sdkCase.id() + ": in cases/" + sdkCase.group() + ".mjs only; add it to the Java group");
			}
			else if (!javaGroup.equals(sdkCase.group())) {
				problems.add(sdkCase.id() + ": group " + sdkCase.group() + " in the SDK's cases, " + javaGroup + " in Java");
			}
		}
		for (Map.Entry<String, String> entry : javaGroups.entrySet()) {
			if (!sdkIds.contains(entry.getKey())) {
				problems.add(entry.getKey() + ": in the Java group " + entry.getValue() + " only; add it to cases/"
						+ entry.getValue() + ".mjs");
			}
		}
		if (!problems.isEmpty()) {
			fail("Cases on one side only:\n  " + String.join("\n  ", problems));
		}
	}

	private static void run(SdkRecording.RecordedCase sdkCase, ParityCase javaCase, AllowList allowList) {
		if (sdkCase.error() != null) {
			fail("The official SDK's side of " + sdkCase.id() + " failed; fix the case:\n" + sdkCase.error());
		}
		if (javaCase == null) {
			fail("No Java case " + sdkCase.id());
		}
		wireMock.resetAll();
		List<SdkRecording.CannedResponse> responses = sdkCase.responses();
		for (int i = 0; i <= responses.size(); i++) {
			String state = (i == 0) ? Scenario.STARTED : "response " + i;
			ResponseDefinitionBuilder answer;
			if (i < responses.size()) {
				SdkRecording.CannedResponse response = responses.get(i);
				answer = aResponse().withStatus(response.status()).withBody(response.body());
				response.headers().forEach(answer::withHeader);
			}
			else {
				answer = aResponse().withStatus(599)
					.withHeader("content-type", "application/json")
					.withBody("{\"error\":{\"message\":\"parity: no canned response #" + i + "\"}}");
			}
			wireMock.stubFor(any(anyUrl()).inScenario(sdkCase.id())
				.whenScenarioStateIs(state)
				.willSetStateTo("response " + (i + 1))
				.willReturn(answer));
		}
		List<Difference> differences = new ArrayList<>();
		Throwable failure = null;
		try {
			javaCase.call().accept(client);
		}
		catch (Throwable ex) {
			failure = ex;
		}
		List<ServeEvent> served = new ArrayList<>(wireMock.getAllServeEvents());
		Collections.reverse(served);
		List<WireRequest> clientRequests = served.stream()
			.map((event) -> WireRequest.fromWireMock(event.getRequest()))
			.toList();
		differences.addAll(WireComparison.compare(sdkCase.requests(), clientRequests));
		if (failure != null) {
			differences.add(new Difference(clientRequests.size(), "call", "the client's call failed: " + failure));
		}
		report(sdkCase.id(), differences, allowList, failure);
	}

	private static void report(String id, List<Difference> differences, AllowList allowList, Throwable failure) {
		List<String> accepted = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		for (Difference difference : differences) {
			AllowList.Entry entry = allowList.accept(id, difference.what());
			if (entry != null) {
				accepted.add(difference + "  [allow-list line " + entry.line() + "]");
			}
			else {
				refused.add(difference.toString());
			}
		}
		if (!refused.isEmpty()) {
			StringBuilder message = new StringBuilder();
			message.append(id).append(": ").append(refused.size()).append(" difference(s) from the official SDK")
				.append(" not in ").append(ALLOW_LIST).append(":\n  ")
				.append(String.join("\n  ", refused));
			if (!accepted.isEmpty()) {
				message.append("\nand ").append(accepted.size()).append(" allow-listed:\n  ")
					.append(String.join("\n  ", accepted));
			}
			AssertionError error = new AssertionError(message.toString());
			if (failure != null) {
				error.initCause(failure);
			}
			throw error;
		}
	}

	private static void covered(Coverage.Manifest manifest, AllowList allowList) {
		Set<String> exercised = coverage.exercised();
		List<String> missing = new ArrayList<>();
		for (String item : manifest.items()) {
			if (!exercised.contains(item) && allowList.accept(item, NOT_COVERED) == null) {
				missing.add(item);
			}
		}
		if (!missing.isEmpty()) {
			fail(missing.size() + " of the " + manifest.items().size()
					+ " generated operations (and streamed forms) are exercised by no parity case:\n  "
					+ String.join("\n  ", missing));
		}
	}

	private static void noStaleEntries(AllowList allowList, boolean coverageChecked) {
		List<String> stale = allowList.unused()
			.stream()
			.filter((entry) -> coverageChecked || !entry.whatGlob().equals(NOT_COVERED))
			.map(AllowList.Entry::toString)
			.toList();
		if (!stale.isEmpty()) {
			fail("Allow-list entries that accepted no difference (the difference is gone, or the entry is wrong); "
					+ "remove or fix them in " + ALLOW_LIST + ":\n  " + String.join("\n  ", stale));
		}
	}

}

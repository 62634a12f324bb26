package io.github.openaispring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.github.openaispring.client.OpenAI;
import io.github.openaispring.errors.APIConnectionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code openai.ssl.bundle} against a real TLS server that trusts only a private CA and requires
 * a client certificate (mutual TLS). The CA and the certificates are made in the test with the
 * JDK's {@code keytool}: the CA signs the server's certificate ({@code localhost}) and two client
 * certificates; each client bundle trusts the CA and holds one client key.
 */
class OpenAISslBundleTests {

	private static final String PASSWORD = "secret";

	private static final String MODEL = "{\"id\":\"gpt-4o\",\"object\":\"model\",\"created\":1,\"owned_by\":\"openai\"}";

	@TempDir
	static Path certificates;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer(FakeEnvironment.empty())
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, OpenAIAutoConfiguration.class))
		.withPropertyValues(bundle("company"))
		.withPropertyValues(bundle("internal"));

	private HttpsServer server;

	/** The subject of each client certificate the server was shown, in order. */
	private final List<String> clientCertificates = new ArrayList<>();

	private final Map<String, String> headers = new ConcurrentHashMap<>();

	@BeforeAll
	static void makeCertificates() throws Exception {
		keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Test CA",
				"-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12");
		keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.crt");
		keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.crt", "-keystore", "trust.p12");
		signed("server", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
		signed("company", "CN=company-client", null);
		signed("internal", "CN=internal-client", null);
	}

	/** A key pair in {@code <name>.p12} whose certificate the CA signed, with the chain. */
	private static void signed(String name, String subject, String extension) throws Exception {
		keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", subject,
				"-validity", "2", "-keystore", name + ".p12");
		keytool("-certreq", "-alias", name, "-keystore", name + ".p12", "-file", name + ".csr");
		List<String> sign = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12",
				"-infile", name + ".csr", "-outfile", name + ".crt", "-validity", "2"));
		if (extension != null) {
			sign.addAll(List.of("-ext", extension));
		}
		keytool(sign.toArray(String[]::new));
		keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.crt", "-keystore", name + ".p12");
		keytool("-importcert", "-noprompt", "-alias", name, "-file", name + ".crt", "-keystore", name + ".p12");
	}

	private static void keytool(String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
		Process process = new ProcessBuilder(command).directory(certificates.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("keytool %s: %s", arguments[0], output).isZero();
	}

	/** A Spring Boot SSL bundle of one client key and the CA's trust store. */
	private static String[] bundle(String name) {
		String prefix = "spring.ssl.bundle.jks." + name + ".";
		return new String[] { prefix + "keystore.location=file:" + certificates.resolve(name + ".p12"),
				prefix + "keystore.password=" + PASSWORD, prefix + "keystore.type=PKCS12",
				prefix + "truststore.location=file:" + certificates.resolve("trust.p12"),
				prefix + "truststore.password=" + PASSWORD, prefix + "truststore.type=PKCS12" };
	}

	@BeforeEach
	void startServer() throws Exception {
		SSLContext tls = SSLContext.getInstance("TLS");
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(keyStore("server.p12"), PASSWORD.toCharArray());
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(keyStore("trust.p12"));
		tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
		this.server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setHttpsConfigurator(new HttpsConfigurator(tls) {
			@Override
			public void configure(HttpsParameters parameters) {
				SSLParameters ssl = tls.getDefaultSSLParameters();
				ssl.setNeedClientAuth(true);
				parameters.setSSLParameters(ssl);
			}
		});
		this.server.createContext("/v1/models/gpt-4o", (exchange) -> {
			this.clientCertificates.add(((HttpsExchange) exchange).getSSLSession().getPeerPrincipal().getName());
			exchange.getRequestHeaders().forEach((name, values) -> this.headers.put(name.toLowerCase(), values.get(0)));
			byte[] body = MODEL.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	private static KeyStore keyStore(String file) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(certificates.resolve(file))) {
			store.load(in, PASSWORD.toCharArray());
		}
		return store;
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	private String baseUrl() {
		return "https://localhost:" + this.server.getAddress().getPort() + "/v1";
	}

	@Test
	void theBundleTrustsThePrivateCaAndPresentsTheClientCertificate() {
		this.contextRunner
			.withPropertyValues("openai.base-url=" + baseUrl(), "openai.api-key=sk-test", "openai.ssl.bundle=company")
			.run((context) -> {
				assertThat(context.getBean(OpenAI.class).models().retrieve("gpt-4o").id()).isEqualTo("gpt-4o");
				assertThat(context.getBean(OpenAI.class).async().models().retrieve("gpt-4o").block().id())
					.isEqualTo("gpt-4o");
			});
		assertThat(this.clientCertificates).containsExactly("CN=company-client", "CN=company-client");
	}

	@Test
	void withoutTheBundleTheHandshakeFails() {
		this.contextRunner.withPropertyValues("openai.base-url=" + baseUrl(), "openai.api-key=sk-test",
				"openai.max-retries=0")
			.run((context) -> assertThatExceptionOfType(APIConnectionException.class)
				.isThrownBy(() -> context.getBean(OpenAI.class).models().retrieve("gpt-4o")));
		assertThat(this.clientCertificates).isEmpty();
	}

	@Test
	void aNamedClientConnectsWithItsOwnBundleAndInheritsTheDefaultOne() {
		this.contextRunner
			.withPropertyValues("openai.base-url=" + baseUrl(), "openai.api-key=sk-test", "openai.ssl.bundle=company",
					"openai.clients.internal.base-url=" + baseUrl(), "openai.clients.internal.ssl.bundle=internal",
					"openai.clients.inherits.base-url=" + baseUrl())
			.run((context) -> {
				context.getBean("internalOpenAI", OpenAI.class).models().retrieve("gpt-4o");
				context.getBean("inheritsOpenAI", OpenAI.class).models().retrieve("gpt-4o");
			});
		assertThat(this.clientCertificates).containsExactly("CN=internal-client", "CN=company-client");
	}

	@Test
	void anUnknownBundleFailsStartUpNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("openai.base-url=" + baseUrl(), "openai.api-key=sk-test", "openai.ssl.bundle=missing")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining(
						"openai.ssl.bundle names 'missing', which is not an SSL bundle (spring.ssl.bundle.*)"));
	}

	@Test
	void httpClientCustomizerBeansApplyToTheClientsConnector() {
		this.contextRunner
			.withPropertyValues("openai.base-url=" + baseUrl(), "openai.api-key=sk-test", "openai.ssl.bundle=company")
			.withBean(OpenAIHttpClientCustomizer.class,
					() -> (httpClient) -> httpClient.headers((headers) -> headers.set("x-from-customizer", "yes")))
			.run((context) -> context.getBean(OpenAI.class).models().retrieve("gpt-4o"));
		assertThat(this.headers).containsEntry("x-from-customizer", "yes");
	}

}

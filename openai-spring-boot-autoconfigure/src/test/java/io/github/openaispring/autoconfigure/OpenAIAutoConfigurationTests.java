package io.github.openaispring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.openaispring.client.AsyncOpenAI;
import io.github.openaispring.client.ClientOptions;
import io.github.openaispring.client.InvalidBaseUrlException;
import io.github.openaispring.client.MissingApiKeyException;
import io.github.openaispring.client.OpenAI;
import io.github.openaispring.core.http.OpenAIRetryPolicy;
import io.github.openaispring.core.http.RetryPolicyFactory;
import io.github.openaispring.errors.APIConnectionException;
import io.github.openaispring.errors.APIResponseValidationException;
import io.github.openaispring.errors.InternalServerException;
import io.github.openaispring.services.blocking.ChatService;
import io.github.openaispring.services.blocking.ModelService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OpenAIAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer(FakeEnvironment.empty())
		.withConfiguration(AutoConfigurations.of(OpenAIAutoConfiguration.class, OpenAIResourcesAutoConfiguration.class));

	private WireMockServer server;

	@BeforeEach
	void startServer() {
		this.server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop();
	}

	private String baseUrl() {
		return this.server.baseUrl() + "/v1";
	}

	@Test
	void createsClientsWithDefaultsFromAKey() {
		this.contextRunner.withPropertyValues("openai.api-key=sk-test").run((context) -> {
			assertThat(context).hasSingleBean(OpenAI.class).hasSingleBean(AsyncOpenAI.class).hasBean("openAI");
			ClientOptions options = context.getBean(OpenAI.class).options();
			assertThat(options.baseUrl()).isEqualTo("https://api.openai.com/v1");
			assertThat(options.apiKey()).isEqualTo("sk-test");
			assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(10));
			assertThat(options.streamIdleTimeout()).isEqualTo(Duration.ofMinutes(10));
			assertThat(options.maxRetries()).isEqualTo(2);
			assertThat(options.retry()).isEqualTo(ClientOptions.RetrySettings.DEFAULTS);
			assertThat(options.organization()).isNull();
		});
	}

	@Test
	void asyncClientIsTheViewOfTheOneClient() {
		this.contextRunner.withPropertyValues("openai.api-key=sk-test").run((context) -> {
			OpenAI client = context.getBean(OpenAI.class);
			assertThat(context.getBean(AsyncOpenAI.class)).isSameAs(client.async());
		});
	}

	@Test
	void appliesEveryClientProperty() {
		this.contextRunner
			.withPropertyValues("openai.api-key=sk-test", "openai.base-url=" + baseUrl(), "openai.organization=org-1",
					"openai.project=proj-1", "openai.websocket-base-url=wss://ws.example.com/v1",
					"openai.timeout=20s", "openai.stream-idle-timeout=30s", "openai.max-retries=5",
					"openai.retry.initial-backoff=100ms", "openai.retry.max-backoff=2s",
					"openai.retry.retry-after-cap=10s", "openai.default-headers.X-Team=search")
			.run((context) -> {
				ClientOptions options = context.getBean(OpenAI.class).options();
				assertThat(options.baseUrl()).isEqualTo(baseUrl());
				assertThat(options.organization()).isEqualTo("org-1");
				assertThat(options.project()).isEqualTo("proj-1");
				assertThat(options.websocketBaseUrl()).isEqualTo("wss://ws.example.com/v1");
				assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(20));
				assertThat(options.streamIdleTimeout()).isEqualTo(Duration.ofSeconds(30));
				assertThat(options.maxRetries()).isEqualTo(5);
				assertThat(options.retry()).isEqualTo(new ClientOptions.RetrySettings(Duration.ofMillis(100),
						Duration.ofSeconds(2), Duration.ofSeconds(10)));
				assertThat(options.defaultHeaders()).containsEntry("X-Team", List.of("search"));
			});
	}

	@Test
	void sendsTheConfiguredCredentialsAndHeaders() {
		this.server.stubFor(get("/v1/models").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"object\":\"list\",\"data\":[]}")));
		this.contextRunner
			.withPropertyValues("openai.api-key=sk-test", "openai.base-url=" + baseUrl(), "openai.organization=org-1",
					"openai.project=proj-1", "openai.default-headers.X-Team=search")
			.run((context) -> {
				context.getBean(ModelService.class).list();
				this.server.verify(getRequestedFor(urlPathEqualTo("/v1/models"))
					.withHeader("Authorization", equalTo("Bearer sk-test"))
					.withHeader("OpenAI-Organization", equalTo("org-1"))
					.withHeader("OpenAI-Project", equalTo("proj-1"))
					.withHeader("X-Team", equalTo("search")));
			});
	}

	@Test
	void limitsTheBodyReadIntoMemory() {
		String models = "{\"object\":\"list\",\"data\":[" + "{\"id\":\"gpt-4o\",\"object\":\"model\",\"created\":1,\"owned_by\":\"openai\"},".repeat(40)
				+ "{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"created\":1,\"owned_by\":\"openai\"}]}";
		this.server.stubFor(get("/v1/models").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody(models)));
		this.contextRunner
			.withPropertyValues("openai.api-key=sk-test", "openai.base-url=" + baseUrl(), "openai.max-in-memory-size=1KB",
					"openai.clients.big.max-in-memory-size=64KB", "openai.clients.small.max-retries=0")
			.run((context) -> {
				assertThatExceptionOfType(APIResponseValidationException.class)
					.isThrownBy(() -> context.getBean(OpenAI.class).models().list())
					.withMessageContaining("in-memory limit of 1024 bytes");
				assertThatExceptionOfType(APIResponseValidationException.class)
					.isThrownBy(() -> context.getBean("smallOpenAI", OpenAI.class).models().list());
				assertThat(context.getBean("bigOpenAI", OpenAI.class).models().list().data()).hasSize(41);
			});
	}

	@Test
	void maxInMemorySizeMustFitTheClient() {
		this.contextRunner.withPropertyValues("openai.api-key=sk-test", "openai.max-in-memory-size=3GB")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("openai.max-in-memory-size must be more than 0 B and less than 2 GB"));
	}

	@Test
	void retriesWithTheDefaultPolicyBean() {
		this.server.stubFor(get("/v1/models").willReturn(aResponse().withStatus(503)));
		this.contextRunner
			.withPropertyValues("openai.api-key=sk-test", "openai.base-url=" + baseUrl(), "openai.max-retries=2",
					"openai.retry.initial-backoff=1ms", "openai.retry.max-backoff=1ms")
			.run((context) -> {
				assertThat(context).hasSingleBean(RetryPolicyFactory.class);
				assertThatThrownBy(() -> context.getBean(ModelService.class).list())
					.isInstanceOf(InternalServerException.class);
				this.server.verify(3, getRequestedFor(urlPathEqualTo("/v1/models")));
			});
	}

	@Test
	void retriesWithTheApplicationsPolicyBean() {
		this.server.stubFor(get("/v1/models").willReturn(aResponse().withStatus(503)));
		this.contextRunner
			.withPropertyValues("openai.api-key=sk-test", "openai.base-url=" + baseUrl(), "openai.max-retries=2")
			.withBean(RetryPolicyFactory.class, () -> (maxRetries, settings) -> new OpenAIRetryPolicy(0, settings))
			.run((context) -> {
				assertThatThrownBy(() -> context.getBean(ModelService.class).list())
					.isInstanceOf(InternalServerException.class);
				this.server.verify(1, getRequestedFor(urlPathEqualTo("/v1/models")));
			});
	}

	@Test
	void keyIsOptionalForAnotherServer() {
		this.contextRunner.withPropertyValues("openai.base-url=http://localhost:11434/v1").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(OpenAI.class);
			assertThat(context.getBean(OpenAI.class).options().apiKey()).isNull();
			assertThat(context.getBean(OpenAI.class).authHeaders()).doesNotContainKey("Authorization");
		});
	}

	@Test
	void missingKeyForOpenAIFailsWithAnAnalysisNamingPropertyAndVariable() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MissingApiKeyException.class);
			FailureAnalysis analysis = new MissingApiKeyFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.isEqualTo("The OpenAI client 'default' has no API key, and one is required for its base URL "
						+ "https://api.openai.com/v1.");
			assertThat(analysis.getAction()).contains("'openai.api-key'", "OPENAI_API_KEY", "'openai.base-url'");
		});
	}

	@Test
	void blankKeyCountsAsMissing() {
		this.contextRunner.withPropertyValues("openai.api-key= ")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MissingApiKeyException.class));
	}

	@Test
	void malformedBaseUrlFailsWithAnAnalysisNamingPropertyAndVariable() {
		this.contextRunner.withPropertyValues("openai.api-key=sk-test", "openai.base-url=localhost:8080/v1")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidBaseUrlException.class);
				FailureAnalysis analysis = new InvalidBaseUrlFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).startsWith(
						"The base URL of the OpenAI client 'default' is not valid: Invalid base URL 'localhost:8080/v1'");
				assertThat(analysis.getAction()).contains("'openai.base-url'", "OPENAI_BASE_URL");
			});
	}

	@Test
	void malformedBaseUrlOfANamedClientNamesItsProperty() {
		this.contextRunner
			.withPropertyValues("openai.api-key=sk-test", "openai.clients.local.base-url=ftp://localhost/v1")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new InvalidBaseUrlFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).startsWith("The base URL of the OpenAI client 'local'");
				assertThat(analysis.getAction()).contains("'openai.clients.local.base-url'")
					.doesNotContain("OPENAI_BASE_URL");
			});
	}

	@Test
	void failureAnalyzersAreRegistered() {
		this.contextRunner.run((context) -> assertThat(
				org.springframework.core.io.support.SpringFactoriesLoader
					.loadFactoryNames(org.springframework.boot.diagnostics.FailureAnalyzer.class, null))
			.contains(MissingApiKeyFailureAnalyzer.class.getName(), InvalidBaseUrlFailureAnalyzer.class.getName()));
	}

	@Test
	void backsOffWhenTheApplicationDefinesAClient() {
		this.contextRunner.withUserConfiguration(CustomClientConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(OpenAI.class).hasBean("customOpenAI").doesNotHaveBean("openAI");
			assertThat(context.getBean(AsyncOpenAI.class).options().baseUrl()).isEqualTo("http://custom:1/v1");
		});
	}

	@Test
	void connectionDetailsBeanWinsOverProperties() {
		this.contextRunner.withPropertyValues("openai.api-key=sk-props", "openai.base-url=http://props:1/v1")
			.withBean(OpenAIConnectionDetails.class, () -> new OpenAIConnectionDetails() {

				@Override
				public String baseUrl() {
					return "http://details:2/v1";
				}

				@Override
				public String apiKey() {
					return "sk-details";
				}

			})
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PropertiesOpenAIConnectionDetails.class);
				ClientOptions options = context.getBean(OpenAI.class).options();
				assertThat(options.baseUrl()).isEqualTo("http://details:2/v1");
				assertThat(options.apiKey()).isEqualTo("sk-details");
			});
	}

	@Test
	void propertiesConnectionDetailsByDefault() {
		this.contextRunner.withPropertyValues("openai.api-key=sk-test", "openai.organization=org-1")
			.run((context) -> {
				OpenAIConnectionDetails details = context.getBean(OpenAIConnectionDetails.class);
				assertThat(details).isInstanceOf(PropertiesOpenAIConnectionDetails.class);
				assertThat(details.baseUrl()).isEqualTo("https://api.openai.com/v1");
				assertThat(details.organization()).isEqualTo("org-1");
				assertThat(details.toString()).doesNotContain("sk-test");
			});
	}

	@Test
	void customizersChangeTheBuilderInOrder() {
		this.contextRunner.withPropertyValues("openai.api-key=sk-test")
			.withUserConfiguration(CustomizerConfiguration.class)
			.run((context) -> assertThat(context.getBean(OpenAI.class).options().defaultHeaders())
				.containsEntry("X-Order", List.of("second")));
	}

	@Test
	void usesSpringBootsWebClientBuilderAndItsCustomizers() {
		this.server.stubFor(get("/v1/models").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"object\":\"list\",\"data\":[]}")));
		List<String> seen = new CopyOnWriteArrayList<>();
		this.contextRunner.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class))
			.withPropertyValues("openai.base-url=" + baseUrl())
			.withBean(WebClientCustomizer.class, () -> (builder) -> builder.filter((request, next) -> {
				seen.add(request.method() + " " + request.url().getPath());
				return next.exchange(request);
			}))
			.run((context) -> {
				context.getBean(OpenAI.class).models().list();
				assertThat(seen).containsExactly("GET /v1/models");
			});
	}

	@Test
	void connectsThroughTheConfiguredProxy() throws Exception {
		try (java.net.ServerSocket proxy = new java.net.ServerSocket(0)) {
			java.util.concurrent.CompletableFuture<String> firstLine = java.util.concurrent.CompletableFuture
				.supplyAsync(() -> {
					try (java.net.Socket socket = proxy.accept()) {
						String line = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
								java.nio.charset.StandardCharsets.US_ASCII))
							.readLine();
						socket.getOutputStream()
							.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"
								.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
						return line;
					}
					catch (java.io.IOException ex) {
						return ex.toString();
					}
				});
			this.contextRunner
				.withPropertyValues("openai.base-url=http://api.example.invalid/v1", "openai.max-retries=0",
						"openai.proxy.host=localhost", "openai.proxy.port=" + proxy.getLocalPort())
				.run((context) -> {
					assertThatExceptionOfType(APIConnectionException.class)
						.isThrownBy(() -> context.getBean(OpenAI.class).models().list());
					assertThat(firstLine.get(5, java.util.concurrent.TimeUnit.SECONDS))
						.isEqualTo("CONNECT api.example.invalid:80 HTTP/1.1");
				});
		}
	}

	@Test
	void doesNothingWhenTheClientIsNotOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(OpenAI.class))
			.run((context) -> assertThat(context).doesNotHaveBean(OpenAI.class)
				.doesNotHaveBean(OpenAIProperties.class));
	}

	@Test
	void doesNothingWhenDisabled() {
		this.contextRunner.withPropertyValues("openai.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(OpenAI.class)
				.doesNotHaveBean(AsyncOpenAI.class)
				.doesNotHaveBean(ChatService.class));
	}

	@Test
	void everyTopLevelResourceIsABeanFromTheOneClient() {
		this.contextRunner.withPropertyValues("openai.api-key=sk-test").run((context) -> {
			OpenAI client = context.getBean(OpenAI.class);
			AsyncOpenAI async = context.getBean(AsyncOpenAI.class);
			assertThat(resources(OpenAI.class)).hasSize(15);
			for (java.lang.reflect.Method resource : resources(OpenAI.class)) {
				assertThat(context.getBean(resource.getReturnType())).as(resource.getName())
					.isSameAs(resource.invoke(client));
			}
			assertThat(resources(AsyncOpenAI.class)).hasSize(15);
			for (java.lang.reflect.Method resource : resources(AsyncOpenAI.class)) {
				assertThat(context.getBean(resource.getReturnType())).as(resource.getName())
					.isSameAs(resource.invoke(async));
			}
		});
	}

	/**
	 * The client's resource accessors: {@code chat()}, {@code files()}, ..., without the views
	 * ({@code withRawResponse()}, {@code withStreamingResponse()}), which are nested classes.
	 */
	private static java.util.List<java.lang.reflect.Method> resources(Class<?> client) {
		return java.util.Arrays.stream(client.getMethods())
			.filter((method) -> method.getParameterCount() == 0
					&& method.getReturnType().getPackageName().startsWith("io.github.openaispring.services")
					&& method.getReturnType().getEnclosingClass() == null)
			.toList();
	}

	@Test
	void resourceBeanBacksOffWhenTheApplicationDefinesOne() {
		this.contextRunner.withPropertyValues("openai.api-key=sk-test")
			.withUserConfiguration(CustomChatServiceConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(ChatService.class)
				.hasBean("myChat")
				.doesNotHaveBean("openaiChatService"));
	}

	@Test
	void namedClientsAreQualifiedBeansBesideTheDefault() {
		this.contextRunner
			.withPropertyValues("openai.api-key=sk-test", "openai.timeout=42s",
					"openai.clients.local.base-url=http://localhost:11434/v1", "openai.clients.slow.timeout=5m")
			.withUserConfiguration(QualifiedInjectionConfiguration.class)
			.run((context) -> {
				assertThat(context).hasBean("openAI").hasBean("localOpenAI").hasBean("localAsyncOpenAI")
					.hasBean("slowOpenAI");
				OpenAI defaultClient = context.getBean(OpenAI.class);
				assertThat(defaultClient).isSameAs(context.getBean("openAI"));
				QualifiedInjectionConfiguration injected = context.getBean(QualifiedInjectionConfiguration.class);
				assertThat(injected.local).isSameAs(context.getBean("localOpenAI"));
				assertThat(injected.localAsync).isSameAs(injected.local.async());
				assertThat(injected.defaultClient).isSameAs(defaultClient);
				assertThat(injected.local.options().baseUrl()).isEqualTo("http://localhost:11434/v1");
				assertThat(injected.local.options().timeout()).isEqualTo(Duration.ofSeconds(42));
				assertThat(injected.local.options().apiKey()).isNull();
				OpenAI slow = context.getBean("slowOpenAI", OpenAI.class);
				assertThat(slow.options().baseUrl()).isEqualTo("https://api.openai.com/v1");
				assertThat(slow.options().apiKey()).isEqualTo("sk-test");
				assertThat(slow.options().timeout()).isEqualTo(Duration.ofMinutes(5));
				assertThat(context.getBean(ChatService.class)).isSameAs(defaultClient.chat());
			});
	}

	@Test
	void namedClientWithItsOwnServerDoesNotInheritCredentials() {
		this.contextRunner
			.withPropertyValues("openai.api-key=sk-openai", "openai.organization=org-1",
					"openai.clients.azure.base-url=https://example.openai.azure.com/openai/v1",
					"openai.clients.azure.api-key=azure-key", "openai.clients.azure.max-retries=7",
					"openai.clients.azure.retry.initial-backoff=1s", "openai.clients.azure.pool.max-connections=3",
					"openai.default-headers.X-A=a", "openai.clients.azure.default-headers.X-B=b")
			.run((context) -> {
				ClientOptions options = context.getBean("azureOpenAI", OpenAI.class).options();
				assertThat(options.apiKey()).isEqualTo("azure-key");
				assertThat(options.organization()).isNull();
				assertThat(options.maxRetries()).isEqualTo(7);
				assertThat(options.retry().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
				assertThat(options.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(8));
				assertThat(options.defaultHeaders()).containsEntry("X-A", List.of("a")).containsEntry("X-B", List.of("b"));
			});
	}

	@Test
	void disabledNamedClientIsNotCreated() {
		this.contextRunner
			.withPropertyValues("openai.api-key=sk-test", "openai.clients.local.base-url=http://localhost:1/v1",
					"openai.clients.local.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(OpenAI.class).doesNotHaveBean("localOpenAI"));
	}

	@Test
	void namedClientsWorkWhenTheApplicationDefinesTheDefaultClient() {
		this.contextRunner.withPropertyValues("openai.clients.local.base-url=http://localhost:1/v1")
			.withUserConfiguration(CustomClientConfiguration.class)
			.run((context) -> {
				assertThat(context).hasBean("customOpenAI").hasBean("localOpenAI").doesNotHaveBean("openAI");
				assertThat(context.getBean(OpenAI.class)).isSameAs(context.getBean("customOpenAI"));
				assertThat(context.getBean(ChatService.class)).isSameAs(context.getBean(OpenAI.class).chat());
			});
	}

	@Test
	void keyIsNeverPrinted() {
		this.contextRunner
			.withPropertyValues("openai.api-key=sk-secret-1", "openai.clients.x.api-key=sk-secret-2",
					"openai.clients.x.base-url=http://x:1/v1", "openai.proxy.host=proxy.local",
					"openai.proxy.username=user", "openai.proxy.password=proxy-secret")
			.run((context) -> {
				assertThat(context.getBean(OpenAIProperties.class).toString()).doesNotContain("sk-secret");
				assertThat(context.getBean(OpenAI.class).toString()).doesNotContain("sk-secret");
				assertThat(OpenAIClientSettings.ofNamed("x", context.getBean(OpenAIProperties.class)).toString())
					.doesNotContain("sk-secret-2");
				assertThat(OpenAIClientSettings
					.ofDefault(context.getBean(OpenAIProperties.class), context.getBean(OpenAIConnectionDetails.class))
					.proxy()
					.toString()).doesNotContain("proxy-secret");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomClientConfiguration {

		@Bean
		OpenAI customOpenAI() {
			return OpenAI.builder().baseUrl("http://custom:1/v1").build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomChatServiceConfiguration {

		@Bean
		ChatService myChat() {
			return OpenAI.builder().baseUrl("http://other:1/v1").build().chat();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		@org.springframework.core.annotation.Order(2)
		OpenAIClientCustomizer second() {
			return (builder) -> builder.defaultHeader("X-Order", "second");
		}

		@Bean
		@org.springframework.core.annotation.Order(1)
		OpenAIClientCustomizer first() {
			return (builder) -> builder.defaultHeader("X-Order", "first");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedInjectionConfiguration {

		final OpenAI local;

		final AsyncOpenAI localAsync;

		final OpenAI defaultClient;

		QualifiedInjectionConfiguration(@Qualifier("local") OpenAI local, @Qualifier("local") AsyncOpenAI localAsync,
				OpenAI defaultClient) {
			this.local = local;
			this.localAsync = localAsync;
			this.defaultClient = defaultClient;
		}

	}

}

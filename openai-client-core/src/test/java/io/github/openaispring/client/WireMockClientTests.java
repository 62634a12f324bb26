package io.github.openaispring.client;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the resource tests share: a WireMock server, and a client of it ({@link Calls#client})
 * made before each test and closed after it.
 */
@WireMockTest
abstract class WireMockClientTests {

	OpenAI client;

	@BeforeEach
	void createClient(WireMockRuntimeInfo wireMock) {
		this.client = Calls.client(wireMock);
	}

	@AfterEach
	void closeClient() {
		this.client.close();
	}

}

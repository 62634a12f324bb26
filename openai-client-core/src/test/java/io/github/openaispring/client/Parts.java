package io.github.openaispring.client;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of a multipart request WireMock received, written one a line so a test can list
 * what it expects: {@code name=text} for a field, {@code name=<filename|content type|body>}
 * for a file.
 */
final class Parts {

	private Parts() {
	}

	/** The parts of the only POST to a path. */
	static List<String> of(String path) {
		List<LoggedRequest> requests = findAll(postRequestedFor(urlPathEqualTo(path)));
		assertThat(requests).hasSize(1);
		return of(requests.get(0));
	}

	static List<String> of(LoggedRequest request) {
		assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data;boundary=");
		List<String> result = new ArrayList<>();
		for (Request.Part part : request.getParts()) {
			HttpHeader type = part.getHeader("Content-Type");
			if (part.getFileName() != null) {
				result.add(part.getName() + "=<" + part.getFileName() + "|" + type.firstValue() + "|"
						+ part.getBody().asString() + ">");
			}
			else {
				result.add(part.getName() + "=" + part.getBody().asString());
			}
		}
		return result;
	}

}

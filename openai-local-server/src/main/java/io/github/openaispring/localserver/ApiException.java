package io.github.openaispring.localserver;

/**
 * An error answered with the real API's error body:
 * {@code {"error":{"message":..., "type":..., "param":..., "code":...}}}.
 */
final class ApiException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String type;

	private final String param;

	private final String code;

	ApiException(int status, String message, String type, String param, String code) {
		super(message, null, false, false);
		this.status = status;
		this.type = type;
		this.param = param;
		this.code = code;
	}

	static ApiException invalidRequest(String message, String param, String code) {
		return new ApiException(400, message, "invalid_request_error", param, code);
	}

	static ApiException missing(String param) {
		return invalidRequest("Missing required parameter: '" + param + "'.", param, "missing_required_parameter");
	}

	static ApiException noModel() {
		return invalidRequest("you must provide a model parameter", null, null);
	}

	static ApiException invalidType(String param, String expected, Object got) {
		return invalidRequest("Invalid type for '" + param + "': expected " + expected + ", but got " + got + " instead.",
				param, "invalid_type");
	}

	static ApiException notFound(String message, String param, String code) {
		return new ApiException(404, message, "invalid_request_error", param, code);
	}

	int status() {
		return this.status;
	}

	String type() {
		return this.type;
	}

	String param() {
		return this.param;
	}

	String code() {
		return this.code;
	}

}

package io.github.openaispring.localserver;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The files endpoints, over an in-memory store that lives as long as the server:
 * {@code POST /files} (multipart {@code file} and {@code purpose}), {@code GET /files},
 * {@code GET /files/{id}}, {@code GET /files/{id}/content}, {@code DELETE /files/{id}}.
 */
final class FileEndpoints {

	private static final List<String> PURPOSES = List.of("assistants", "batch", "fine-tune", "vision", "user_data",
			"evals");

	private final Map<String, StoredFile> files = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	private record StoredFile(String id, String filename, String purpose, String contentType, byte[] content,
			long createdAt, Long expiresAt, long sequence) {

		Map<String, Object> json() {
			Map<String, Object> file = new LinkedHashMap<>();
			file.put("id", this.id);
			file.put("object", "file");
			file.put("bytes", this.content.length);
			file.put("created_at", this.createdAt);
			if (this.expiresAt != null) {
				file.put("expires_at", this.expiresAt);
			}
			file.put("filename", this.filename);
			file.put("purpose", this.purpose);
			file.put("status", "processed");
			return file;
		}

	}

	void create(Exchange exchange) throws IOException {
		List<Multipart.Part> parts = Multipart.parse(exchange);
		Multipart.Part file = null;
		String purpose = null;
		Long expiresAfter = null;
		for (Multipart.Part part : parts) {
			if ("file".equals(part.name())) {
				file = part;
			}
			else if ("purpose".equals(part.name())) {
				purpose = part.text().trim();
			}
			else if ("expires_after[seconds]".equals(part.name())) {
				try {
					expiresAfter = Long.valueOf(part.text().trim());
				}
				catch (NumberFormatException ex) {
					throw ApiException.invalidType("expires_after.seconds", "an integer", "a string");
				}
			}
		}
		if (purpose == null || purpose.isEmpty()) {
			throw ApiException.missing("purpose");
		}
		if (!PURPOSES.contains(purpose)) {
			throw ApiException.invalidRequest("Invalid value for 'purpose': '" + purpose + "'. Supported values are: "
					+ "'assistants', 'batch', 'fine-tune', 'vision', 'user_data', and 'evals'.", "purpose",
					"invalid_value");
		}
		if (file == null) {
			throw ApiException.missing("file");
		}
		long now = Instant.now().getEpochSecond();
		String filename = (file.filename() != null && !file.filename().isEmpty()) ? file.filename() : "file";
		StoredFile stored = new StoredFile(Ids.alphanumeric("file-", 22), filename, purpose, file.contentType(),
				file.content(), now, (expiresAfter != null) ? now + expiresAfter : null, this.sequence.incrementAndGet());
		this.files.put(stored.id(), stored);
		exchange.sendJson(200, stored.json());
	}

	void list(Exchange exchange) throws IOException {
		Map<String, String> query = exchange.query();
		String purpose = query.get("purpose");
		String order = query.getOrDefault("order", "desc");
		if (!order.equals("asc") && !order.equals("desc")) {
			throw ApiException.invalidRequest("Invalid value: '" + order + "'. Supported values are: 'asc' and 'desc'.",
					"order", "invalid_value");
		}
		int limit;
		try {
			limit = Integer.parseInt(query.getOrDefault("limit", "10000"));
		}
		catch (NumberFormatException ex) {
			throw ApiException.invalidType("limit", "an integer", "a string");
		}
		if (limit < 1 || limit > 10000) {
			throw ApiException.invalidRequest("Invalid 'limit': expected a value between 1 and 10000, but got " + limit
					+ " instead.", "limit", "invalid_value");
		}
		Comparator<StoredFile> byAge = Comparator.comparingLong(StoredFile::sequence);
		List<StoredFile> all = new ArrayList<>(this.files.values());
		all.sort(order.equals("asc") ? byAge : byAge.reversed());
		List<StoredFile> selected = new ArrayList<>();
		String after = query.get("after");
		boolean started = (after == null);
		for (StoredFile file : all) {
			if (!started) {
				started = file.id().equals(after);
				continue;
			}
			if (purpose == null || purpose.equals(file.purpose())) {
				selected.add(file);
			}
		}
		boolean hasMore = selected.size() > limit;
		List<StoredFile> page = selected.subList(0, Math.min(limit, selected.size()));
		List<Object> data = new ArrayList<>();
		page.forEach((file) -> data.add(file.json()));
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("object", "list");
		response.put("data", data);
		response.put("first_id", page.isEmpty() ? null : page.get(0).id());
		response.put("last_id", page.isEmpty() ? null : page.get(page.size() - 1).id());
		response.put("has_more", hasMore);
		exchange.sendJson(200, response);
	}

	void retrieve(Exchange exchange, String id) throws IOException {
		exchange.sendJson(200, find(id).json());
	}

	void content(Exchange exchange, String id) throws IOException {
		StoredFile file = find(id);
		exchange.send(200, (file.contentType() != null) ? file.contentType() : "application/octet-stream",
				file.content());
	}

	void delete(Exchange exchange, String id) throws IOException {
		StoredFile file = find(id);
		this.files.remove(file.id());
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("id", file.id());
		response.put("object", "file");
		response.put("deleted", true);
		exchange.sendJson(200, response);
	}

	private StoredFile find(String id) {
		StoredFile file = this.files.get(id);
		if (file == null) {
			throw ApiException.notFound("No such File object: " + id, "id", null);
		}
		return file;
	}

}

package io.github.openaispring.localserver;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canned answers: the same text for the same question, and the pieces ("tokens") it is
 * streamed in and counted by. A piece is a word with the whitespace before it, so the pieces
 * joined are the text.
 */
final class CannedText {

	private static final Pattern PIECE = Pattern.compile("\\s*\\S+");

	private static final Pattern GREETING = Pattern.compile("^(hi|hello|hey|good (morning|afternoon|evening))\\b.*",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final int QUOTED = 200;

	private CannedText() {
	}

	/**
	 * The chat answer to a question.
	 * @param question the last user message's text
	 * @return the answer
	 */
	static String answer(String question) {
		String quoted = quote(question);
		if (quoted.isEmpty()) {
			return "Hello! I am a local OpenAI-compatible server. Ask me anything: I answer with canned text, "
					+ "so you can try your application without an API key or network access.";
		}
		if (GREETING.matcher(quoted).matches()) {
			return "Hello! I am a local OpenAI-compatible server running next to your application. My answers are "
					+ "canned, but they arrive the way the real API sends them, whole or streamed word by word, "
					+ "so you can try chat, streaming and error handling without an API key. What would you like to ask?";
		}
		String end = quoted.matches(".*[.?!]$") ? "\" " : "\". ";
		return "You asked: \"" + quoted + end + "This answer comes from a local OpenAI-compatible server, not from a "
				+ "model, so it cannot really answer that. It does answer the way the real API does: whole or streamed "
				+ "word by word, with token usage, and with the same errors for invalid requests. Set OPENAI_API_KEY "
				+ "to ask OpenAI instead.";
	}

	/**
	 * The text completion of a prompt.
	 * @param prompt the prompt
	 * @return the continuation
	 */
	static String completion(String prompt) {
		String quoted = quote(prompt);
		return " This is a canned completion from a local OpenAI-compatible server"
				+ (quoted.isEmpty() ? "." : " for a prompt of " + count(prompt) + " words.")
				+ " A real model would continue your text here.";
	}

	/** The text, on one line and at most {@value #QUOTED} characters. */
	private static String quote(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		if (line.length() > QUOTED) {
			line = line.substring(0, QUOTED).strip() + "...";
		}
		return line;
	}

	/**
	 * Split a text into the pieces it is streamed in.
	 * @param text the text
	 * @return the pieces, which joined are the text without trailing whitespace
	 */
	static List<String> pieces(String text) {
		List<String> pieces = new ArrayList<>();
		Matcher matcher = PIECE.matcher(text);
		while (matcher.find()) {
			pieces.add(matcher.group());
		}
		return pieces;
	}

	/**
	 * Count a text's tokens, one a word: an approximation of a real tokenizer.
	 * @param text the text
	 * @return the count
	 */
	static int count(String text) {
		int count = 0;
		Matcher matcher = PIECE.matcher(text);
		while (matcher.find()) {
			count++;
		}
		return count;
	}

}

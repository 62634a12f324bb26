package io.github.openaispring.localserver;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Small, valid media files built in code, without an image or audio library: PNG pictures,
 * WAV and raw PCM tones, and silent MP3s; and the text that {@link #speech} hid in the WAV and
 * MP3 files it made, so that a transcription of them gives back what was said.
 */
final class Media {

	/** The sample rate of the speech the real API returns as {@code wav} and {@code pcm}. */
	static final int SAMPLE_RATE = 24_000;

	/** Seconds of audio per character of the text, at speed 1. */
	private static final double SECONDS_PER_CHARACTER = 0.06;

	private static final double GAP_SECONDS = 0.08;

	private static final double MAX_SECONDS = 20;

	/** MPEG-1 Layer III, 64 kbit/s, 44.1 kHz, mono: 1152 samples in 208 bytes a frame. */
	private static final byte[] MP3_HEADER = { (byte) 0xFF, (byte) 0xFB, (byte) 0x50, (byte) 0xC4 };

	private static final int MP3_FRAME_BYTES = 208;

	private static final double MP3_FRAME_SECONDS = 1152.0 / 44_100;

	private Media() {
	}

	/**
	 * Return a PNG image: a diagonal gradient between two colours chosen by the seed, with a
	 * lighter square in the middle, so that different prompts give different pictures.
	 * @param width the width in pixels
	 * @param height the height in pixels
	 * @param seed what decides the colours
	 * @return the PNG bytes
	 */
	static byte[] png(int width, int height, long seed) {
		int from = (int) (mix(seed) & 0xFFFFFF);
		int to = (int) (mix(seed + 1) & 0xFFFFFF);
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		for (int y = 0; y < height; y++) {
			raw.write(0); // filter: none
			for (int x = 0; x < width; x++) {
				double t = (double) (x + y) / Math.max(1, width + height - 2);
				boolean middle = Math.abs(x - width / 2.0) < width / 6.0 && Math.abs(y - height / 2.0) < height / 6.0;
				for (int shift = 16; shift >= 0; shift -= 8) {
					int a = (from >> shift) & 0xFF;
					int b = (to >> shift) & 0xFF;
					int value = (int) Math.round(a + (b - a) * t);
					raw.write(middle ? (value + 255) / 2 : value);
				}
			}
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		png.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height);
		header.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0); // 8-bit RGB
		chunk(png, "IHDR", header.array());
		chunk(png, "IDAT", deflate(raw.toByteArray()));
		chunk(png, "IEND", new byte[0]);
		return png.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		png.writeBytes(typeBytes);
		png.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	private static byte[] deflate(byte[] data) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		try {
			deflater.setInput(data);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			while (!deflater.finished()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	/** The speech for a text, in the formats this server can make. */
	enum Format {

		/** A RIFF WAVE file: 16-bit mono PCM at 24 kHz, with the text in a {@code LIST/INFO} chunk. */
		WAV("audio/wav"),

		/** The same samples without a header, little-endian, as the real API's {@code pcm}. */
		PCM("audio/pcm"),

		/** Silent MPEG-1 Layer III frames as long as the speech, the text in an ID3v2 title. */
		MP3("audio/mpeg");

		private final String contentType;

		Format(String contentType) {
			this.contentType = contentType;
		}

		String contentType() {
			return this.contentType;
		}

	}

	/**
	 * Return "speech" for a text: one short tone a word, its pitch chosen by the word and the
	 * voice, as long as the word, with a pause between words.
	 * @param text the text
	 * @param voice the voice, which moves the pitch
	 * @param speed how fast to speak, 1 being normal
	 * @param format the format
	 * @return the bytes
	 */
	static byte[] speech(String text, String voice, double speed, Format format) {
		short[] samples = tones(text, voice, speed);
		if (format == Format.MP3) {
			return mp3(samples.length / (double) SAMPLE_RATE, text);
		}
		ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (short sample : samples) {
			pcm.putShort(sample);
		}
		return (format == Format.PCM) ? pcm.array() : wav(pcm.array(), text);
	}

	private static short[] tones(String text, String voice, double speed) {
		List<String> words = List.of(text.strip().split("\\s+"));
		double voicePitch = 180 + (mix(voice.hashCode()) & 0x7F);
		double total = 0;
		for (String word : words) {
			total += (Math.max(2, word.length()) * SECONDS_PER_CHARACTER + GAP_SECONDS) / speed;
		}
		int length = (int) (Math.min(total, MAX_SECONDS) * SAMPLE_RATE);
		short[] samples = new short[Math.max(length, SAMPLE_RATE / 10)];
		int at = 0;
		for (String word : words) {
			int toneLength = (int) (Math.max(2, word.length()) * SECONDS_PER_CHARACTER / speed * SAMPLE_RATE);
			int gapLength = (int) (GAP_SECONDS / speed * SAMPLE_RATE);
			double pitch = voicePitch * (1 + (mix(word.hashCode()) & 0xFF) / 512.0);
			for (int i = 0; i < toneLength && at + i < samples.length; i++) {
				double envelope = Math.min(1, Math.min(i, toneLength - i) / (0.01 * SAMPLE_RATE));
				samples[at + i] = (short) (envelope * 8000 * Math.sin(2 * Math.PI * pitch * i / SAMPLE_RATE));
			}
			at += toneLength + gapLength;
			if (at >= samples.length) {
				break;
			}
		}
		return samples;
	}

	private static byte[] wav(byte[] pcm, String text) {
		byte[] name = zeroTerminated(text);
		int listSize = 4 + 8 + name.length;
		ByteBuffer wav = ByteBuffer.allocate(44 + pcm.length + 8 + listSize).order(ByteOrder.LITTLE_ENDIAN);
		wav.put(ascii("RIFF")).putInt(wav.capacity() - 8).put(ascii("WAVE"));
		wav.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(SAMPLE_RATE)
			.putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
		wav.put(ascii("data")).putInt(pcm.length).put(pcm);
		wav.put(ascii("LIST")).putInt(listSize).put(ascii("INFO"));
		wav.put(ascii("INAM")).putInt(name.length).put(name);
		return wav.array();
	}

	/** The text as UTF-8 with a terminating zero, padded to an even length as RIFF wants. */
	private static byte[] zeroTerminated(String text) {
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[(utf8.length + 2) & ~1];
		System.arraycopy(utf8, 0, bytes, 0, utf8.length);
		return bytes;
	}

	private static byte[] mp3(double seconds, String text) {
		ByteArrayOutputStream mp3 = new ByteArrayOutputStream();
		byte[] title = text.getBytes(StandardCharsets.UTF_8);
		int frameSize = 1 + title.length;
		mp3.writeBytes(ascii("ID3"));
		mp3.writeBytes(new byte[] { 4, 0, 0 }); // ID3v2.4, no flags
		mp3.writeBytes(syncsafe(10 + frameSize));
		mp3.writeBytes(ascii("TIT2"));
		mp3.writeBytes(syncsafe(frameSize));
		mp3.writeBytes(new byte[] { 0, 0, 3 }); // no frame flags; UTF-8
		mp3.writeBytes(title);
		// A frame whose side information is all zeros has no coded samples: it decodes to silence.
		byte[] frame = new byte[MP3_FRAME_BYTES];
		System.arraycopy(MP3_HEADER, 0, frame, 0, MP3_HEADER.length);
		int frames = Math.max(1, (int) Math.ceil(seconds / MP3_FRAME_SECONDS));
		for (int i = 0; i < frames; i++) {
			mp3.writeBytes(frame);
		}
		return mp3.toByteArray();
	}

	private static byte[] syncsafe(int value) {
		return new byte[] { (byte) ((value >> 21) & 0x7F), (byte) ((value >> 14) & 0x7F), (byte) ((value >> 7) & 0x7F),
				(byte) (value & 0x7F) };
	}

	/** What this server can tell about an audio file. */
	record Audio(double seconds, String text) {

	}

	/**
	 * Read what an uploaded audio file says: the text {@link #speech} hid in a WAV or MP3 file it
	 * made, and the length of a WAV file or of an MP3 file of this server; for other files no
	 * text, and a length guessed from the size (at 128 kbit/s).
	 * @param bytes the file
	 * @return its length and its text, {@code null} when it has none
	 */
	static Audio read(byte[] bytes) {
		double guessed = Math.max(0.1, bytes.length / 16_000.0);
		try {
			if (startsWith(bytes, 0, "RIFF") && startsWith(bytes, 8, "WAVE")) {
				return readWav(bytes, guessed);
			}
			if (startsWith(bytes, 0, "ID3")) {
				return readMp3(bytes, guessed);
			}
		}
		catch (RuntimeException ex) {
			// Not well formed after all: treat it as any other file.
		}
		return new Audio(guessed, null);
	}

	private static Audio readWav(byte[] bytes, double guessed) {
		ByteBuffer wav = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		int byteRate = 0;
		long dataLength = -1;
		String text = null;
		int at = 12;
		while (at + 8 <= bytes.length) {
			String id = new String(bytes, at, 4, StandardCharsets.US_ASCII);
			int size = wav.getInt(at + 4);
			int body = at + 8;
			if (id.equals("fmt ")) {
				byteRate = wav.getInt(body + 8);
			}
			else if (id.equals("data")) {
				dataLength = Integer.toUnsignedLong(size);
			}
			else if (id.equals("LIST") && startsWith(bytes, body, "INFO")) {
				int sub = body + 4;
				while (sub + 8 <= body + size) {
					int subSize = wav.getInt(sub + 4);
					if (startsWith(bytes, sub, "INAM")) {
						text = new String(bytes, sub + 8, subSize, StandardCharsets.UTF_8).replace("\0", "");
					}
					sub += 8 + subSize + (subSize & 1);
				}
			}
			at = body + size + (size & 1);
		}
		double seconds = (byteRate > 0 && dataLength >= 0) ? dataLength / (double) byteRate : guessed;
		return new Audio(seconds, text);
	}

	private static Audio readMp3(byte[] bytes, double guessed) {
		int tagEnd = 10 + unsyncsafe(bytes, 6);
		String text = null;
		int at = 10;
		while (at + 10 <= tagEnd && bytes[at] != 0) {
			int size = unsyncsafe(bytes, at + 4);
			if (startsWith(bytes, at, "TIT2") && bytes[at + 10] == 3) {
				text = new String(bytes, at + 11, size - 1, StandardCharsets.UTF_8);
			}
			at += 10 + size;
		}
		boolean ours = startsWith(bytes, tagEnd, new String(MP3_HEADER, StandardCharsets.ISO_8859_1));
		double seconds = ours ? (bytes.length - tagEnd) / MP3_FRAME_BYTES * MP3_FRAME_SECONDS : guessed;
		return new Audio(seconds, text);
	}

	private static int unsyncsafe(byte[] bytes, int at) {
		return (bytes[at] & 0x7F) << 21 | (bytes[at + 1] & 0x7F) << 14 | (bytes[at + 2] & 0x7F) << 7
				| (bytes[at + 3] & 0x7F);
	}

	private static boolean startsWith(byte[] bytes, int at, String prefix) {
		byte[] expected = prefix.getBytes(StandardCharsets.ISO_8859_1);
		if (at < 0 || at + expected.length > bytes.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if (bytes[at + i] != expected[i]) {
				return false;
			}
		}
		return true;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/** A 64-bit mix of a seed (SplitMix64's finalizer), for colours and pitches that look random. */
	static long mix(long seed) {
		long z = seed + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}

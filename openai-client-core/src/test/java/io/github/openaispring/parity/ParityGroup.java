package io.github.openaispring.parity;

import java.util.List;

/**
 * The Java twin of one case module of the parity recorder ({@code src/test/parity/cases/<name>.mjs}):
 * the same cases, with the same ids, made on this client.
 */
interface ParityGroup {

	/**
	 * The group's name, the key of its module in {@code cases/index.mjs}.
	 * @return the name
	 */
	String name();

	/**
	 * The group's cases.
	 * @return the cases
	 */
	List<ParityCase> cases();

}

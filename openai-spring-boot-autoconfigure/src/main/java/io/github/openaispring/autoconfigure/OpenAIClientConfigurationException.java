package io.github.openaispring.autoconfigure;

import io.github.openaispring.errors.OpenAIException;

/**
 * An auto-configured OpenAI client could not be built from its configuration. The cause says
 * what is wrong; this exception says which client and which properties configure it.
 *
 * @since 0.1.0
 */
public final class OpenAIClientConfigurationException extends OpenAIException {

	private static final long serialVersionUID = 1L;

	/** The name of the client that could not be built. */
	private final String clientName;

	/** The prefix of its properties. */
	private final String propertyPrefix;

	/** Whether the failing setting came from an {@code OpenAIConnectionDetails} bean. */
	private final boolean fromConnectionDetails;

	OpenAIClientConfigurationException(OpenAIClientSettings settings, OpenAIException cause) {
		super("Cannot build the OpenAI client '" + settings.name() + "' (" + settings.propertyPrefix() + ".*): "
				+ cause.getMessage(), cause);
		this.clientName = settings.name();
		this.propertyPrefix = settings.propertyPrefix();
		this.fromConnectionDetails = settings.fromConnectionDetails();
	}

	/**
	 * Return the name of the client: {@code default}, or its name under
	 * {@code openai.clients}.
	 * @return the client name
	 */
	public String clientName() {
		return this.clientName;
	}

	/**
	 * Return the prefix of the client's properties, such as {@code openai} or
	 * {@code openai.clients.local}.
	 * @return the prefix
	 */
	public String propertyPrefix() {
		return this.propertyPrefix;
	}

	/**
	 * Return whether the client's base URL and key came from an application-defined
	 * {@link OpenAIConnectionDetails} bean rather than from the properties.
	 * @return whether the connection details were defined by the application
	 */
	public boolean fromConnectionDetails() {
		return this.fromConnectionDetails;
	}

	boolean isDefaultClient() {
		return OpenAIClientSettings.DEFAULT_NAME.equals(this.clientName);
	}

}

/**
 * The one HTTP path of the client: the WebClient transport, the retry policy, the mapping of
 * error responses to exceptions, the server-sent-event reader and the query string format.
 */
@NullMarked
package io.github.openaispring.core.http;

import org.jspecify.annotations.NullMarked;

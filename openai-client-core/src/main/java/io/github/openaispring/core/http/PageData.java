package io.github.openaispring.core.http;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * One page of a list, with how to fetch the next one.
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param next fetches the next page, or {@code null} when this is the last one
 * @since 0.1.0
 */
public record PageData<T>(List<T> items, @Nullable Supplier<Mono<PageData<T>>> next) {
}

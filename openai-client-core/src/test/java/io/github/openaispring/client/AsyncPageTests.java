package io.github.openaispring.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.openaispring.core.http.PageData;
import io.github.openaispring.errors.OpenAIException;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paging of the reactive client without a server: a page is fetched only when an item beyond
 * the fetched ones is requested.
 */
class AsyncPageTests {

	/** How many pages were fetched (subscribed to), by page number. */
	private final List<Integer> fetched = new ArrayList<>();

	private PageData<String> page(int number, int last) {
		List<String> items = List.of("p" + number + "a", "p" + number + "b");
		if (number == last) {
			return new PageData<>(items, null);
		}
		return new PageData<>(items, () -> Mono.fromSupplier(() -> {
			this.fetched.add(number + 1);
			return page(number + 1, last);
		}));
	}

	@Test
	void autoPagerFetchesAPageOnlyWhenItsItemsAreRequested() {
		AsyncPage<String> first = AsyncPage.of(Mono.just(page(1, 3))).block();
		StepVerifier.create(first.autoPager(), 0)
			.then(() -> assertThat(this.fetched).isEmpty())
			.thenRequest(2)
			.expectNext("p1a", "p1b")
			.then(() -> assertThat(this.fetched).isEmpty())
			.thenRequest(1)
			.expectNext("p2a")
			.then(() -> assertThat(this.fetched).containsExactly(2))
			.thenRequest(1)
			.expectNext("p2b")
			.then(() -> assertThat(this.fetched).containsExactly(2))
			.thenRequest(5)
			.expectNext("p3a", "p3b")
			.expectComplete()
			.verify();
		assertThat(this.fetched).containsExactly(2, 3);
	}

	@Test
	void takingTheFirstPageFetchesNoOther() {
		AsyncPage<String> first = AsyncPage.of(Mono.just(page(1, 3))).block();
		assertThat(first.autoPager().take(2).collectList().block()).containsExactly("p1a", "p1b");
		assertThat(first.autoPager().take(3).collectList().block()).containsExactly("p1a", "p1b", "p2a");
		assertThat(this.fetched).containsExactly(2);
	}

	@Test
	void autoPagerReadsEveryPageWithUnboundedDemand() {
		AsyncPage<String> first = AsyncPage.of(Mono.just(page(1, 500))).block();
		List<String> all = first.autoPager().collectList().block();
		assertThat(all).hasSize(1000).startsWith("p1a", "p1b").endsWith("p500a", "p500b");
		assertThat(this.fetched).hasSize(499);
	}

	@Test
	void aFailedFetchEndsTheItemsWithTheError() {
		PageData<String> failing = new PageData<>(List.of("a"),
				() -> Mono.error(new OpenAIException("page 2 failed")));
		StepVerifier.create(AsyncPage.of(Mono.just(failing)).block().autoPager())
			.expectNext("a")
			.expectErrorMessage("page 2 failed")
			.verify();
	}

	@Test
	void aFailureToStartTheFetchEndsTheItemsWithTheError() {
		PageData<String> failing = new PageData<>(List.of("a"), () -> {
			throw new OpenAIException("cannot build page 2");
		});
		StepVerifier.create(AsyncPage.of(Mono.just(failing)).block().autoPager())
			.expectNext("a")
			.expectErrorMessage("cannot build page 2")
			.verify();
	}

	@Test
	void cancellingEndsAnInFlightFetch() {
		AtomicInteger subscribed = new AtomicInteger();
		AtomicInteger cancelled = new AtomicInteger();
		Sinks.One<PageData<String>> never = Sinks.one();
		PageData<String> first = new PageData<>(List.of("a"), () -> never.asMono()
			.doOnSubscribe((subscription) -> subscribed.incrementAndGet())
			.doOnCancel(cancelled::incrementAndGet));
		List<String> items = new ArrayList<>();
		Disposable subscription = AsyncPage.of(Mono.just(first)).block().autoPager().subscribe(items::add);
		assertThat(items).containsExactly("a");
		assertThat(subscribed).hasValue(1);
		assertThat(cancelled).hasValue(0);
		subscription.dispose();
		assertThat(cancelled).hasValue(1);
	}

	@Test
	void nextPageOfTheLastPageFails() {
		AsyncPage<String> last = AsyncPage.of(Mono.just(page(1, 1))).block();
		assertThat(last.hasNextPage()).isFalse();
		StepVerifier.create(last.nextPage()).expectError(OpenAIException.class).verify();
		StepVerifier.create(last.autoPager()).expectNext("p1a", "p1b").expectComplete().verify();
	}

}

package org.otklik.graphql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.SubscriptionExecutionStrategy;
import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.NullValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.otklik.security.Caller;
import org.otklik.security.CallerAuthentication;
import org.otklik.security.Role;
import org.otklik.security.WebSocketAuthInterceptor;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * Lets WebSocket subscribers who would receive the same bytes share one execution and one serialised
 * payload per event; what remains per subscriber is a position check, a bounded buffer and a write.
 * <p>
 * Subscriptions share when their {@link Key} is equal: the document, operation and variables, and
 * everything a resolver of the selection may read of the caller (roles, agency, integrator client, and
 * the subject itself when the selection names a field of {@link #VIEWER_FIELDS}). The first subscriber of
 * a key runs the real execution; later ones join its group without executing anything and receive what
 * a subscription of their own would have: the events after the source's position at the moment they join
 * ({@link SubscriptionSource#now()}), compared with the position each event's execution reports through
 * {@link #reportPositions}. Subscriptions resuming from a cursor ({@code after}) never share, as their
 * catch-up is their own. Each member has its own bounded buffer: one that overflows is closed with
 * {@code 4008} while the others continue; the group's execution is cancelled when its last member leaves.
 * <p>
 * Runs last among the interceptors, so every limit, rate limit and authentication check still applies to
 * every subscriber; only the execution is shared. See ADR 0009.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class SharedSubscriptions implements WebGraphQlInterceptor {

	/**
	 * Fields below the root whose values depend on who the caller is beyond the scope in the key: what the
	 * caller may do ({@code viewerCan}: "taken by me") and personal data, whose every read is recorded
	 * under the reader's name ({@code author}). A selection naming one of them shares only with the same
	 * subject. A new resolver that reads the caller for more than roles, agency or client adds its name here;
	 * {@code SharedSubscriptionsGuardTests} finds every resolver that reads the caller and fails until it is decided.
	 */
	static final Set<String> VIEWER_FIELDS = Set.of("viewerCan", "author");

	/** GraphQL context key of a shared execution's {@link Group}. */
	static final String GROUP = SharedSubscriptions.class.getName() + ".group";

	static final CloseStatus SLOW = new CloseStatus(WebSocketSessions.SLOW_SUBSCRIBER,
			"Slow subscriber: buffer overflow, resubscribe with after");

	/** A member start that lets nothing through, until the member's real start is known. */
	private static final long NOTHING_YET = -1L;

	/**
	 * The subscription source, resolved from the bean factory once rather than on every request: the lookup
	 * cost a few percent of the CPU of every GraphQL request over HTTP, which never needs it.
	 */
	private final SingletonSupplier<SubscriptionSource> sources;

	private final JsonMapper json;

	private final Counter executions;

	private final ConcurrentMap<Key, Group> groups = new ConcurrentHashMap<>();

	public SharedSubscriptions(ObjectProvider<SubscriptionSource> sources, JsonMapper json, MeterRegistry registry) {
		this.sources = SingletonSupplier.ofNullable(sources::getIfAvailable);
		this.json = json;
		this.executions = Counter.builder("otklik.live.executions")
			.description("Subscription event executions: one per event per group of subscribers sharing it")
			.register(registry);
	}

	/**
	 * Reports the position of each event of a subscription field's source, so that a subscriber joining
	 * the shared execution mid-stream starts where a subscription of its own would. A no-op outside a
	 * shared execution.
	 */
	public static <T> Flux<T> reportPositions(Flux<T> events, ToLongFunction<T> position, GraphQLContext context) {
		if (!(context.get(GROUP) instanceof Group group)) {
			return events;
		}
		return events.doOnNext(event -> group.positions.add(position.applyAsLong(event)));
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest webSocket)) {
			return chain.next(request);
		}
		SubscriptionSource source = this.sources.get();
		if (source == null) {
			return chain.next(request);
		}
		Key key = key(webSocket);
		if (key == null) {
			return chain.next(request);
		}
		Map<String, Object> attributes = webSocket.getSessionInfo().getAttributes();
		Object session = attributes.get(WebSocketSessions.SESSION);
		Member member = new Member((session instanceof WebSocketSession ws) ? ws : null, source.buffer(),
				(attributes.get(WebSocketSessions.EVENT_LOOP) instanceof Executor loop) ? loop : null,
				(attributes.get(WebSocketSessions.DIRECT) instanceof DirectFrames.Socket socket) ? socket : null, webSocket.getId());
		while (true) {
			Group group = this.groups.computeIfAbsent(key, Group::new);
			Mono<WebGraphQlResponse> response = group.join(member, source, request, chain);
			if (response != null) {
				return response.map(shared -> (shared.getData() instanceof Publisher<?>)
						? shared.transform(builder -> builder.data(member.flux())) : shared);
			}
			// The group closed between the lookup and the join: its last member just left.
			this.groups.remove(key, group);
		}
	}

	/**
	 * Shared executions running: one per group of subscribers with the same sharing key. Unlike the event
	 * stream's registrations, this does not count the durable consumers, which re-register on their own.
	 */
	public int executions() {
		return this.groups.size();
	}

	/** Subscribers receiving from another's execution (members beyond the first of each group). */
	public int joiners() {
		int joiners = 0;
		for (Group group : this.groups.values()) {
			joiners += Math.max(0, group.members.size() - 1);
		}
		return joiners;
	}

	/** The sharing key of a subscription, or null when it must execute on its own. */
	@Nullable Key key(WebSocketGraphQlRequest request) {
		if (!(request.getSessionInfo().getAttributes().get(WebSocketAuthInterceptor.AUTHENTICATION)
				instanceof CallerAuthentication authentication)) {
			return null;
		}
		Document document;
		try {
			document = Parser.parse(request.getDocument());
		}
		catch (RuntimeException ex) {
			// Spring's own parsing reports it.
			return null;
		}
		String operationName = request.getOperationName();
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		OperationDefinition operation = operations.stream()
			.filter(candidate -> (operationName == null) ? operations.size() == 1 : operationName.equals(candidate.getName()))
			.findFirst()
			.orElse(null);
		if (operation == null || operation.getOperation() != OperationDefinition.Operation.SUBSCRIPTION) {
			return null;
		}
		Map<String, Object> variables = request.getVariables();
		Set<String> fields = new HashSet<>();
		for (Definition<?> definition : document.getDefinitions()) {
			SelectionSet selections = (definition instanceof OperationDefinition op) ? op.getSelectionSet()
					: (definition instanceof FragmentDefinition fragment) ? fragment.getSelectionSet() : null;
			if (!collect(selections, variables, fields)) {
				return null;
			}
		}
		Caller caller = authentication.caller();
		boolean viewerDependent = fields.stream().anyMatch(VIEWER_FIELDS::contains);
		return new Key(request.getDocument(), operationName, variables, request.getLocale(), caller.roles(),
				caller.agencyCode(), caller.clientId(), viewerDependent ? caller.id() : null);
	}

	/** Collects field names; false when a field resumes from a cursor, which no other subscriber shares. */
	private static boolean collect(@Nullable SelectionSet selections, Map<String, Object> variables, Set<String> fields) {
		if (selections == null) {
			return true;
		}
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field) {
				fields.add(field.getName());
				for (Argument argument : field.getArguments()) {
					if ("after".equals(argument.getName()) && !isNull(argument, variables)) {
						return false;
					}
				}
				if (!collect(field.getSelectionSet(), variables, fields)) {
					return false;
				}
			}
			else if (selection instanceof InlineFragment fragment && !collect(fragment.getSelectionSet(), variables, fields)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isNull(Argument argument, Map<String, Object> variables) {
		if (argument.getValue() instanceof VariableReference reference) {
			return variables.get(reference.getName()) == null;
		}
		return argument.getValue() instanceof NullValue;
	}

	/**
	 * One execution's result with its data already serialised: every member's socket writes the same
	 * bytes, put into each member's frame by {@link SharedFrames} without walking the tree once per member.
	 */
	ExecutionResult serialisedOnce(ExecutionResult result) {
		if (!result.getErrors().isEmpty() || result.getExtensions() != null || !result.isDataPresent()) {
			return result;
		}
		return new Serialised(result, new SharedFrames.Payload(this.json.writeValueAsBytes(result.getData())));
	}

	/**
	 * Who would receive the same bytes.
	 *
	 * @param subject the caller's subject when the selection depends on it, else null
	 */
	record Key(String document, @Nullable String operationName, Map<String, Object> variables, Locale locale,
			Set<Role> roles, @Nullable String agencyCode, @Nullable String clientId, @Nullable String subject) {
	}

	/** Subscribers sharing one execution. */
	final class Group {

		private final Key key;

		/** Positions of the source events whose results are still to come, in order. */
		final Queue<Long> positions = new ConcurrentLinkedQueue<>();

		/** Read without a lock by the emitting thread; changed under the group's lock. */
		final List<Member> members = new CopyOnWriteArrayList<>();

		private @Nullable Mono<WebGraphQlResponse> response;

		private @Nullable Disposable upstream;

		private boolean closed;

		Group(Key key) {
			this.key = key;
		}

		/** Adds a member; the first one starts the execution. Null when the group has already closed. */
		@Nullable Mono<WebGraphQlResponse> join(Member member, SubscriptionSource source, WebGraphQlRequest request,
				Chain chain) {
			Mono<WebGraphQlResponse> shared;
			boolean first = false;
			synchronized (this) {
				if (this.closed) {
					return null;
				}
				member.group = this;
				this.members.add(member);
				if (this.response == null) {
					// The first member: everything its own execution produces is its own.
					member.start = 0;
					first = true;
					request.configureExecutionInput((input, builder) -> builder
						.graphQLContext(Map.of(GROUP, this, SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true))
						.build());
					this.response = chain.next(request).doOnNext(this::start).doOnError(ex -> close()).cache();
				}
				shared = this.response;
			}
			// After the member is in the list: an event emitted before this read is at or before it, and
			// one published after it reaches the list with this member in it.
			if (!first) {
				member.start = source.now();
			}
			return shared;
		}

		private void start(WebGraphQlResponse response) {
			if (!(response.getData() instanceof Publisher<?> events)) {
				// Refused before it began (forbidden, invalid): every member gets the same refusal.
				close();
				return;
			}
			Disposable subscription = Flux.from(events).subscribe(this::emit, this::fail, this::complete);
			synchronized (this) {
				if (!this.closed) {
					this.upstream = subscription;
					return;
				}
			}
			subscription.dispose();
		}

		void emit(Object result) {
			SharedSubscriptions.this.executions.increment();
			Long position = this.positions.poll();
			ExecutionResult shared = (result instanceof ExecutionResult executionResult) ? serialisedOnce(executionResult)
					: null;
			if (shared == null) {
				return;
			}
			// The list as it is now: a member joining later starts after this event anyway (see join).
			SharedFrames.Payload payload = (shared instanceof Serialised serialised) ? serialised.payload() : null;
			eachBatch(this.members, batch -> {
				// Members on an event loop get the frame written to their channel, one flush per socket.
				DirectFrames.Batch frames = (payload != null && batch.get(0).loop != null) ? new DirectFrames.Batch(payload) : null;
				try {
					for (Member member : batch) {
						member.offer(shared, position, frames);
					}
				}
				finally {
					if (frames != null) {
						frames.finish();
					}
				}
			});
		}

		private void fail(Throwable ex) {
			each(close(), member -> member.sink.tryEmitError(ex));
		}

		private void complete() {
			each(close(), member -> member.sink.tryEmitComplete());
		}

		/**
		 * Does something for every member on the event loop of its socket, one task per loop: the loops share
		 * the fan-out instead of the one thread that runs the execution (the database driver's), and each socket's
		 * write starts on its own loop without another hand-over. A member's signals keep their order, as all of
		 * them take the same way; members without a loop (tests) are served here.
		 */
		private void each(List<Member> members, Consumer<Member> action) {
			eachBatch(members, batch -> batch.forEach(action));
		}

		/** As {@link #each}, with the members of one loop (or each member without one) handed over together. */
		private void eachBatch(List<Member> members, Consumer<List<Member>> action) {
			Map<Executor, List<Member>> byLoop = null;
			for (Member member : members) {
				if (member.loop == null) {
					action.accept(List.of(member));
					continue;
				}
				if (byLoop == null) {
					byLoop = new IdentityHashMap<>();
				}
				byLoop.computeIfAbsent(member.loop, loop -> new ArrayList<>()).add(member);
			}
			if (byLoop == null) {
				return;
			}
			for (Map.Entry<Executor, List<Member>> batch : byLoop.entrySet()) {
				List<Member> onLoop = batch.getValue();
				try {
					batch.getKey().execute(() -> action.accept(onLoop));
				}
				catch (RejectedExecutionException ex) {
					// The server is shutting down and the loop with it, taking its sockets along.
				}
			}
		}

		void leave(Member member) {
			boolean last;
			synchronized (this) {
				last = this.members.remove(member) && this.members.isEmpty();
			}
			if (last) {
				close();
			}
		}

		/** Closes every member's socket, as a source that cannot keep up closes its subscriber's. */
		Mono<Void> closeAll(CloseStatus status) {
			return Flux.fromIterable(this.members)
				.flatMap(member -> (member.session != null) ? member.session.close(status) : Mono.empty())
				.then();
		}

		/** Stops the execution and forgets the group; returns the members it had. */
		private List<Member> close() {
			Disposable subscription;
			List<Member> left;
			synchronized (this) {
				this.closed = true;
				subscription = this.upstream;
				this.upstream = null;
				left = new ArrayList<>(this.members);
			}
			SharedSubscriptions.this.groups.remove(this.key, this);
			if (subscription != null) {
				subscription.dispose();
			}
			return left;
		}

	}

	/** One subscriber of a group: a bounded buffer in front of its socket. */
	static final class Member {

		private final @Nullable WebSocketSession session;

		final Sinks.Many<ExecutionResult> sink;

		/** Events at or before this position were published before the member joined. */
		volatile long start = NOTHING_YET;

		volatile @Nullable Group group;

		private final int capacity;

		/** Where this member's signals are delivered: its socket's event loop, or null for the emitting thread. */
		final @Nullable Executor loop;

		/** The socket's channel, written to directly while {@link #direct}; null: always Spring's way. */
		private final DirectFrames.@Nullable Socket socket;

		/** The graphql-transport-ws operation id, which the member's {@code next} frames carry. */
		private final @Nullable String id;

		/**
		 * Whether events are still written to the channel directly. Cleared for good the first time one cannot
		 * be (the channel is past its high water mark, the operation not yet subscribed to): from then on every
		 * event takes Spring's way, behind what is already written, so the socket's order holds. Read and
		 * written on the member's loop only.
		 */
		private boolean direct;

		/** Set when Spring's handler stops reading the member (complete, error, closed socket). */
		private volatile boolean ended;

		Member(@Nullable WebSocketSession session, int capacity) {
			this(session, capacity, null);
		}

		Member(@Nullable WebSocketSession session, int capacity, @Nullable Executor loop) {
			this(session, capacity, loop, null, null);
		}

		Member(@Nullable WebSocketSession session, int capacity, @Nullable Executor loop, DirectFrames.@Nullable Socket socket,
				@Nullable String id) {
			this.session = session;
			this.capacity = capacity;
			this.loop = loop;
			this.socket = socket;
			this.id = id;
			this.direct = (socket != null && id != null);
			// Grows with what it holds: thousands of idle subscribers would otherwise each keep the whole capacity.
			this.sink = Sinks.many().unicast().onBackpressureBuffer(new GrowingBoundedQueue<>(capacity));
		}

		void offer(ExecutionResult result, @Nullable Long position) {
			offer(result, position, null);
		}

		/** Offers an event; with frames, written straight to the channel while the member may be. */
		void offer(ExecutionResult result, @Nullable Long position, DirectFrames.@Nullable Batch frames) {
			long from = this.start;
			if (from == NOTHING_YET || (position != null && Long.compareUnsigned(position, from) <= 0)) {
				return;
			}
			DirectFrames.Socket channel = this.socket;
			String operation = this.id;
			if (this.direct && frames != null && channel != null && operation != null) {
				if (this.ended) {
					return;
				}
				if (this.sink.currentSubscriberCount() > 0 && frames.write(channel, operation)) {
					return;
				}
				this.direct = false;
			}
			Sinks.EmitResult emitted = this.sink.tryEmitNext(result);
			// A full buffer not yet subscribed to reports "zero subscribers": it is just as far behind.
			if (emitted == Sinks.EmitResult.FAIL_OVERFLOW || emitted == Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
				leave();
				if (this.session != null) {
					// Subscribed on its own, so that the subscription's teardown cannot cut the close frame.
					this.session.close(SLOW).subscribe(null, ex -> {
					});
				}
				// The same error as a subscriber of its own gets from the stream (SlowSubscriberException).
				this.sink.tryEmitError(new OtklikException(ErrorDetail.SLOW_SUBSCRIBER, "Подписчик не успевает получать события (буфер "
						+ this.capacity + " переполнен); переподключитесь с after, чтобы получить пропущенное"));
			}
			else if (emitted.isFailure()) {
				leave();
			}
		}

		Flux<ExecutionResult> flux() {
			return this.sink.asFlux().doFinally(signal -> {
				this.ended = true;
				leave();
			});
		}

		private void leave() {
			Group joined = this.group;
			if (joined != null) {
				joined.leave(this);
			}
		}

	}

	/** A result whose data is already JSON; every member's copy of it hands out the same payload. */
	private record Serialised(ExecutionResult result, SharedFrames.Payload payload) implements ExecutionResult {

		@Override
		public List<GraphQLError> getErrors() {
			return this.result.getErrors();
		}

		@Override
		public <T> T getData() {
			return this.result.getData();
		}

		@Override
		public boolean isDataPresent() {
			return true;
		}

		@Override
		public Map<Object, Object> getExtensions() {
			return this.result.getExtensions();
		}

		@Override
		public Map<String, Object> toSpecification() {
			return this.payload;
		}

	}

}

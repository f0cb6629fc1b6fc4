package org.otklik.storage;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.CursorNotFoundException;
import de.bwaldvogel.mongo.oplog.OplogCursor;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * A change stream's {@code getMore} that finds nothing new waits for the next oplog entry, as on MongoDB,
 * instead of answering at once.
 *
 * <p>mongo-java-server answers a change stream's {@code getMore} immediately, also with an empty batch, and
 * the driver then asks again at once: an idle process kept a core busy with that loop alone. Here an empty
 * batch of a change-stream cursor is held back until the oplog gets a new entry or the wait the client asked
 * for ({@code maxTimeMS}, else MongoDB's default of one second) is over. The batch itself is unchanged (it
 * was computed before the wait); a client woken by a write asks again and then finds the entry. Holding
 * happens on the way out, on the connection's own event loop, with a timer: no thread is blocked, so the
 * other connections that share the event loop are not slowed.
 */
final class AwaitData {

	/** What MongoDB waits for an awaitData cursor's {@code getMore} that gives no {@code maxTimeMS}. */
	static final long DEFAULT_WAIT_MILLIS = 1000;

	private final AtomicLong oplogWrites = new AtomicLong();

	private final Set<Held> held = ConcurrentHashMap.newKeySet();

	private final LongAdder heldReplies = new LongAdder();

	private final LongAdder changeStreamGetMores = new LongAdder();

	/** Called after the oplog got one or more new entries: every held empty batch is sent now. */
	void oplogWritten() {
		this.oplogWrites.incrementAndGet();
		for (Held reply : this.held) {
			reply.release();
		}
	}

	/** How many empty change-stream batches were held back so far (for tests and diagnostics). */
	long heldReplies() {
		return this.heldReplies.sum();
	}

	/** How many {@code getMore} commands of change-stream cursors arrived so far. */
	long changeStreamGetMores() {
		return this.changeStreamGetMores.sum();
	}

	/**
	 * Called by the backend, on the connection's event loop, before it runs a command: a {@code getMore} of a
	 * change-stream cursor marks the connection so that an empty reply to it is held.
	 */
	void beforeCommand(Channel channel, String command, Document query, CursorRegistry cursors) {
		if (channel == null || !"getMore".equalsIgnoreCase(command) || !(query.get(command) instanceof Number id)) {
			return;
		}
		Cursor cursor;
		try {
			cursor = cursors.getCursor(id.longValue());
		}
		catch (CursorNotFoundException ex) {
			return; // the backend answers with the error
		}
		if (!(cursor instanceof OplogCursor) && !(cursor instanceof IndexedOplog.PositionedCursor)) {
			return;
		}
		this.changeStreamGetMores.increment();
		long wait = (query.get("maxTimeMS") instanceof Number max && max.longValue() > 0) ? max.longValue()
				: DEFAULT_WAIT_MILLIS;
		Holder holder = channel.pipeline().get(Holder.class);
		if (holder == null) {
			holder = new Holder();
			channel.pipeline().addLast(holder);
		}
		holder.expect(wait, this.oplogWrites.get());
	}

	private static boolean isEmptyOpenBatch(MongoMessage reply) {
		if (!(reply.getDocument().get("cursor") instanceof Document cursor)) {
			return false;
		}
		return cursor.get("nextBatch") instanceof List<?> batch && batch.isEmpty()
				&& cursor.get("id") instanceof Number id && id.longValue() != 0;
	}

	/** One per connection; its fields are touched only on the connection's event loop. */
	private final class Holder extends ChannelOutboundHandlerAdapter {

		private long expectedWait = -1;

		private long writesSeen;

		void expect(long wait, long writesSeen) {
			this.expectedWait = wait;
			this.writesSeen = writesSeen;
		}

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
			long wait = this.expectedWait;
			this.expectedWait = -1;
			if (wait <= 0 || !(msg instanceof MongoMessage message) || !isEmptyOpenBatch(message)) {
				ctx.write(msg, promise);
				return;
			}
			Held reply = new Held(ctx, msg, promise);
			AwaitData.this.held.add(reply);
			AwaitData.this.heldReplies.increment();
			reply.timeout = ctx.executor().schedule(reply::send, wait, TimeUnit.MILLISECONDS);
			// An entry written since the command began may have missed the batch: answer now, the client asks again.
			if (AwaitData.this.oplogWrites.get() != this.writesSeen) {
				reply.release();
			}
		}

	}

	private final class Held {

		private final ChannelHandlerContext ctx;

		private final Object msg;

		private final ChannelPromise promise;

		/** Set and read on the event loop only. */
		private boolean sent;

		private ScheduledFuture<?> timeout;

		Held(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
			this.ctx = ctx;
			this.msg = msg;
			this.promise = promise;
		}

		/** From any thread. */
		void release() {
			try {
				this.ctx.executor().execute(this::send);
			}
			catch (RejectedExecutionException ex) {
				// The server is shutting down; the connection goes with it.
			}
		}

		private void send() {
			if (this.sent) {
				return;
			}
			this.sent = true;
			AwaitData.this.held.remove(this);
			if (this.timeout != null) {
				this.timeout.cancel(false);
			}
			this.ctx.writeAndFlush(this.msg, this.promise);
		}

	}

}

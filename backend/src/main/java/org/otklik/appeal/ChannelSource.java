package org.otklik.appeal;

import org.jspecify.annotations.Nullable;

/**
 * Where in a channel an appeal came from: the connected account it arrived through, what the answer
 * must reply to, and the thread that further messages of the same citizen belong to.
 *
 * @param accountId the channel account (null when an integrator sent it without one: answers are then
 *                  published by hand)
 * @param replyTarget what the answer replies to
 * @param threadKey identifies the conversation (a Telegram chat, a VK dialog, the replies under one
 *                  comment); a further message with the same key joins the open appeal
 */
public record ChannelSource(@Nullable String accountId, @Nullable ReplyTarget replyTarget, @Nullable String threadKey) {

	/**
	 * What an answer is posted as a reply to.
	 *
	 * @param kind where the reply goes
	 * @param chatId the chat, dialog (peer) or wall owner the reply is posted in
	 * @param postId the post whose comments the reply joins (VK wall comments)
	 * @param messageId the comment or message replied to
	 */
	public record ReplyTarget(ReplyKind kind, String chatId, @Nullable String postId, @Nullable String messageId) {
	}

	/** Where a reply goes. */
	public enum ReplyKind {

		/** A comment under a post (VK {@code wall.createComment} with {@code reply_to_comment}). */
		COMMENT,
		/** A message in a dialog or chat (VK {@code messages.send}, Telegram, MAX, OK). */
		MESSAGE

	}

}
